from flask import Flask, request, session

app = Flask(__name__)
LANGUAGES = {"en": "en", "de": "de", "fr": "fr"}


@app.route("/lang")
def set_language():
    session["lang"] = LANGUAGES.get(request.args.get("l", "en"), "en")
    return "ok"
