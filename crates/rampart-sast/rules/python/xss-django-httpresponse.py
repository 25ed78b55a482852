from django.http import HttpResponse, JsonResponse
from django.utils.html import escape


def hello(request):
    name = request.GET.get("name", "")
    # ruleid: xss-django-httpresponse
    return HttpResponse("<h1>Hello " + name + "</h1>")


def hello_safe(request):
    name = request.GET.get("name", "")
    # ok: xss-django-httpresponse
    return HttpResponse("<h1>Hello " + escape(name) + "</h1>")


def stream(request, slug):
    resp = HttpResponse()
    # ruleid: xss-django-httpresponse
    resp.write("<p>%s</p>" % slug)
    # ok: xss-django-httpresponse
    resp.write("<p>static</p>")
    return resp


def api(request):
    # ok: xss-django-httpresponse
    return JsonResponse({"q": request.GET.get("q")})
