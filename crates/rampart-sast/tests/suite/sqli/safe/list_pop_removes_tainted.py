from django.db import connection
from django.http import JsonResponse


def search(request):
    terms = [request.GET.get("term", ""), "active"]
    terms.pop(0)
    with connection.cursor() as cur:
        cur.execute("SELECT id FROM account WHERE status = '%s'" % terms[0])
        ids = [r[0] for r in cur.fetchall()]
    return JsonResponse({"ids": ids})
