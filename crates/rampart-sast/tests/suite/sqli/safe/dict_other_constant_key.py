import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/report")
def report():
    parts = {"filter": request.args.get("q", ""), "table": "sales"}
    con = sqlite3.connect("shop.db")
    rows = con.execute("SELECT count(*) FROM " + parts["table"]).fetchall()
    return {"rows": rows}
