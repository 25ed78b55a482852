from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/search")
def search():
    q = request.args.get("q", "")
    return make_response(f"<p>No results for {q}</p>", 404)
