import sqlite3

from flask import Flask, request

app = Flask(__name__)


def table_for(kind):
    # Every kind lives in one table today; the parameter is kept for later sharding.
    return "events"


@app.route("/events")
def events():
    table = table_for(request.args.get("kind"))
    con = sqlite3.connect("log.db")
    return {"rows": con.execute("SELECT * FROM " + table).fetchall()}
