import os

from flask import Flask, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/download")
def download():
    name = secure_filename(request.args["file"])
    with open(os.path.join(UPLOADS, name), "rb") as fh:
        return fh.read()
