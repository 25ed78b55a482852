import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/webhooks/test", methods=["POST"])
def test_webhook():
    target = request.get_json()["url"]
    r = requests.post(target, json={"ping": True}, timeout=5)
    return {"status": r.status_code}
