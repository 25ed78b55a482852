from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/search")
def search():
    q = request.args.get("q", "")
    html = "<html><body><p>Results for %s</p></body></html>" % q
    return make_response(html)
