from flask import Flask, request

app = Flask(__name__)


@app.route("/echo")
def echo():
    return {"you_said": request.args.get("q", "")}
