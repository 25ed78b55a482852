from flask import Flask, make_response, request

app = Flask(__name__)
THEME = 2


@app.route("/banner")
def banner():
    custom = request.args.get("text", "")
    text = "Welcome back" if 7 * 18 + THEME > 100 else custom
    return make_response("<div class='banner'>" + text + "</div>")
