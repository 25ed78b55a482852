from django.http import JsonResponse
from lxml import etree


def upload_config(request):
    root = etree.fromstring(request.body)
    return JsonResponse({"root": root.tag})
