from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    exprs = {"user": request.args.get("e", ""), "fixed": "6 * 7"}
    return {"result": eval(exprs["fixed"])}
