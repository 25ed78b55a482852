import os
from pathlib import Path

from flask import Flask, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
BASE = "/srv/uploads"


@app.route("/download")
def download():
    name = request.args["name"]
    # ruleid: path-traversal-open
    with open(os.path.join(BASE, name), "rb") as fh:
        data = fh.read()
    # ok: path-traversal-open
    with open(os.path.join(BASE, secure_filename(name)), "rb") as fh:
        data += fh.read()
    return data


@app.route("/report/<report_id>")
def report(report_id):
    # ruleid: path-traversal-open
    text = open(f"/srv/reports/{report_id}.txt").read()
    # ok: path-traversal-open
    text += open(os.path.join("/srv/reports", os.path.basename(report_id))).read()
    # ok: path-traversal-open
    text += open("/srv/reports/index.txt").read()
    base = Path("/srv/reports")
    # ruleid: path-traversal-open
    text += (base / report_id).read_text()
    # ok: path-traversal-open
    text += (base / str(int(report_id))).read_text()
    return text
