from django.http import JsonResponse

from .models import Entry


def entries(request):
    headline = request.GET["headline"]
    # ruleid: sqli-django-extra
    qs = Entry.objects.extra(where=["headline = '%s'" % headline])
    # ok: sqli-django-extra
    qs = Entry.objects.extra(where=["headline = %s"], params=[headline])
    order = request.GET.get("order", "id")
    # ruleid: sqli-django-extra
    qs = qs.extra(order_by=[order])
    # ok: sqli-django-extra
    qs = qs.extra(select={"is_recent": "pub_date > '2006-01-01'"})
    return JsonResponse({"n": qs.count()})
