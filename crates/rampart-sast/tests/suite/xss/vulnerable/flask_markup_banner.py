from flask import Flask, render_template, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/welcome")
def welcome():
    name = request.args.get("name", "")
    banner = Markup("<strong>Hi " + name + "</strong>")
    return render_template("welcome.html", banner=banner)
