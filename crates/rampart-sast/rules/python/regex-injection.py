import re

from flask import Flask, request

app = Flask(__name__)
DOCS = ["alpha", "beta", "gamma"]


@app.route("/grep")
def grep():
    pattern = request.args["q"]
    # ruleid: regex-injection
    rx = re.compile(pattern)
    # ok: regex-injection
    literal = re.compile(re.escape(pattern))
    # ok: regex-injection
    words = re.compile(r"\w+")
    # ruleid: regex-injection
    hits = [d for d in DOCS if re.search("^" + pattern, d)]
    return str([rx, literal, words, hits])
