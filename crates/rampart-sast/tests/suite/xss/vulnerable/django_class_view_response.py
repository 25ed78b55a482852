from django.http import HttpResponse
from django.views import View


class EchoView(View):
    def post(self, request):
        comment = self.request.POST.get("comment", "")
        return HttpResponse("<blockquote>%s</blockquote>" % comment)
