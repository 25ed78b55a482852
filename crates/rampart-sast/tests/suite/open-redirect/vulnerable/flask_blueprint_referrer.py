from flask import Blueprint, redirect, request

bp = Blueprint("auth", __name__)


@bp.route("/logout")
def logout():
    back = request.headers.get("Referer") or "/"
    return redirect(back)
