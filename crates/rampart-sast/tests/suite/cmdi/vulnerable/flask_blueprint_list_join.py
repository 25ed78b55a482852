import subprocess

from flask import Blueprint, request

bp = Blueprint("tools", __name__)


@bp.route("/grep", methods=["POST"])
def grep():
    words = []
    for w in request.form.getlist("word"):
        words.append(w.strip())
    cmd = "grep -rn " + " ".join(words) + " /srv/docs"
    return subprocess.check_output(cmd, shell=True)
