import sqlite3

from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
db = sqlite3.connect("analytics.db")


def ask(question: str):
    sql = llm.invoke("Write one SQLite query answering: " + question).content
    return db.execute(sql).fetchall()
