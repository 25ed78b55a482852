import os
from collections import deque

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    queue = deque()
    queue.append(request.args.get("host", ""))
    queue.append("uptime")
    queue.popleft()
    os.system(queue[0])
    return "done"
