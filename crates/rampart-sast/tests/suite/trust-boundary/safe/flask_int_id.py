from flask import Flask, request, session

app = Flask(__name__)


@app.post("/select-store")
def select_store():
    session["store_id"] = int(request.form["store"])
    return "ok"
