import asyncio
import os
import shlex

from django.http import HttpResponse


def thumbnail(request):
    name = request.GET["file"]
    # ruleid: cmdi-os-system
    os.system("convert /srv/img/" + name + " -resize 64x64 /srv/thumb/" + name)
    # ok: cmdi-os-system
    os.system("convert /srv/img/" + shlex.quote(name) + " /srv/thumb/out.png")
    return HttpResponse("ok")


def disk_usage(request):
    path = request.POST.get("path")
    # ruleid: cmdi-os-system
    usage = os.popen("du -sh %s" % path).read()
    # ok: cmdi-os-system
    total = os.popen("df -h").read()
    return HttpResponse(usage + total)


def run_shell(cmd):
    # ruleid: cmdi-os-system
    os.system(cmd)


def cleanup(request):
    # rampart follows the argument into the helper above (inter-procedural)
    run_shell("rm -rf /tmp/" + request.GET["job"])
    return HttpResponse("ok")


async def grep(request):
    pattern = request.GET["q"]
    # ruleid: cmdi-os-system
    proc = await asyncio.create_subprocess_shell("grep -r " + pattern + " /srv/docs")
    # ok: cmdi-os-system
    proc = await asyncio.create_subprocess_shell("grep -r TODO /srv/docs")
    return proc
