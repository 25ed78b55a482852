import os

from django.http import JsonResponse

MEDIA_ROOT = "/srv/media"


def delete_attachment(request):
    rel = request.POST["path"]
    os.remove(MEDIA_ROOT + "/" + rel)
    return JsonResponse({"deleted": rel})
