from flask import Flask, request

app = Flask(__name__)
LEVEL = 1


@app.route("/log")
def log():
    requested = request.args["path"]
    path = "/var/log/app.log" if 7 * 18 + LEVEL > 100 else requested
    with open(path) as fh:
        return fh.read()[-4096:]
