import os

from flask import Flask, abort, request

app = Flask(__name__)
BASE = "/srv/notes"


@app.route("/note")
def note():
    path = os.path.normpath(os.path.join(BASE, request.args["name"]))
    if not path.startswith(BASE + os.sep):
        abort(400)
    with open(path) as fh:
        return fh.read()
