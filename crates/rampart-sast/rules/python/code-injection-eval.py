import ast
import json

from flask import Flask, request

app = Flask(__name__)
LIMIT = 3


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "0")
    # ruleid: code-injection-eval
    value = eval(expr)
    # ok: code-injection-eval
    value = ast.literal_eval(expr)
    # ok: code-injection-eval
    conf = eval("{'debug': False}")
    return str(value) + str(conf)


@app.route("/filter", methods=["POST"])
def flt():
    body = request.get_json()
    cond = "lambda row: " + body["cond"]
    # ruleid: code-injection-eval
    fn = eval(cond)
    # The branch on a constant expression always picks the literal, so no taint reaches eval.
    choice = "len" if 7 * 18 + LIMIT > 100 else body["fn"]
    # ok: code-injection-eval
    g = eval(choice)
    data = body["cond"]
    data = "None"
    # ok: code-injection-eval
    h = eval(data)
    return json.dumps([fn(1), g("ab"), h])
