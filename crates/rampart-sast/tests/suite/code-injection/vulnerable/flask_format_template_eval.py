from flask import Flask, request

app = Flask(__name__)
FORMULA = "{a} {op} {b}"


@app.route("/math")
def math():
    expr = FORMULA.format(a=1, op=request.args.get("op", "+"), b=2)
    return str(eval(expr))
