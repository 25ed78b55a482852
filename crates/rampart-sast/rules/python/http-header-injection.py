from urllib.parse import quote

from django.http import HttpResponse
from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/download")
def download():
    name = request.args["name"]
    resp = make_response("data")
    # ruleid: http-header-injection
    resp.headers["Content-Disposition"] = "attachment; filename=" + name
    # ok: http-header-injection
    resp.headers["Content-Disposition"] = "attachment; filename*=UTF-8''" + quote(name)
    # ok: http-header-injection
    resp.headers["Cache-Control"] = "no-store"
    return resp


def track(request):
    resp = HttpResponse("ok")
    # ruleid: http-header-injection
    resp["X-Campaign"] = request.GET["campaign"]
    return resp
