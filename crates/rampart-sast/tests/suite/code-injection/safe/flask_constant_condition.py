from flask import Flask, request

app = Flask(__name__)
VERSION = 5


@app.route("/expr")
def expr():
    user_expr = request.args["e"]
    chosen = "2 ** 10" if 7 * 18 + VERSION > 100 else user_expr
    return str(eval(chosen))
