from django.db import connection
from django.http import JsonResponse
from django.views import View


class ReportView(View):
    def get(self, request):
        region = self.request.GET.get("region", "eu")
        with connection.cursor() as cur:
            cur.execute("SELECT sum(amount) FROM sales WHERE region = '{}'".format(region))
            total = cur.fetchone()[0]
        return JsonResponse({"total": total})
