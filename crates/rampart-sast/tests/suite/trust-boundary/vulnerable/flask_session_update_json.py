from flask import Flask, request, session

app = Flask(__name__)


@app.post("/prefs")
def save_prefs():
    prefs = request.get_json()
    session.update(prefs)
    return {"ok": True}
