from pathlib import Path

from flask import Flask, request

app = Flask(__name__)
BASE = Path("/srv/docs")


@app.route("/doc")
def doc():
    name = request.args["name"].strip()
    return (BASE / name).read_text()
