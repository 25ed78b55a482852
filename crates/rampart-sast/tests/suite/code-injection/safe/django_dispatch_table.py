import operator

from django.http import JsonResponse

OPS = {"add": operator.add, "sub": operator.sub, "mul": operator.mul}


def compute(request):
    op = OPS.get(request.GET.get("op"), operator.add)
    a = float(request.GET["a"])
    b = float(request.GET["b"])
    return JsonResponse({"result": op(a, b)})
