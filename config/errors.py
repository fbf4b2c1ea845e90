"""The archive's answers to requests it cannot serve: Arabic pages, and JSON under ``/api/``.

Programs that read the API parse every answer as JSON, errors included; people
get the archive's own Arabic pages (``templates/400.html``, ``404.html``,
``500.html``), never Django's or gunicorn's English ones.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.views import defaults

from archive.paging import NoSuchPage
from archive.relations import NoSuchRelation

API_PREFIX = "/api/"
MESSAGES = {
    400: "طلب غير صالح: تحقّق من العنوان واسم الموقع فيه.",
    403: "لا يُسمح بهذا الطلب.",
    404: "لا شيء في هذا العنوان من الواجهة البرمجية؛ انظر /api/search و/api/articles و/api/articles/<id>.",
    500: "حدث خطأ في الخادم فلم يُجب الطلب؛ سُجّل الخطأ، ولم يضِع شيء مما حُفظ.",
}


def _for_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def _json(status: int, message: str = "") -> JsonResponse:
    return JsonResponse(
        {"errors": [message or MESSAGES[status]]}, status=status, json_dumps_params={"ensure_ascii": False}
    )


def bad_request(request, exception):
    """Also the answer to a host name the archive does not serve (``ALLOWED_HOSTS``)."""
    return _json(400) if _for_api(request) else defaults.bad_request(request, exception)


def permission_denied(request, exception):
    return _json(403) if _for_api(request) else defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    """A page number past a list's end says which pages there are, a relation which countries are unknown.

    Any other 404 says nothing of its cause.
    """
    message = str(exception) if isinstance(exception, NoSuchPage | NoSuchRelation) else ""
    if _for_api(request):
        return _json(404, message)
    if message:
        return render(request, "404.html", {"message": message}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    return _json(500) if _for_api(request) else defaults.server_error(request)
