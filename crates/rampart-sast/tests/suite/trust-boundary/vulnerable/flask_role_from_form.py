from flask import Flask, request, session

app = Flask(__name__)


@app.post("/profile")
def update_profile():
    session["role"] = request.form["role"]
    return "saved"
