import sqlite3

from openai import OpenAI

client = OpenAI()
db = sqlite3.connect("shop.db")


def ask(question: str):
    resp = client.responses.create(model="gpt-4o-mini", input="SQL for: " + question)
    sql = resp.output_text
    # ruleid: llm-output-to-sql
    rows = db.execute(sql).fetchall()
    return rows


def ask_category(question: str):
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Which category? " + question}],
    )
    category = resp.choices[0].message.content.strip()
    # ok: llm-output-to-sql
    rows = db.execute("SELECT * FROM products WHERE category = ?", (category,)).fetchall()
    # ruleid: llm-output-to-sql
    more = db.execute(f"SELECT * FROM products WHERE category = '{category}'").fetchall()
    # ok: llm-output-to-sql
    total = db.execute("SELECT count(*) FROM products").fetchone()
    return rows, more, total
