import sqlite3

from flask import Flask, request

app = Flask(__name__)
SHARDS = 3


@app.route("/report")
def report():
    requested = request.args.get("table", "orders")
    table = "orders" if 7 * 18 + SHARDS > 100 else requested
    db = sqlite3.connect("shop.db")
    rows = db.execute("SELECT count(*) FROM " + table).fetchall()
    return str(rows)
