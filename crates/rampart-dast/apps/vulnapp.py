"""A deliberately vulnerable web application for rampart's DAST tests, with a fixed twin.

    python3 vulnapp.py --variant vulnerable|fixed [--port 0]

Prints `PORT <n>` on stdout once listening on 127.0.0.1. Every flaw rampart checks for is
planted once in the vulnerable variant; the fixed variant serves the same pages, links and
forms with the flaw removed, so findings there are false positives. Payload effects are
harmless: sqlite in memory, `echo`/`sleep` through the shell, reads of /etc/passwd.
Written for rampart; only Flask/Jinja2 (installed by .ci/run) and the standard library.
"""

import argparse
import html
import json
import os
import re
import secrets
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

from flask import Flask, Response, abort, make_response, redirect, render_template_string, request
from werkzeug.serving import WSGIRequestHandler, make_server

parser = argparse.ArgumentParser()
parser.add_argument("--variant", choices=["vulnerable", "fixed"], required=True)
parser.add_argument("--port", type=int, default=0)
args = parser.parse_args()
VULN = args.variant == "vulnerable"

app = Flask(__name__)
BASE = tempfile.mkdtemp(prefix="rampart-vulnapp-")
FILES = os.path.join(BASE, "files")
UPLOADS = os.path.join(BASE, "uploads")
os.makedirs(FILES)
os.makedirs(UPLOADS)
for name, text in [("readme.txt", "Welcome to the file area.\n"), ("notes.txt", "Remember the milk.\n")]:
    with open(os.path.join(FILES, name), "w") as f:
        f.write(text)

DB_LOCK = threading.Lock()
db = sqlite3.connect(":memory:", check_same_thread=False)
# MySQL has SLEEP(); sqlite has none, so the app registers one, as apps porting SQL sometimes do.
db.create_function("sleep", 1, lambda s: time.sleep(min(float(s), 10)) or 0)
db.executescript(
    """
    CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);
    INSERT INTO items VALUES (1, 'hammer'), (2, 'wrench'), (3, 'saw');
    CREATE TABLE users (name TEXT, role TEXT);
    INSERT INTO users VALUES ('alice', 'admin'), ('bob', 'user');
    CREATE TABLE codes (code TEXT, label TEXT);
    INSERT INTO codes VALUES ('A1', 'first code');
    """
)
COMMENTS = []
FAILED = {}
CSRF = secrets.token_hex(16)
SESSIONS = {}


def query(sql, params=()):
    with DB_LOCK:
        return db.execute(sql, params).fetchall()


def page(title, body):
    return (
        "<!doctype html><html><head><title>%s</title></head><body>"
        "<nav><a href='/'>home</a></nav>%s</body></html>" % (html.escape(title), body)
    )


REQUEST_LOG = os.environ.get("RAMPART_APP_LOG")
LOG_LOCK = threading.Lock()


@app.before_request
def log_request():
    # The benchmark counts requests on the app's side, the same way for every scanner.
    if REQUEST_LOG:
        with LOG_LOCK, open(REQUEST_LOG, "a") as f:
            f.write("%s %s\n" % (request.method, request.full_path))


@app.after_request
def headers(resp):
    if VULN:
        resp.headers["X-Powered-By"] = "PHP/7.4.3"
        if request.path.startswith("/api/"):
            origin = request.headers.get("Origin")
            if origin:
                resp.headers["Access-Control-Allow-Origin"] = origin
                resp.headers["Access-Control-Allow-Credentials"] = "true"
    else:
        resp.headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'"
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["X-Frame-Options"] = "DENY"
        resp.headers["Cache-Control"] = "no-store"
    return resp


@app.route("/")
def index():
    sid = secrets.token_hex(8)
    body = """
    <h1>Shop</h1>
    <ul>
      <li><a href="/search?q=tools">search</a></li>
      <li><a href="/profile?name=guest">profile</a></li>
      <li><a href="/greet?name=guest">greeting</a></li>
      <li><a href="/item?id=1">item 1</a></li>
      <li><a href="/user?name=alice">user alice</a></li>
      <li><a href="/lookup?code=A1">code lookup</a></li>
      <li><a href="/ping?host=localhost">ping</a></li>
      <li><a href="/notify?email=a@example.com">notify</a></li>
      <li><a href="/file?name=readme.txt">readme</a></li>
      <li><a href="/fetch?url=http://localhost/">fetch</a></li>
      <li><a href="/go?next=/">continue</a></li>
      <li><a href="/hello?name=guest">hello</a></li>
      <li><a href="/comments">comments</a></li>
      <li><a href="/settings">settings</a></li>
      <li><a href="/login">login</a></li>
      <li><a href="/upload">upload</a></li>
      <li><a href="/report?id=7">report</a></li>
      <li><a href="/lang?set=en">language</a></li>
      <li><a href="/logout">log out</a></li>
    </ul>
    <script>fetch('/api/stock?item=1').then(r => r.json());</script>
    """
    resp = make_response(page("Shop", body))
    if VULN:
        resp.set_cookie("sid", sid)
    else:
        resp.set_cookie("sid", sid, httponly=True, samesite="Lax")
    return resp


@app.route("/robots.txt")
def robots():
    return Response("User-agent: *\nDisallow: /backup/\nSitemap: /sitemap.xml\n", mimetype="text/plain")


@app.route("/sitemap.xml")
def sitemap():
    return Response(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>/about</loc></url></urlset>",
        mimetype="application/xml",
    )


@app.route("/about")
def about():
    extra = "<script src='/static/config.js'></script>"
    return page("About", "<p>We sell tools.</p>" + extra)


@app.route("/static/config.js")
def config_js():
    if VULN:
        key = "AKIA" + "QYLPMN5HFIQR7XYZ"
        secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY9"
        js = "var cfg = {awsAccessKeyId: '%s', awsSecretAccessKey: '%s'};" % (key, secret)
    else:
        js = "var cfg = {region: 'eu-west-1'};"
    return Response(js, mimetype="application/javascript")


@app.route("/backup/")
def backup():
    if VULN:
        return page("Index of /backup/", "<h1>Index of /backup/</h1><a href='db.sql'>db.sql</a>")
    abort(404)


@app.route("/report")
def report():
    try:
        n = int(request.args.get("id", "0"))
        return page("Report", "<p>Report %d: 1/%d = %f</p>" % (n, n - 7, 1 / (n - 7)))
    except Exception:
        if VULN:
            import traceback

            return Response("<pre>%s</pre>" % html.escape(traceback.format_exc()), status=500, mimetype="text/html")
        return Response(page("Error", "<p>Something went wrong.</p>"), status=500, mimetype="text/html")


@app.route("/lang")
def lang():
    # The chosen language is echoed in a response header; the vulnerable variant's raw-header
    # middleware below writes the parameter into it unfiltered (CRLF / header injection).
    resp = make_response(page("Language", "<p>Language saved.</p>"))
    chosen = request.args.get("set", "en")
    resp.headers["Content-Language"] = chosen if re.fullmatch(r"[A-Za-z-]{1,16}", chosen) else "en"
    return resp


def raw_language_header(wsgi):
    """Werkzeug's Response refuses CR/LF in header values, so the flaw lives where legacy code
    puts it: below the framework, in WSGI middleware that writes the raw query value."""

    def middleware(environ, start_response):
        if not (VULN and environ.get("PATH_INFO") == "/lang"):
            return wsgi(environ, start_response)
        raw = urllib.parse.parse_qs(environ.get("QUERY_STRING", "")).get("set", ["en"])[0]

        def start(status, headers, exc_info=None):
            headers = [(k, raw if k.lower() == "content-language" else v) for k, v in headers]
            return start_response(status, headers, exc_info)

        return wsgi(environ, start)

    return middleware


app.wsgi_app = raw_language_header(app.wsgi_app)


@app.route("/search")
def search():
    q = request.args.get("q", "")
    shown = q if VULN else html.escape(q)
    return page("Search", "<form action='/search'><input name='q'></form><p>Results for %s</p>" % shown)


@app.route("/profile")
def profile():
    name = request.args.get("name", "")
    shown = name if VULN else html.escape(name, quote=True)
    return page("Profile", '<form><input name="display" value="%s"></form>' % shown)


@app.route("/greet")
def greet():
    name = request.args.get("name", "")
    if VULN:
        js = "var who = '%s'; document.title = who;" % name
    else:
        js = "var who = %s; document.title = who;" % json.dumps(name).replace("<", "\\u003c").replace(">", "\\u003e")
    return page("Greeting", "<script>%s</script>" % js)


@app.route("/item")
def item():
    raw = request.args.get("id", "1")
    try:
        if VULN:
            rows = query("SELECT name FROM items WHERE id = %s" % raw)
        else:
            rows = query("SELECT name FROM items WHERE id = ?", (raw,))
    except sqlite3.Error as e:
        if VULN:
            return Response("sqlite3.OperationalError: %s" % html.escape(str(e)), status=500, mimetype="text/html")
        rows = []
    return page("Item", "<p>%s</p>" % (html.escape(rows[0][0]) if rows else "No such item"))


@app.route("/user")
def user():
    name = request.args.get("name", "")
    try:
        if VULN:
            rows = query("SELECT role FROM users WHERE name = '%s'" % name)
        else:
            rows = query("SELECT role FROM users WHERE name = ?", (name,))
    except sqlite3.Error:
        rows = []
    return page("User", "<p>%s</p>" % ("Role: " + rows[0][0] if rows else "No such user"))


@app.route("/lookup")
def lookup():
    code = request.args.get("code", "")
    try:
        if VULN:
            query("SELECT label FROM codes WHERE code = '%s'" % code)
        else:
            query("SELECT label FROM codes WHERE code = ?", (code,))
    except sqlite3.Error:
        pass
    return page("Lookup", "<p>Your request was logged.</p>")


@app.route("/ping")
def ping():
    host = request.args.get("host", "")
    if VULN:
        out = subprocess.run("echo pinging " + host, shell=True, capture_output=True, text=True, timeout=15).stdout
    else:
        out = subprocess.run(["echo", "pinging", host], capture_output=True, text=True, timeout=15).stdout
    return page("Ping", "<pre>%s</pre>" % html.escape(out))


@app.route("/notify")
def notify():
    email = request.args.get("email", "")
    if VULN:
        subprocess.run("true " + email, shell=True, capture_output=True, timeout=15)
    else:
        subprocess.run(["true", email], capture_output=True, timeout=15)
    return page("Notify", "<p>We will notify you.</p>")


@app.route("/file")
def file():
    name = request.args.get("name", "")
    if VULN:
        path = os.path.join(FILES, name)
    else:
        path = os.path.realpath(os.path.join(FILES, os.path.basename(name)))
        if not path.startswith(FILES + os.sep):
            abort(404)
    try:
        with open(path) as f:
            return page("File", "<pre>%s</pre>" % html.escape(f.read(20000)))
    except OSError:
        abort(404)


class _Refuse(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


NO_REDIRECTS = urllib.request.build_opener(_Refuse)


@app.route("/fetch")
def fetch():
    url = request.args.get("url", "")
    if not VULN and not url.startswith("https://docs.example.com/"):
        return page("Fetch", "<p>Only documentation links can be previewed.</p>")
    # Still vulnerable (loopback SSRF), but this test app itself never reaches another host,
    # whatever a scanner injects.
    host = urllib.parse.urlsplit(url).hostname or ""
    if host not in ("127.0.0.1", "localhost"):
        return page("Fetch", "<pre>(could not fetch)</pre>")
    try:
        with NO_REDIRECTS.open(url, timeout=3) as r:
            data = r.read(2000).decode("utf-8", "replace")
    except Exception:
        data = "(could not fetch)"
    return page("Fetch", "<pre>%s</pre>" % html.escape(data))


@app.route("/go")
def go():
    nxt = request.args.get("next", "/")
    if VULN or (nxt.startswith("/") and not nxt.startswith("//") and "\\" not in nxt):
        return redirect(nxt)
    return redirect("/")


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    if VULN:
        return render_template_string("<p>Hello " + name + "</p>")
    return render_template_string("<p>Hello {{ n }}</p>", n=name)


@app.route("/comments", methods=["GET", "POST"])
def comments():
    if request.method == "POST":
        if not VULN and request.form.get("csrf_token") != CSRF:
            abort(403)
        COMMENTS.append(request.form.get("text", "")[:500])
        return redirect("/comments")
    shown = "".join("<li>%s</li>" % (c if VULN else html.escape(c)) for c in COMMENTS[-50:])
    token = "" if VULN else "<input type='hidden' name='csrf_token' value='%s'>" % CSRF
    form = "<form method='post' action='/comments'>%s<textarea name='text'></textarea><button>post</button></form>" % token
    return page("Comments", "<ul>%s</ul>%s" % (shown, form))


@app.route("/settings", methods=["GET", "POST"])
def settings():
    if request.method == "POST":
        if not VULN and request.form.get("csrf_token") != CSRF:
            abort(403)
        return page("Settings", "<p>Saved.</p>")
    token = "" if VULN else "<input type='hidden' name='csrf_token' value='%s'>" % CSRF
    return page(
        "Settings",
        "<form method='post' action='/settings'>%s<select name='theme'><option>light</option><option>dark</option></select>"
        "<input type='checkbox' name='newsletter' value='yes'><button>save</button></form>" % token,
    )


@app.route("/login", methods=["GET", "POST"])
def login():
    form = (
        "<form method='post' action='/login'><input name='username'>"
        "<input type='password' name='password'><button>sign in</button></form>"
    )
    if request.method == "GET":
        return page("Login", form)
    user = request.form.get("username", "")
    pw = request.form.get("password", "")
    if not VULN:
        if FAILED.get(user, 0) >= 5:
            return Response(page("Login", "<p>Too many attempts. Try again later.</p>"), status=429, mimetype="text/html")
        ok = user == "admin" and pw == "S3cure-but-not-default!"
    else:
        ok = user == "admin" and pw == "admin"
    if ok:
        FAILED.pop(user, None)
        resp = redirect("/dashboard")
        sid = secrets.token_hex(8)
        SESSIONS[sid] = user
        resp.set_cookie("session", sid, httponly=True, samesite="Lax")
        return resp
    FAILED[user] = FAILED.get(user, 0) + 1
    return page("Login", "<p>Invalid credentials.</p>" + form)


@app.route("/dashboard")
def dashboard():
    if request.cookies.get("session") not in SESSIONS:
        return redirect("/login")
    return page("Dashboard", "<p>Welcome back.</p>")


@app.route("/upload", methods=["GET", "POST"])
def upload():
    token = "" if VULN else "<input type='hidden' name='csrf_token' value='%s'>" % CSRF
    form = "<form method='post' action='/upload' enctype='multipart/form-data'>%s<input type='file' name='doc'><button>send</button></form>" % token
    if request.method == "GET":
        return page("Upload", form)
    if not VULN and request.form.get("csrf_token") != CSRF:
        abort(403)
    f = request.files.get("doc")
    if f is None:
        return page("Upload", "<p>No file.</p>" + form)
    name = os.path.basename(f.filename or "upload.bin")
    if not VULN and not re.fullmatch(r"[\w-]+\.(png|jpg|pdf)", name):
        return Response(page("Upload", "<p>Only PNG, JPG and PDF files.</p>"), status=400, mimetype="text/html")
    f.save(os.path.join(UPLOADS, name))
    return page("Upload", "<p>Stored as <a href='/uploads/%s'>%s</a></p>" % (html.escape(name), html.escape(name)))


@app.route("/uploads/<name>")
def uploaded(name):
    path = os.path.join(UPLOADS, os.path.basename(name))
    if not os.path.exists(path):
        abort(404)
    with open(path, "rb") as f:
        data = f.read()
    if VULN:
        mime = "text/html" if name.endswith(".html") else "application/octet-stream"
        return Response(data, mimetype=mime)
    return Response(data, mimetype="application/octet-stream", headers={"Content-Disposition": "attachment"})


@app.route("/api/stock")
def stock():
    return Response(json.dumps({"item": request.args.get("item"), "stock": 4}), mimetype="application/json")


@app.route("/openapi.json")
def openapi():
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "shop API", "version": "1"},
        "paths": {
            "/api/import": {"post": {"requestBody": {"content": {"application/xml": {"schema": {"type": "string"}}}}}},
            "/api/price": {"post": {"requestBody": {"content": {"application/json": {"schema": {
                "type": "object", "properties": {"sku": {"type": "string", "example": "A-1"}, "qty": {"type": "integer"}}}}}}}},
        },
    }
    return Response(json.dumps(spec), mimetype="application/json")


@app.route("/api/import", methods=["POST"])
def xml_import():
    import io
    import xml.sax
    import xml.sax.handler

    class Collect(xml.sax.handler.ContentHandler):
        def __init__(self):
            super().__init__()
            self.text = []

        def characters(self, content):
            self.text.append(content)

    handler = Collect()
    parser = xml.sax.make_parser()
    # Vulnerable: external general entities resolved (files, URLs). Fixed: the safe default.
    parser.setFeature(xml.sax.handler.feature_external_ges, VULN)
    parser.setContentHandler(handler)
    try:
        parser.parse(io.BytesIO(request.get_data()[:100000]))
    except Exception:
        return Response(json.dumps({"error": "bad xml"}), status=400, mimetype="application/json")
    return Response(json.dumps({"imported": "".join(handler.text)[:5000]}), mimetype="application/json")


@app.route("/api/price", methods=["POST"])
def price():
    body = request.get_json(force=True, silent=True) or {}
    sku = str(body.get("sku", ""))
    rows = query("SELECT name FROM items WHERE name = ?", (sku,))
    return Response(json.dumps({"sku": sku, "found": bool(rows)}), mimetype="application/json")


@app.route("/logout")
def logout():
    return page("Bye", "<p>Logged out.</p>")


@app.route("/", methods=["TRACE"])
def trace():
    if not VULN:
        abort(405)
    head = "".join("%s: %s\n" % (k, v) for k, v in request.headers.items())
    return Response("TRACE / HTTP/1.1\n" + head, mimetype="message/http")



# A members area for the authentication tests: the login form carries a CSRF token that must be
# sent back, and a session ends after 4 requests, so a scanner has to log in again.
MEMBER_SESSIONS = {}
LOGIN_TOKENS = set()


@app.route("/members/login", methods=["GET", "POST"])
def members_login():
    if request.method == "GET":
        tok = secrets.token_hex(8)
        LOGIN_TOKENS.add(tok)
        return page(
            "Members login",
            "<form method='post' action='/members/login'><input type='hidden' name='csrf' value='%s'>"
            "<input name='user'><input type='password' name='pass'><button>go</button></form>" % tok,
        )
    if request.form.get("csrf") not in LOGIN_TOKENS:
        return Response(page("Members login", "<p>Bad CSRF token.</p>"), status=400, mimetype="text/html")
    LOGIN_TOKENS.discard(request.form.get("csrf"))
    if request.form.get("user") != "member" or request.form.get("pass") != "member-pass-42":
        return page("Members login", "<p>Wrong password.</p>")
    sid = secrets.token_hex(8)
    MEMBER_SESSIONS[sid] = 4
    resp = redirect("/members/")
    resp.set_cookie("msid", sid, httponly=True, samesite="Lax")
    return resp


@app.route("/members/")
@app.route("/members/<int:n>")
def members(n=0):
    sid = request.cookies.get("msid")
    if MEMBER_SESSIONS.get(sid, 0) <= 0:
        return redirect("/members/login")
    MEMBER_SESSIONS[sid] -= 1
    nxt = "<a href='/members/%d'>next</a>" % (n + 1) if n < 6 else ""
    return page("Members", "<p>Member page %d. Signed in as member.</p>%s" % (n, nxt))


class Handler(WSGIRequestHandler):
    def version_string(self):
        return "Werkzeug/3.1.3 Python/3.11.7" if VULN else "shop"

    def log_message(self, *a):
        pass


server = make_server("127.0.0.1", args.port, app, threaded=True, request_handler=Handler)
print("PORT %d" % server.server_port, flush=True)
server.serve_forever()
