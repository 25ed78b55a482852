from flask import Flask, request
from jinja2 import Environment

app = Flask(__name__)
env = Environment(autoescape=False)


@app.route("/card")
def card():
    tpl = env.from_string("<div class='card'>{{ title }}</div>")
    return tpl.render(title=request.args.get("title", ""))
