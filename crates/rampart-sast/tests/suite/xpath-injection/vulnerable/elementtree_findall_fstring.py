import xml.etree.ElementTree as ET

from django.http import JsonResponse

CATALOG = ET.parse("catalog.xml").getroot()


def books_by_author(request):
    author = request.GET.get("author", "")
    hits = CATALOG.findall(f".//book[@author='{author}']")
    return JsonResponse({"titles": [b.findtext("title") for b in hits]})
