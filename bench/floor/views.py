"""GET hands out the CSRF cookie; POST inserts one row and answers with a short fragment."""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.middleware.csrf import get_token

from floor.models import Row


def insert_row(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        get_token(request)
        return HttpResponse("ready")
    waarde = request.POST.get("waarde", "")
    if waarde != "weet_niet" and not waarde.isdigit():
        return HttpResponseBadRequest("waarde")
    Row.objects.create(value=int(waarde) if waarde.isdigit() else 0)
    return HttpResponse("saved")
