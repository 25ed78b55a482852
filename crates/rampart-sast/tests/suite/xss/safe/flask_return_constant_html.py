from flask import Flask, request

app = Flask(__name__)


@app.route("/status")
def status():
    verbose = request.args.get("v")
    body = "<p>all systems normal</p>"
    return "<html><body>%s</body></html>" % body if verbose else "ok"
