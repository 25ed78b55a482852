import requests
from django.http import JsonResponse

session = requests.Session()


def oembed(request):
    url = request.GET["url"]
    r = session.get(url, timeout=5)
    return JsonResponse(r.json())
