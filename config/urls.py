from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "إدارة الأرشيف"
admin.site.site_title = "أرشيف الأخبار الدبلوماسية"
admin.site.index_title = "التحرير"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("archive.urls")),
]
