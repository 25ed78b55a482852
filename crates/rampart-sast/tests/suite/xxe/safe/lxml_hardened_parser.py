from django.http import JsonResponse
from lxml import etree

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def upload_config(request):
    root = etree.fromstring(request.body, PARSER)
    return JsonResponse({"root": root.tag})
