from django.shortcuts import render
from django.utils.html import format_html


def article(request):
    word = request.GET.get("hl", "")
    note = format_html("<p>You searched for <mark>{}</mark></p>", word)
    return render(request, "article.html", {"note": note})
