import os
import shutil

from django.http import HttpResponse


def delete_upload(request):
    name = request.POST["name"]
    # ruleid: path-traversal-file-operation
    os.remove(os.path.join("/srv/uploads", name))
    # ok: path-traversal-file-operation
    os.remove(os.path.join("/srv/uploads", os.path.basename(name)))
    return HttpResponse("deleted")


def drop_workspace(request, workspace):
    # ruleid: path-traversal-file-operation
    shutil.rmtree("/srv/workspaces/" + workspace)
    # ok: path-traversal-file-operation
    shutil.rmtree("/srv/workspaces/tmp")
    return HttpResponse("ok")
