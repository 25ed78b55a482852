import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = request.form["username"]
    pw_hash = request.form["pw_hash"]
    db = sqlite3.connect("users.db")
    row = db.execute(
        "SELECT id FROM users WHERE name = ? AND pw_hash = ?", (user, pw_hash)
    ).fetchone()
    return "welcome" if row else ("denied", 403)
