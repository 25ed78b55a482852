from flask import Flask, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: xss-flask-markup
    banner = Markup("<h1>Hello " + name + "</h1>")
    # ok: xss-flask-markup
    safe = Markup("<h1>Hello " + escape(name) + "</h1>")
    # ok: xss-flask-markup
    fmt = Markup("<h1>Hello {}</h1>").format(name)
    return banner + safe + fmt


@app.route("/bio/<user>")
def bio(user):
    # ruleid: xss-flask-markup
    return Markup(f"<div class='bio'>{user}</div>")
