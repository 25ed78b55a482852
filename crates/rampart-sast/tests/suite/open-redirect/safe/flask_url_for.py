from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    page = request.args.get("page", "index")
    return redirect(url_for("dashboard", tab=page))
