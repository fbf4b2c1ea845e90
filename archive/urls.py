from django.urls import path

from . import views
from .feeds import LatestArticlesFeed
from .models import Entity

app_name = "archive"

# URL prefix of each kind of entity, in the plural, as the pages' headings.
ENTITY_PREFIXES = {
    Entity.Kind.PERSON: "people",
    Entity.Kind.ORGANIZATION: "organizations",
    Entity.Kind.COUNTRY: "countries",
    Entity.Kind.PLACE: "places",
    Entity.Kind.AGREEMENT: "agreements",
}

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/feed/", LatestArticlesFeed(), name="article-feed"),
    path("articles/<str:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
]
for kind, prefix in ENTITY_PREFIXES.items():
    urlpatterns += [
        path(f"{prefix}/", views.EntityListView.as_view(kind=kind), name=f"{kind}-list"),
        path(f"{prefix}/<str:slug>/", views.EntityDetailView.as_view(kind=kind), name=f"{kind}-detail"),
    ]
