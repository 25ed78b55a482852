import os

from django.http import JsonResponse


def upload(request):
    f = request.FILES["file"]
    dest = os.path.join("/srv/uploads", f.name)
    with open(dest, "wb") as out:
        for chunk in f.chunks():
            out.write(chunk)
    return JsonResponse({"saved": dest})
