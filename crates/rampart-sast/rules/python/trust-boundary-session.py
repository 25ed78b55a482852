from flask import Flask, request, session

app = Flask(__name__)
ROLES = {"viewer", "editor"}


@app.route("/prefs", methods=["POST"])
def prefs():
    # ruleid: trust-boundary-session
    session["role"] = request.form["role"]
    # ok: trust-boundary-session
    session["page_size"] = int(request.form["page_size"])
    role = request.form.get("role")
    # ok: trust-boundary-session
    session["theme"] = "dark"
    return "ok"


def django_prefs(request):
    # ok: trust-boundary-session
    request.session["visits"] = request.session.get("visits", 0) + 1
    team = request.POST["team"]
    # ruleid: trust-boundary-session
    request.session["team"] = team
