from fastapi import FastAPI
from sqlalchemy import create_engine, text

app = FastAPI()
engine = create_engine("sqlite:///shop.db")


def as_int(value) -> int:
    return int(value)


@app.get("/orders/{order_id}")
def order(order_id: str):
    oid = as_int(order_id)
    with engine.connect() as conn:
        row = conn.execute(text(f"SELECT total FROM orders WHERE id = {oid}")).fetchone()
    return {"total": row[0] if row else None}
