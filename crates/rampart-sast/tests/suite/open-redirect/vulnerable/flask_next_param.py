from flask import Flask, redirect, request
from flask_login import login_user

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    login_user(request.form["user"])
    return redirect(request.args.get("next", "/"))
