from flask import Flask, redirect, request

app = Flask(__name__)
STAGE = 2


@app.route("/continue")
def cont():
    wanted = request.args.get("to", "/")
    target = "/home" if 7 * 18 + STAGE > 100 else wanted
    return redirect(target)
