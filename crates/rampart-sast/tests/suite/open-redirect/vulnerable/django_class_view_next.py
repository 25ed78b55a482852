from django.shortcuts import redirect
from django.views import View


class LoginDone(View):
    def get(self, request):
        return redirect(self.request.GET.get("next", "/"))
