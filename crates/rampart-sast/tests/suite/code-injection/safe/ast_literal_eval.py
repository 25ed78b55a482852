import ast

from flask import Flask, request

app = Flask(__name__)


@app.post("/config")
def config():
    value = ast.literal_eval(request.form["value"])
    return {"type": type(value).__name__}
