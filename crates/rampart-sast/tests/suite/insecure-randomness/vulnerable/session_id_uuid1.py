import uuid

from django.http import HttpResponse


def login_view(request):
    session_id = str(uuid.uuid1())
    resp = HttpResponse("ok")
    resp.set_cookie("sid", session_id, httponly=True, secure=True, samesite="Lax")
    return resp
