from flask import Flask, session

app = Flask(__name__)


@app.route("/")
def index():
    session["visits"] = session.get("visits", 0) + 1
    return "welcome"
