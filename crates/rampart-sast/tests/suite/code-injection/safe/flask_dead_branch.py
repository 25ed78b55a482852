from flask import Flask, request

app = Flask(__name__)
ALLOW_EXPRESSIONS = False


@app.route("/value")
def value():
    raw = request.args.get("v", "0")
    if ALLOW_EXPRESSIONS:
        return str(eval(raw))
    return str(int(raw))
