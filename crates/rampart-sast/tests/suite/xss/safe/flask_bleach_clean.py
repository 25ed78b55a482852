import bleach
from flask import Flask, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/comment", methods=["POST"])
def comment():
    cleaned = bleach.clean(request.form["body"], tags=["b", "i", "a"])
    return {"html": str(Markup(cleaned))}
