import json

from flask import Flask, Response, make_response, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/search")
def search():
    q = request.args.get("q", "")
    # ruleid: xss-flask-response
    resp = make_response("<p>No results for " + q + "</p>")
    # ok: xss-flask-response
    resp = make_response("<p>No results for " + str(escape(q)) + "</p>")
    return resp


@app.route("/echo", methods=["POST"])
def echo():
    msg = request.form["msg"]
    # ruleid: xss-flask-response
    return Response(f"<html><body>{msg}</body></html>")


@app.route("/api/echo", methods=["POST"])
def api_echo():
    # ok: xss-flask-response
    return Response(json.dumps({"msg": request.form["msg"]}), mimetype="application/json")
