import xml.etree.ElementTree as ET

from django.http import JsonResponse

CATALOG = ET.parse("catalog.xml").getroot()


def books_by_author(request):
    author = request.GET.get("author", "")
    hits = [b for b in CATALOG.findall(".//book") if b.get("author") == author]
    return JsonResponse({"titles": [b.findtext("title") for b in hits]})
