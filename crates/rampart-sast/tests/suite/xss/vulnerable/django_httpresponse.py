from django.http import HttpResponse


def not_found(request, slug):
    return HttpResponse("<h1>Page " + slug + " does not exist</h1>", status=404)
