from django.shortcuts import redirect


def go(target):
    return redirect(target)


def after_checkout(request):
    return go(request.GET["return_to"])
