import requests
from flask import Flask, request

app = Flask(__name__)


def fetch(url):
    return requests.get(url, timeout=5).text


@app.route("/import", methods=["POST"])
def import_feed():
    return fetch(request.form["feed_url"])
