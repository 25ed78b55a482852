from django.http import HttpResponseRedirect


def set_language(request):
    back = request.META.get("HTTP_REFERER", "/")
    response = HttpResponseRedirect(back)
    response.set_cookie("lang", request.POST.get("lang", "en"), secure=True, httponly=True, samesite="Lax")
    return response
