from django.http import JsonResponse


class Plugin:
    def __init__(self, source):
        self.source = source

    def run(self):
        scope = {}
        exec(self.source, scope)
        return scope.get("result")


def run_plugin(request):
    plugin = Plugin(request.POST["code"])
    return JsonResponse({"result": plugin.run()})
