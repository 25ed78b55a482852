from flask import Flask, request, session

app = Flask(__name__)


@app.route("/whoami")
def whoami():
    display = request.args.get("name", "guest")
    session["user"] = {"name": display, "admin": False}
    return "hello"
