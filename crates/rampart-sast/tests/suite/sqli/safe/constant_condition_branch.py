import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/items")
def items():
    user_sort = request.args.get("sort", "")
    num = 86
    if 7 * 42 - num > 200:
        order = "name"
    else:
        order = user_sort
    con = sqlite3.connect("shop.db")
    return {"rows": con.execute("SELECT * FROM item ORDER BY " + order).fetchall()}
