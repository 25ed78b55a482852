import os

from flask import Flask, request

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/download")
def download():
    name = request.args["file"]
    path = os.path.join(UPLOADS, name)
    with open(path, "rb") as fh:
        return fh.read()
