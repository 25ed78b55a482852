from flask import Flask, request

from app import reports

app = Flask(__name__)


@app.route("/report")
def report():
    name = request.args.get("name", "")
    reports.build_report(name)
    return "started"
