import ast

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/parse")
def parse():
    raw = request.args.get("value", "[]")
    return jsonify(result=ast.literal_eval(raw))
