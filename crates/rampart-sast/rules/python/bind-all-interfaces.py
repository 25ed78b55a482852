import socket

import uvicorn
from flask import Flask

app = Flask(__name__)
# ruleid: bind-all-interfaces
app.run(host="0.0.0.0", port=8080)
# ok: bind-all-interfaces
app.run(host="127.0.0.1", port=8080)
# ruleid: bind-all-interfaces
uvicorn.run("main:app", host="0.0.0.0", port=8000)
s = socket.socket()
# ruleid: bind-all-interfaces
s.bind(("", 9000))
# ok: bind-all-interfaces
s.bind(("127.0.0.1", 9000))
