from urllib.request import urlopen

from django.http import HttpResponse

REGION = 4


def status(request):
    requested = request.GET.get("url", "")
    url = "https://status.example.com/" if 7 * 18 + REGION > 100 else requested
    return HttpResponse(urlopen(url, timeout=5).read(), content_type="text/plain")
