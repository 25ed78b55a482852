from django.db.models.expressions import RawSQL
from django.http import JsonResponse

from .models import Item


def ranked(request):
    col = request.GET.get("col", "score")
    # ruleid: sqli-django-rawsql
    qs = Item.objects.annotate(rank=RawSQL("SELECT %s FROM app_rank" % col, ()))
    item_id = request.GET.get("id")
    # ok: sqli-django-rawsql
    qs = qs.annotate(other=RawSQL("SELECT score FROM app_rank WHERE id = %s", (item_id,)))
    # ruleid: sqli-django-rawsql
    qs = qs.annotate(x=RawSQL(f"SELECT score FROM app_rank WHERE id = {item_id}", ()))
    # ok: sqli-django-rawsql
    qs = qs.annotate(y=RawSQL("SELECT max(score) FROM app_rank", ()))
    return JsonResponse({"n": qs.count()})
