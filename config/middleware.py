"""A save that meets a database busy with another write: a clear Arabic answer, never a 500.

SQLite admits one writer at a time. A save that waits longer than the busy
timeout (20 s, ``config.settings``) for a long write, an import say, fails with
"database is locked": the reader is told that nothing was saved and to try
again, and an editor gets back the title and text they sent, to copy.
"""

from django.db import OperationalError
from django.http import JsonResponse
from django.template.response import TemplateResponse

from .errors import API_PREFIX

RETRY_AFTER_SECONDS = 10
BUSY = "الأرشيف مشغول الآن بحفظ آخر فلم يُحفظ طلبك؛ أعد المحاولة بعد لحظات."
# What an editor typed that is worth giving back: an article's or an entity's text.
KEPT_FIELDS = ("title", "name", "body", "description")


class BusyDatabaseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (isinstance(exception, OperationalError) and "database is locked" in str(exception)):
            return None
        if request.path.startswith(API_PREFIX):
            response = JsonResponse({"errors": [BUSY]}, status=503, json_dumps_params={"ensure_ascii": False})
        else:
            kept = [(name, request.POST[name]) for name in KEPT_FIELDS if request.POST.get(name)]
            response = TemplateResponse(request, "503.html", {"message": BUSY, "kept": kept}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
