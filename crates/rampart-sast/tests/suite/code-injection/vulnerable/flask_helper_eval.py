from flask import Flask, request

app = Flask(__name__)


def parse_setting(raw):
    return eval(raw)


@app.route("/settings", methods=["POST"])
def settings():
    value = parse_setting(request.form["value"])
    return {"value": value}
