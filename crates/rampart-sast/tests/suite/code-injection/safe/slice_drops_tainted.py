from django.http import JsonResponse


def compute(request):
    parts = ["1 + 1", "2 * 3", request.GET.get("extra", "0")]
    first_two = parts[:2]
    return JsonResponse({"values": [eval(p) for p in first_two]})
