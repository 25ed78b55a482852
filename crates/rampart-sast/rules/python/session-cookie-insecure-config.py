from flask import Flask

# ruleid: session-cookie-insecure-config
SESSION_COOKIE_SECURE = False
# ok: session-cookie-insecure-config
CSRF_COOKIE_SECURE = True
# ruleid: session-cookie-insecure-config
SESSION_COOKIE_HTTPONLY = False

app = Flask(__name__)
# ruleid: session-cookie-insecure-config
app.config["SESSION_COOKIE_SECURE"] = False
# ok: session-cookie-insecure-config
app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
# ok: session-cookie-insecure-config
USE_TZ = False
