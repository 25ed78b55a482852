from django.http import JsonResponse

from shop.db import find_products
from .audit import log_line
from . import audit


def search(request):
    term = request.GET.get("q", "")
    log_line(term)
    audit.log_line(term)
    return JsonResponse({"items": find_products(term)})
