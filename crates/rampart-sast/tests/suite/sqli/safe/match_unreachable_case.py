import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/stats")
def stats():
    raw = request.args.get("col", "")
    mode = "B"
    match mode:
        case "A":
            column = raw
        case "B":
            column = "price"
        case _:
            column = "id"
    con = sqlite3.connect("shop.db")
    return {"rows": con.execute("SELECT max(" + column + ") FROM item").fetchall()}
