from django.urls import path

from . import api, views
from .feeds import SearchFeed

app_name = "search"

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
    path("search/feed/", SearchFeed(), name="feed"),
    path("search/export.<str:extension>", views.SearchExportView.as_view(), name="export"),
    path("healthz", views.HealthView.as_view(), name="health"),
    path("opensearch.xml", views.OpenSearchDescriptionView.as_view(), name="opensearch"),
    path("api/search", api.SearchAPIView.as_view(), name="api-search"),
    path("api/articles", api.ArticleListAPIView.as_view(), name="api-articles"),
    path("api/articles/<int:pk>", api.ArticleAPIView.as_view(), name="api-article"),
]
