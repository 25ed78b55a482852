from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    nxt = request.args.get("next", "/")
    # ruleid: open-redirect
    return redirect(nxt)


@app.route("/logout")
def logout():
    # ok: open-redirect
    return redirect(url_for("index"))


def django_login(request):
    target = request.GET.get("next", "/")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        # ok: open-redirect
        return HttpResponseRedirect(target)
    # ruleid: open-redirect
    return HttpResponseRedirect(request.GET["fallback"])
