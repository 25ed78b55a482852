from urllib.parse import urlparse

import requests
from flask import Flask, request

app = Flask(__name__)
ALLOWED = {"api.partner.example"}


@app.route("/fetch")
def fetch():
    url = request.args["url"]
    # ruleid: ssrf-requests
    r = requests.get(url, timeout=5)
    return r.text


@app.route("/proxy", methods=["POST"])
def proxy():
    data = request.get_json()
    # ruleid: ssrf-requests
    r = requests.post("http://" + data["host"] + "/hook", json=data, timeout=5)
    # ok: ssrf-requests
    r = requests.post("https://hooks.internal.example/notify", json=data, timeout=5)
    return r.text


@app.route("/status")
def status():
    # ok: ssrf-requests
    return requests.get("https://status.example.com/api", timeout=5).text
