import io

from flask import Flask, request

app = Flask(__name__)


def user_file(owner, name):
    return "/srv/uploads/" + owner + "/" + name


@app.route("/download")
def download():
    path = user_file("shared", request.args["name"])
    with io.open(path, "rb") as fh:
        return fh.read()
