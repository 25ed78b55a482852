from flask import Flask, render_template, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.route("/welcome")
def welcome():
    name = escape(request.args.get("name", ""))
    banner = Markup("<strong>Hi " + name + "</strong>")
    return render_template("welcome.html", banner=banner)
