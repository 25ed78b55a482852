import os

from flask import Flask, request

import safety
from naming import table_for

app = Flask(__name__)


@app.route("/ls")
def ls():
    path = request.args.get("p", ".")
    os.system("ls " + safety.quoted(path))
    os.system("du -sh " + table_for(path))
    return "ok"
