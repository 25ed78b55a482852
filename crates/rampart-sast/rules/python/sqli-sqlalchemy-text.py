from fastapi import FastAPI, Header
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


@app.get("/items/by-id/{item_id}")
def by_id(item_id: int, x_tenant: str = Header(...)):
    with Session(engine) as session:
        # FastAPI has already converted the typed path parameter to int.
        # ok: sqli-sqlalchemy-text
        session.execute(text(f"SELECT * FROM items WHERE id = {item_id}"))
        # ruleid: sqli-sqlalchemy-text
        session.execute(text(f"SELECT * FROM items_{x_tenant} WHERE id = {item_id}"))
