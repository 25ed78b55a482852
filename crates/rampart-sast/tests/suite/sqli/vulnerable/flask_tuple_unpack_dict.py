import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/range")
def date_range():
    start, end = request.args["from"], request.args["to"]
    filters = {"start": start, "end": end}
    sql = "SELECT * FROM events WHERE day BETWEEN '%(start)s' AND '%(end)s'" % filters
    return str(sqlite3.connect("ev.db").execute(sql).fetchall())
