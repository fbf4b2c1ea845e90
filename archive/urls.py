from django.urls import path, register_converter

from . import views
from .converters import SlugConverter
from .feeds import EntityAtomFeed, LatestArticlesAtomFeed, LatestArticlesFeed, RelationAtomFeed
from .models import ENTITY_MODELS

app_name = "archive"
register_converter(SlugConverter, "slug_text")

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/feed/", LatestArticlesFeed(), name="article-feed"),
    path("articles/atom/", LatestArticlesAtomFeed(), name="article-atom"),
    path("articles/<slug_text:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path(
        "articles/<slug_text:slug>/cite.<str:extension>",
        views.ArticleCitationView.as_view(),
        name="article-citation",
    ),
    path(
        "relations/<slug_text:first>/<slug_text:second>/",
        views.RelationView.as_view(),
        name="relation-detail",
    ),
    path("relations/<slug_text:first>/<slug_text:second>/atom/", RelationAtomFeed(), name="relation-atom"),
]
for kind, model in ENTITY_MODELS.items():
    urlpatterns += [
        path(f"{model.URL_PREFIX}/", views.EntityListView.as_view(kind=kind), name=f"{kind}-list"),
        path(
            f"{model.URL_PREFIX}/<slug_text:slug>/",
            views.EntityDetailView.as_view(kind=kind),
            name=f"{kind}-detail",
        ),
        path(f"{model.URL_PREFIX}/<slug_text:slug>/atom/", EntityAtomFeed(kind), name=f"{kind}-atom"),
    ]
