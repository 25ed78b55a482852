from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/greet")
def greet():
    name = request.args.get("name", "")
    return "<h1>Hello %s</h1>" % escape(name)
