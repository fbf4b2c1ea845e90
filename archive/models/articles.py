"""Articles and the sources that publish them."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.urls import reverse
from django.utils.text import Truncator

from arabic.numbers import CountedNoun
from arabic.sentences import lede

from ..dates import Precision, partial_date_constraints, stored_partial_date
from ..identity import content_hash, unique_slug
from .base import SavedAtomically
from .decisions import STANDING_MENTIONS

if TYPE_CHECKING:
    from .entities import Entity


class Source(SavedAtomically):
    name = models.CharField("الاسم", max_length=200, unique=True)
    slug = models.SlugField("المعرّف", max_length=200, unique=True, allow_unicode=True)
    url = models.URLField("الموقع", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "مصدر"
        verbose_name_plural = "المصادر"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Source, self.name, "source")
        super().save(*args, **kwargs)


class ArticleQuerySet(models.QuerySet):
    def for_listing(self):
        """What a list of articles shows, in one query whatever its length.

        The body stays: an untitled article is listed by its opening words.
        """
        return self.select_related("source")

    def mentioning(self, entity: Entity):
        return self.filter(mentions__entity=entity, mentions__state__in=STANDING_MENTIONS).distinct()

    def published_in(self, year: int):
        return self.filter(published_on__year=year)

    def oldest_first(self):
        """The dated articles from the oldest, the first added first; then the undated ones, as the search orders them."""
        return self.order_by(models.F("published_on").asc(nulls_last=True), "id")

    def published_between(self, first: datetime.date | None, last: datetime.date | None):
        """The articles published from ``first`` to ``last``, both included; an open end is None."""
        articles = self
        if first:
            articles = articles.filter(published_on__gte=first)
        if last:
            articles = articles.filter(published_on__lte=last)
        return articles

    def holding(self, kind: str, values: list[str]):
        """The articles that hold every value of one facet of the search: entities of a kind, a source, a year."""
        articles = self
        for value in values:
            if kind == "source":
                articles = articles.filter(source__slug=value)
            elif kind == "year":
                year = int(value) if value.isdecimal() and len(value) <= 4 else 0
                articles = articles.published_in(year) if year >= 1 else articles.none()
            else:
                articles = articles.filter(
                    mentions__entity__kind=kind,
                    mentions__entity__slug=value,
                    mentions__state__in=STANDING_MENTIONS,
                ).distinct()
        return articles

    def dated_counts(self) -> dict[tuple[int, int | None], int]:
        """How many articles each month has, by (year, month); those dated only by a year under (year, None)."""
        rows = (
            self.exclude(published_on=None)
            .order_by()
            .annotate(year=ExtractYear("published_on"), month=ExtractMonth("published_on"))
            .values_list("year", "month", "date_precision")
            .annotate(count=Count("id", distinct=True))
        )
        counts: dict[tuple[int, int | None], int] = {}
        for year, month, precision, count in rows:
            key = (year, None if precision == Precision.YEAR else month)
            counts[key] = counts.get(key, 0) + count
        return counts

    def years(self) -> list[int]:
        return sorted(
            {d.year for d in self.exclude(published_on=None).dates("published_on", "year")},
            reverse=True,
        )


class Article(SavedAtomically):
    title = models.CharField("العنوان", max_length=500, blank=True)
    body = models.TextField("النص", help_text="نص عادي؛ تفصل بين الفقرات أسطر فارغة.")
    published_on = models.DateField("تاريخ النشر", null=True, blank=True)
    date_precision = models.CharField("دقة التاريخ", max_length=5, choices=Precision.choices, blank=True)
    source = models.ForeignKey(
        Source,
        verbose_name="المصدر",
        related_name="articles",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    url = models.URLField("الرابط الأصلي", max_length=1000, blank=True)
    language = models.CharField("اللغة", max_length=8, default="ar")
    slug = models.SlugField("المعرّف الدائم", max_length=255, unique=True, allow_unicode=True, editable=False)
    content_hash = models.CharField("بصمة المحتوى", max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("أنشئ في", auto_now_add=True)
    updated_at = models.DateTimeField("عُدّل في", auto_now=True)

    published = stored_partial_date("published_on", "date_precision")

    COUNTED = CountedNoun("مقال واحد", "مقالان", "مقالات", "مقالًا", "مقال")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        # The archive's one order of articles, which every list, the feed of the newest and
        # the previous/next links of an article page follow: by publication date, newest
        # first; on the same date, the later added first; then the undated ones, the later
        # added first. An undated article is so never placed among dated ones.
        ordering = [models.F("published_on").desc(nulls_last=True), "-id"]
        verbose_name = "مقال"
        verbose_name_plural = "المقالات"
        indexes = [
            models.Index(fields=["published_on", "id"]),
            models.Index(fields=["source", "published_on"]),
        ]
        constraints = partial_date_constraints("published_on", "date_precision", "article")

    def __str__(self) -> str:
        return self.display_title

    def save(self, *args, **kwargs):
        self.content_hash = content_hash(self.body)
        if not self.slug:
            self.slug = unique_slug(Article, self.display_title, "article")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("archive:article-detail", kwargs={"slug": self.slug})

    @property
    def display_title(self) -> str:
        """The title, or the opening words of the body when the source gave none."""
        return self.title or Truncator(self.body).words(12)

    def paragraphs_with_offsets(self) -> list[tuple[int, int]]:
        """Spans of the body's paragraphs: blank lines separate them, or lines."""
        separator = "\n\n" if "\n\n" in self.body.strip() else "\n"
        spans, start = [], 0
        for chunk in self.body.split(separator):
            end = start + len(chunk)
            if chunk.strip():
                spans.append((start, end))
            start = end + len(separator)
        return spans

    @property
    def lede(self) -> str:
        """What a list shows of the text: its first sentence, or its opening words."""
        return lede(self.body)

    def neighbour(self, older: bool) -> Article | None:
        """The article just after (``older``) or just before this one in the archive's order (``Meta.ordering``).

        The dated articles come first, so "older" than the oldest dated one is the
        latest undated one, and "newer" than the latest undated one is the oldest dated.
        """
        date = self.published_on
        if date is None:
            after = Q(published_on=None, id__lt=self.id)
            before = Q(published_on__isnull=False) | Q(published_on=None, id__gt=self.id)
        else:
            after = Q(published_on__lt=date) | Q(published_on=date, id__lt=self.id) | Q(published_on=None)
            before = Q(published_on__gt=date) | Q(published_on=date, id__gt=self.id)
        articles = Article.objects.for_listing()
        # ``reverse()`` turns the order around, nulls last becoming nulls first.
        return articles.filter(after).first() if older else articles.filter(before).reverse().first()
