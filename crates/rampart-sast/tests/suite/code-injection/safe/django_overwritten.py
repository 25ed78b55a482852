from django.http import JsonResponse


def evaluate(request):
    source = request.POST.get("source", "")
    if len(source) > 100:
        return JsonResponse({"error": "too long"}, status=400)
    source = "sum(range(10))"
    return JsonResponse({"value": eval(source)})
