import os

from flask import Flask, request
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.post("/upload")
def upload():
    f = request.files["doc"]
    dest = os.path.join("/srv/uploads", secure_filename(f.filename))
    with open(dest, "wb") as out:
        out.write(f.read())
    return "stored"
