import os

from django.http import JsonResponse

MEDIA_ROOT = "/srv/media"


def delete_attachment(request):
    name = os.path.basename(request.POST["path"])
    os.remove(os.path.join(MEDIA_ROOT, name))
    return JsonResponse({"deleted": name})
