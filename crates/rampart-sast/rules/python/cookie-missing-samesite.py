from flask import Flask, make_response

app = Flask(__name__)
COOKIE_OPTS = {"secure": True, "httponly": True, "samesite": "Lax"}


@app.route("/login")
def login():
    resp = make_response("ok")
    # ruleid: cookie-missing-samesite
    resp.set_cookie("sid", "abc123")
    # ruleid: cookie-missing-samesite
    resp.set_cookie("prefs", "dark", max_age=3600, samesite=None)
    # ok: cookie-missing-samesite
    resp.set_cookie("sid2", "abc123", secure=True, httponly=True, samesite="Lax")
    # ok: cookie-missing-samesite
    resp.set_cookie("sid3", "abc123", samesite="Strict", httponly=True, secure=True)
    # ok: cookie-missing-samesite
    resp.set_cookie("sid4", "abc123", **COOKIE_OPTS)
    # ok: cookie-missing-samesite
    resp.set_cookie("sid5", "abc123", secure=app.config["COOKIE_SECURE"], httponly=app.config["COOKIE_HTTPONLY"], samesite=app.config["COOKIE_SAMESITE"])
    return resp


def copy_cookies(jar, cookies):
    for c in cookies:
        # http.cookiejar.CookieJar.set_cookie takes a Cookie object, not a response cookie
        # ok: cookie-missing-samesite
        jar.set_cookie(c)
