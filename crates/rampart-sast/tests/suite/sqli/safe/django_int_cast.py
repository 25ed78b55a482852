from django.db import connection
from django.http import JsonResponse


def order_detail(request):
    order_id = int(request.GET["id"])
    with connection.cursor() as cur:
        cur.execute("SELECT total FROM shop_order WHERE id = %d" % order_id)
        row = cur.fetchone()
    return JsonResponse({"total": row[0] if row else None})
