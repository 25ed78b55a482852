from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST


@csrf_exempt
@require_POST
# ruleid: django-csrf-exempt
def transfer(request):
    return JsonResponse({"ok": True})


@csrf_protect
# ok: django-csrf-exempt
def update_profile(request):
    return JsonResponse({"ok": True})


@csrf_exempt
# ruleid: django-csrf-exempt
def webhook(request):
    return JsonResponse({"ok": True})


# ok: django-csrf-exempt
def index(request):
    return JsonResponse({"ok": True})
