from django.http import HttpResponse


def accept_cookies(request):
    consent = request.POST.get("consent")
    request.session["cookie_banner_seen"] = True
    return HttpResponse("thanks" if consent else "ok")
