from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def set_language(request):
    back = request.META.get("HTTP_REFERER", "/")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(back)
    return HttpResponseRedirect("/")
