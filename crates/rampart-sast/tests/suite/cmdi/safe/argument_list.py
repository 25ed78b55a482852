import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/grep")
def grep():
    needle = request.args.get("q", "")
    out = subprocess.run(["grep", "-rn", "--", needle, "/srv/docs"], capture_output=True, text=True)
    return out.stdout
