import re
import sqlite3

from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/count")
def count():
    table = request.args.get("table", "")
    if not re.fullmatch(r"[a-z_]{1,30}", table):
        abort(400)
    return str(sqlite3.connect("app.db").execute("SELECT count(*) FROM " + table).fetchone())
