from urllib.request import urlopen

from django.http import HttpResponse


def image_proxy(request):
    src = request.GET["src"]
    data = urlopen(src, timeout=5).read()
    return HttpResponse(data, content_type="image/png")
