import os

from django.http import HttpResponse


def resize(request):
    src = request.POST["src"]
    size = request.POST.get("size", "128x128")
    os.system("convert /srv/media/%s -resize %s /srv/thumbs/%s" % (src, size, src))
    return HttpResponse("queued")
