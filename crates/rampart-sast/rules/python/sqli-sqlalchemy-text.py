from fastapi import FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

app = FastAPI()
engine = create_engine("sqlite:///app.db")


@app.get("/items/{category}")
def items(category: str, limit: int = 10):
    with Session(engine) as session:
        # ruleid: sqli-sqlalchemy-text
        rows = session.execute(text(f"SELECT * FROM items WHERE category = '{category}'"))
        # ok: sqli-sqlalchemy-text
        rows = session.execute(text("SELECT * FROM items WHERE category = :c"), {"c": category})
        return [dict(r._mapping) for r in rows]


@app.get("/search")
def search(q: str):
    with engine.connect() as conn:
        sql = "SELECT id FROM docs WHERE body LIKE '%" + q + "%'"
        # ruleid: sqli-sqlalchemy-text
        conn.exec_driver_sql(sql)
        # ok: sqli-sqlalchemy-text
        conn.exec_driver_sql("SELECT id FROM docs WHERE body LIKE ?", ("%" + q + "%",))
        # ok: sqli-sqlalchemy-text
        conn.execute(text("SELECT count(*) FROM docs"))
