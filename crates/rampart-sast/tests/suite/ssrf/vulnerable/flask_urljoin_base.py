from urllib.parse import urljoin

import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/api-proxy")
def api_proxy():
    path = request.args.get("path", "/")
    url = urljoin("https://api.internal.example/", path)
    return requests.get(url, timeout=5).text
