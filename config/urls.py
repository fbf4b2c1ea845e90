from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from archive.sitemaps import SITEMAPS

admin.site.site_header = "إدارة الأرشيف"
admin.site.site_title = "أرشيف الأخبار الدبلوماسية"
admin.site.index_title = "التحرير"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Search engines index the articles and entities, not the endless pages of searches.
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
    ),
    path("", include("search.urls")),
    path("", include("archive.urls")),
]

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
