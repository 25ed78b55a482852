from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/sso")
def sso():
    tenant = request.args["tenant"]
    return redirect(f"https://{tenant}/oauth/callback?code=abc")
