from flask import Flask, render_template, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: xss-flask-returned-html
    return "<h1>Hello %s</h1>" % name


@app.get("/search")
def search():
    q = request.args.get("q", "")
    if not q:
        # ok: xss-flask-returned-html
        return "<p>Type something</p>"
    # ruleid: xss-flask-returned-html
    return f"<p>No results for {q}</p>"


@app.post("/comment")
def comment():
    text = request.form["text"]
    # ruleid: xss-flask-returned-html
    return "<li>" + text + "</li>"


@app.route("/safe")
def safe():
    name = request.args.get("name", "")
    # ok: xss-flask-returned-html
    return "<h1>Hello %s</h1>" % escape(name)


@app.route("/page")
def page():
    # ok: xss-flask-returned-html
    return render_template("page.html", name=request.args.get("name"))


@app.route("/count")
def count():
    n = int(request.args.get("n", "0"))
    # ok: xss-flask-returned-html
    return "<p>%d items</p>" % n


def not_a_view(name):
    # ok: xss-flask-returned-html
    return "<b>%s</b>" % name
