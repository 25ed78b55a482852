import sqlite3

from flask import Flask

from params import current_filter

app = Flask(__name__)


@app.route("/orders")
def orders():
    con = sqlite3.connect("shop.db")
    where = current_filter()
    return {"rows": con.execute("SELECT * FROM orders WHERE " + where).fetchall()}
