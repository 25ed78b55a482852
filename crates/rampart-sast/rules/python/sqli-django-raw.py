from django.http import JsonResponse

from .models import Person


def people(request):
    lname = request.GET.get("last_name", "")
    # ruleid: sqli-django-raw
    rows = Person.objects.raw("SELECT * FROM app_person WHERE last_name = '%s'" % lname)
    # ok: sqli-django-raw
    rows = Person.objects.raw("SELECT * FROM app_person WHERE last_name = %s", [lname])
    return JsonResponse({"n": len(list(rows))})


def by_team(request, team):
    sql = "SELECT * FROM app_person WHERE team = '" + team + "'"
    # ruleid: sqli-django-raw
    members = Person.objects.raw(sql)
    # ok: sqli-django-raw
    everyone = Person.objects.raw("SELECT * FROM app_person")
    return JsonResponse({"n": len(list(members)) + len(list(everyone))})
