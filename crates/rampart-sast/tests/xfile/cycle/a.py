import os

from flask import Flask, request

import b

app = Flask(__name__)


@app.route("/run")
def run():
    b.forward(request.args.get("cmd", ""))
    return "ok"


def execute(cmd):
    os.system(cmd)
