import sqlite3
import sys
from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


@app.route("/user")
def user():
    name = request.args.get("name")
    cur = db.cursor()
    # ruleid: sqli-dbapi-execute
    cur.execute("SELECT * FROM users WHERE name = '" + name + "'")
    # ok: sqli-dbapi-execute
    cur.execute("SELECT * FROM users WHERE name = ?", (name,))
    return str(cur.fetchall())


@app.route("/order/<order_id>")
def order(order_id):
    query = f"SELECT * FROM orders WHERE id = {order_id}"
    # ruleid: sqli-dbapi-execute
    db.execute(query)
    oid = int(order_id)
    # ok: sqli-dbapi-execute
    db.execute("SELECT * FROM orders WHERE id = %d" % oid)
    return "ok"


def bulk_delete():
    table = sys.argv[1]
    # ruleid: sqli-dbapi-execute
    db.executemany("DELETE FROM %s WHERE id = ?" % table, [(1,), (2,)])
    # ok: sqli-dbapi-execute
    db.executemany("DELETE FROM events WHERE id = ?", [(1,), (2,)])
