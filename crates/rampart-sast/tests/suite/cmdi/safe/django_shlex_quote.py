import os
import shlex

from django.http import HttpResponse


def resize(request):
    src = shlex.quote(request.POST["src"])
    os.system("convert /srv/media/" + src + " -resize 128x128 /srv/thumbs/" + src)
    return HttpResponse("queued")
