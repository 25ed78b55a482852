import os

from flask import Flask, request

app = Flask(__name__)
BASE = "/srv/notes"


@app.route("/note")
def note():
    name = os.path.basename(request.args["name"])
    with open(os.path.join(BASE, name)) as fh:
        return fh.read()
