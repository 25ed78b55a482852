import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    values = ["uptime", request.args.get("host", "")]
    os.system("ping -c1 " + values[1])
    return "done"
