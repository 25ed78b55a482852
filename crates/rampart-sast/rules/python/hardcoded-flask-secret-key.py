import os

from flask import Flask

app = Flask(__name__)
# ruleid: hardcoded-flask-secret-key
app.secret_key = "dev"
# ruleid: hardcoded-flask-secret-key
app.config["SECRET_KEY"] = "super-secret-key-123"
# ruleid: hardcoded-flask-secret-key
app.config.update(SECRET_KEY="another-one", DEBUG=False)
# ok: hardcoded-flask-secret-key
app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]
# ok: hardcoded-flask-secret-key
app.secret_key = os.urandom(32)
