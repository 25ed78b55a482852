from django.shortcuts import render
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def profile(request):
    bio = request.POST.get("bio", "")
    # ruleid: xss-django-mark-safe
    rendered = mark_safe("<div class='bio'>" + bio + "</div>")
    # ok: xss-django-mark-safe
    rendered2 = format_html("<div class='bio'>{}</div>", bio)
    # ok: xss-django-mark-safe
    icon = mark_safe("<i class='icon-user'></i>")
    return render(request, "profile.html", {"bio": rendered, "bio2": rendered2, "icon": icon})


def badge(request, label):
    # ruleid: xss-django-mark-safe
    return render(request, "badge.html", {"badge": mark_safe(f"<span>{label}</span>")})
