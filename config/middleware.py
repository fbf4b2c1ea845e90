"""A save the database cannot take now: a clear Arabic answer, never a 500, and the editor's text given back.

SQLite admits one writer at a time. A save that waits longer than the busy
timeout (20 s, ``config.settings``) for a long write, an import's batch say,
fails with "database is locked"; one on a full disk fails with "database or
disk is full". Either way nothing was saved: the reader is told why and to try
again, and an editor gets back the title and text they sent, to copy.
"""

from django.db import OperationalError
from django.http import JsonResponse
from django.template.response import TemplateResponse

from .errors import API_PREFIX

RETRY_AFTER_SECONDS = 10
# What SQLite says, and what the reader is told.
REFUSALS = {
    "database is locked": "الأرشيف مشغول الآن بحفظ آخر فلم يُحفظ طلبك؛ أعد المحاولة بعد لحظات.",
    "disk is full": "لا مكان على قرص الخادم فلم يُحفظ طلبك؛ أُبلغ القائمون على الأرشيف، فأعد المحاولة لاحقًا.",
}
# What an editor typed that is worth giving back: an article's or an entity's text.
KEPT_FIELDS = ("title", "name", "body", "description")


class RefusedWriteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError):
            return None
        message = next((told for said, told in REFUSALS.items() if said in str(exception)), None)
        if message is None:
            return None
        if request.path.startswith(API_PREFIX):
            response = JsonResponse(
                {"errors": [message]}, status=503, json_dumps_params={"ensure_ascii": False}
            )
        else:
            kept = [(name, request.POST[name]) for name in KEPT_FIELDS if request.POST.get(name)]
            response = TemplateResponse(request, "503.html", {"message": message, "kept": kept}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
