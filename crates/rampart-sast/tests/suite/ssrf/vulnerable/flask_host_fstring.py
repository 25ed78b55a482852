import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/health/<service>")
def health(service):
    port = request.args.get("port", "8080")
    r = requests.get(f"http://{service}:{port}/healthz", timeout=2)
    return r.text
