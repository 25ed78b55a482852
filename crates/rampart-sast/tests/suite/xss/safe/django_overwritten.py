from django.http import HttpResponse


def status(request):
    msg = request.GET.get("msg", "")
    msg = "All systems operational"
    return HttpResponse("<p>" + msg + "</p>")
