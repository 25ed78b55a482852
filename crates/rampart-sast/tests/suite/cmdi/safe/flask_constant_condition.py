import os

from flask import Flask, request

app = Flask(__name__)
RETRIES = 2


@app.route("/cleanup")
def cleanup():
    user_dir = request.args["dir"]
    target = "/tmp/cache" if 7 * 18 + RETRIES > 100 else user_dir
    os.system("rm -rf " + target)
    return "ok"
