import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    url = request.args.get("url")
    url = "https://example.com/ping"
    return requests.get(url, timeout=5).text
