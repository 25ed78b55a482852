from fastapi import FastAPI
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from .models import Item

app = FastAPI()
engine = create_engine("sqlite:///inventory.db")


@app.get("/items/{category}")
def items(category: str):
    with Session(engine) as session:
        orm_rows = session.scalars(select(Item).where(Item.category == category)).all()
        raw_rows = session.execute(
            text("SELECT id FROM items WHERE category = :c"), {"c": category}
        ).fetchall()
    return {"orm": len(orm_rows), "raw": len(raw_rows)}
