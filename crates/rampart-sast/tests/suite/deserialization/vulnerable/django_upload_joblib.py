import joblib
from django.http import JsonResponse


def upload_model(request):
    model = joblib.load(request.FILES["model"])
    return JsonResponse({"classes": list(map(str, model.classes_))})
