import json
import pickle
import socket

import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/state", methods=["POST"])
def restore_state():
    # ruleid: pickle-load-untrusted
    state = pickle.loads(request.data)
    # ok: pickle-load-untrusted
    state2 = json.loads(request.data)
    return str(state) + str(state2)


def fetch_model(url):
    blob = requests.get(url, timeout=10).content
    # ruleid: pickle-load-untrusted
    return pickle.loads(blob)


def serve(sock: socket.socket):
    data = sock.recv(65536)
    # ruleid: pickle-load-untrusted
    msg = pickle.loads(data)
    # ok: pickle-load-untrusted
    cfg = pickle.loads(open("/srv/app/cache.pkl", "rb").read())
    return msg, cfg
