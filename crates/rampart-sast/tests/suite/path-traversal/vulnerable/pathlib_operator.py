from pathlib import Path

from django.http import HttpResponse

ROOT = Path("/srv/reports")


def report(request):
    target = ROOT / request.GET["file"]
    return HttpResponse(target.read_bytes(), content_type="application/pdf")
