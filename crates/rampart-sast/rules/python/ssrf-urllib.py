import urllib.request

import urllib3
from django.http import HttpResponse

http = urllib3.PoolManager()


def preview(request):
    url = request.GET["url"]
    # ruleid: ssrf-urllib
    body = urllib.request.urlopen(url).read()
    # ok: ssrf-urllib
    body += urllib.request.urlopen("https://example.com/robots.txt").read()
    return HttpResponse(body, content_type="text/plain")


def mirror(request):
    target = request.POST["target"]
    # ruleid: ssrf-urllib
    resp = http.request("GET", target)
    # ok: ssrf-urllib
    resp2 = http.request("GET", "https://mirror.example.com/index")
    return HttpResponse(resp.data + resp2.data, content_type="text/plain")
