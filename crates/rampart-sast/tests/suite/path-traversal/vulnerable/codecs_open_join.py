import codecs
import os

from flask import Flask, request

app = Flask(__name__)
BASE = "/srv/notes"


@app.route("/note")
def note():
    path = os.path.join(BASE, request.args["name"])
    with codecs.open(path, "r", "utf-8") as fh:
        return fh.read()
