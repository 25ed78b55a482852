import sqlite3

from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
db = sqlite3.connect("analytics.db")


def top_products(question: str):
    category = llm.invoke("Which product category is this about? " + question).content.strip()
    return db.execute(
        "SELECT name FROM products WHERE category = ? ORDER BY sales DESC LIMIT 5", (category,)
    ).fetchall()
