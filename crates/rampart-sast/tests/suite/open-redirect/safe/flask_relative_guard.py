from urllib.parse import urlparse

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/continue")
def cont():
    nxt = request.args.get("next", "/")
    if urlparse(nxt).netloc or not nxt.startswith("/"):
        nxt = "/"
    return redirect(nxt)
