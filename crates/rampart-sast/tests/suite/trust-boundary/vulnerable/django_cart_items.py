from django.http import JsonResponse


def add_to_cart(request):
    items = request.POST.getlist("items")
    request.session["cart"] = items
    return JsonResponse({"count": len(items)})
