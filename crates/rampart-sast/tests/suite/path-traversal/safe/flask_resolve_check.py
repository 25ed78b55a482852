from pathlib import Path

from flask import Flask, abort, request

app = Flask(__name__)
BASE = Path("/srv/docs").resolve()


@app.route("/doc")
def doc():
    target = (BASE / request.args["name"]).resolve()
    if not target.is_relative_to(BASE):
        abort(404)
    return open(target).read()
