from django.http import JsonResponse


def apply_rule(request):
    rule_src = request.POST["rule"]
    scope = {"order": {"total": 120}}
    exec("def rule(order):\n    return " + rule_src, scope)
    return JsonResponse({"result": scope["rule"](scope["order"])})
