import subprocess

from django.http import HttpResponse


def run_tool(request):
    arg = request.GET.get("arg", "")
    switch = "b"
    if switch == "a":
        cmd = "ls " + arg
    elif switch == "b":
        cmd = "ls /srv/public"
    else:
        cmd = "true"
    out = subprocess.check_output(cmd, shell=True)
    return HttpResponse(out, content_type="text/plain")
