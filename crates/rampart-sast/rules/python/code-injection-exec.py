from django.http import HttpResponse

HANDLERS = {"upper": str.upper, "lower": str.lower}


def run_snippet(request):
    snippet = request.POST["snippet"]
    scope = {}
    # ruleid: code-injection-exec
    exec(snippet, scope)
    # ruleid: code-injection-exec
    code = compile("result = " + snippet, "<user>", "exec")
    # ok: code-injection-exec
    exec("result = 1 + 1", scope)
    op = HANDLERS.get(request.POST["op"], str.strip)
    # ok: code-injection-exec
    return HttpResponse(op(snippet))


def evaluate(src):
    # ruleid: code-injection-exec
    exec(src, {})


def plugin(request):
    # rampart follows the argument into the helper above (inter-procedural)
    evaluate(request.GET["src"])
    return HttpResponse("ok")
