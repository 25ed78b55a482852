from fastapi import FastAPI
from sqlalchemy import create_engine, text

app = FastAPI()
engine = create_engine("sqlite:///inventory.db")


def build_filter(column: str, value: str) -> str:
    return f"SELECT * FROM items WHERE {column} = '{value}'"


@app.get("/items")
def items(column: str, value: str):
    sql = build_filter(column, value)
    with engine.connect() as conn:
        rows = conn.execute(text(sql)).fetchall()
    return [dict(r._mapping) for r in rows]
