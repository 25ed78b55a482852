from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    expression = request.args.get("expr", "1+1")
    return jsonify(result=eval(expression))
