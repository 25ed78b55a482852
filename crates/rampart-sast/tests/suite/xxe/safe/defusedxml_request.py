from defusedxml import ElementTree as SafeET
from flask import Flask, request

app = Flask(__name__)


@app.post("/import")
def import_feed():
    root = SafeET.fromstring(request.data)
    return {"items": len(root)}
