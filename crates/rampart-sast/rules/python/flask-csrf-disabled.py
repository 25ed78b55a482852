from flask import Flask
from flask_wtf import CSRFProtect

app = Flask(__name__)
# ruleid: flask-csrf-disabled
app.config["WTF_CSRF_ENABLED"] = False
# ok: flask-csrf-disabled
app.config["WTF_CSRF_TIME_LIMIT"] = 3600
# ruleid: flask-csrf-disabled
WTF_CSRF_ENABLED = False
# ok: flask-csrf-disabled
WTF_CSRF_ENABLED = True
csrf = CSRFProtect(app)
