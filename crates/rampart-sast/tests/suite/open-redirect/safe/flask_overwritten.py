from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/logout")
def logout():
    target = request.args.get("next", "/")
    target = "/goodbye"
    return redirect(target)
