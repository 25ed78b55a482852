import subprocess

from django.http import HttpResponse

COMMANDS = {"uptime": "uptime", "disk": "df -h", "mem": "free -m"}


def diag(request):
    name = request.GET.get("check", "uptime")
    if name not in COMMANDS:
        return HttpResponse("unknown check", status=400)
    return HttpResponse(subprocess.check_output(COMMANDS[name], shell=True))
