from django.shortcuts import render
from django.utils.safestring import mark_safe


def highlight(text, word):
    return mark_safe(text.replace(word, "<mark>" + word + "</mark>"))


def article(request):
    word = request.GET.get("hl", "")
    body = "Security is everyone's job."
    return render(request, "article.html", {"body": highlight(body, word)})
