"""The archive's data: articles, their sources, named entities and mentions."""

from __future__ import annotations

from django.db import models, router, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.text import Truncator

from arabic.normalization import normalize
from arabic.numbers import CountedNoun

from .dates import PartialDate, Precision, partial_date_constraints
from .identity import content_hash, unique_slug


class SavedAtomically(models.Model):
    """A save and what its post_save receivers write commit together, or not at all.

    Django sends post_save after the row is written; outside a transaction the
    row is already committed then, so a process that dies before the receivers
    finish would leave an article unlinked, or its change out of the search queue.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using") or router.db_for_write(type(self), instance=self)):
            super().save(*args, **kwargs)


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
        return self.filter(mentions__entity=entity).distinct()

    def published_in(self, year: int):
        return self.filter(published_on__year=year)

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

    COUNTED = CountedNoun("مقال واحد", "مقالان", "مقالات", "مقالًا", "مقال")

    objects = ArticleQuerySet.as_manager()

    class Meta:
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

    @property
    def published(self) -> PartialDate | None:
        return PartialDate.from_stored(self.published_on, self.date_precision)

    @published.setter
    def published(self, value: PartialDate | None) -> None:
        self.published_on = value.first_day if value else None
        self.date_precision = value.precision if value else ""

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

    def neighbour(self, older: bool) -> Article | None:
        """The article just before (older) or after in date order; undated ones by id."""
        articles = Article.objects.for_listing()
        if self.published_on is None:
            around = articles.filter(published_on=None)
            step = around.filter(id__lt=self.id) if older else around.filter(id__gt=self.id)
        else:
            date = self.published_on
            if older:
                step = articles.filter(Q(published_on__lt=date) | Q(published_on=date, id__lt=self.id))
            else:
                step = articles.filter(Q(published_on__gt=date) | Q(published_on=date, id__gt=self.id))
        order = ["-published_on", "-id"] if older else ["published_on", "id"]
        return step.order_by(*order).first()


def entity_kinds() -> list[tuple[str, str]]:
    """Each kind of entity and its Arabic name, from the models that define them."""
    return [(model.KIND, model._meta.verbose_name) for model in ENTITY_MODELS.values()]


class Entity(SavedAtomically):
    """Anything an article can mention; each kind below adds its own fields.

    A kind is a subclass, and the subclass is the whole definition of the kind:
    ``KIND`` names it in URLs' parameters, the index's facets and the API,
    ``URL_PREFIX`` is the plural its pages live under, ``COUNTED`` how a number
    of them is written, ``FACETED`` whether searches narrow by it, and the
    ``Meta`` names it in Arabic. Every table of kinds is derived from these.
    """

    kind = models.CharField("النوع", max_length=16, choices=entity_kinds, editable=False)
    name = models.CharField("الاسم", max_length=300)
    slug = models.SlugField("المعرّف الدائم", max_length=255, unique=True, allow_unicode=True, editable=False)
    description = models.TextField("نبذة", blank=True)
    normalized_name = models.CharField(max_length=300, editable=False, db_index=True)

    KIND = ""
    URL_PREFIX = ""
    COUNTED: CountedNoun
    FACETED = True

    class Meta:
        ordering = ["name"]
        verbose_name = "كيان"
        verbose_name_plural = "الكيانات"
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.kind = self.kind or self.KIND
        self.normalized_name = normalize(self.name)
        if not self.slug:
            self.slug = unique_slug(Entity, self.name, self.kind)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(f"archive:{self.kind}-detail", kwargs={"slug": self.slug})

    def spellings(self) -> list[str]:
        """The name and every alias: all the ways the texts write this entity."""
        return [self.name, *(alias.name for alias in self.aliases.all())]


class EntityQuerySet(models.QuerySet):
    def with_article_counts(self):
        return self.annotate(article_count=Count("mentions__article", distinct=True))


EntityManager = models.Manager.from_queryset(EntityQuerySet)


class Country(Entity):
    KIND = "country"
    URL_PREFIX = "countries"
    COUNTED = CountedNoun("دولة واحدة", "دولتان", "دول", "دولةً", "دولة")
    # Named so that the entity's reverse accessor does not clash with the
    # ``country`` field of people, places and organisations.
    entity_ptr = models.OneToOneField(
        Entity, parent_link=True, primary_key=True, related_name="as_country", on_delete=models.CASCADE
    )
    objects = EntityManager()

    class Meta:
        ordering = ["name"]
        verbose_name = "دولة"
        verbose_name_plural = "الدول"


class Place(Entity):
    """A city, a region or a border crossing, in its country."""

    KIND = "place"
    URL_PREFIX = "places"
    COUNTED = CountedNoun("مكان واحد", "مكانان", "أماكن", "مكانًا", "مكان")
    # Places are named in articles but narrow no search.
    FACETED = False
    country = models.ForeignKey(
        Country,
        verbose_name="الدولة",
        related_name="places",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    objects = EntityManager()

    class Meta:
        ordering = ["name"]
        verbose_name = "مكان"
        verbose_name_plural = "الأماكن"


class Organization(Entity):
    KIND = "organization"
    URL_PREFIX = "organizations"
    COUNTED = CountedNoun("منظمة واحدة", "منظمتان", "منظمات", "منظمةً", "منظمة")
    country = models.ForeignKey(
        Country,
        verbose_name="الدولة",
        related_name="organizations",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    objects = EntityManager()

    class Meta:
        ordering = ["name"]
        verbose_name = "منظمة"
        verbose_name_plural = "المنظمات"


class Person(Entity):
    KIND = "person"
    URL_PREFIX = "people"
    COUNTED = CountedNoun("شخص واحد", "شخصان", "أشخاص", "شخصًا", "شخص")
    role = models.CharField("الصفة", max_length=300, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name="الدولة",
        related_name="people",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    objects = EntityManager()

    class Meta:
        ordering = ["name"]
        verbose_name = "شخص"
        verbose_name_plural = "الأشخاص"


class Agreement(Entity):
    class Status(models.TextChoices):
        DRAFT = "draft", "مشروع"
        SIGNED = "signed", "موقّعة"
        IN_FORCE = "in_force", "سارية"
        UPDATED = "updated", "محدَّثة"

    KIND = "agreement"
    URL_PREFIX = "agreements"
    COUNTED = CountedNoun("اتفاقية واحدة", "اتفاقيتان", "اتفاقيات", "اتفاقيةً", "اتفاقية")
    status = models.CharField("الحالة", max_length=10, choices=Status.choices, default=Status.DRAFT)
    signed_on = models.DateField("تاريخ التوقيع", null=True, blank=True)
    signed_precision = models.CharField(
        "دقة تاريخ التوقيع", max_length=5, choices=Precision.choices, blank=True
    )
    parties = models.ManyToManyField(
        Entity,
        verbose_name="الأطراف",
        related_name="agreements_as_party",
        blank=True,
        limit_choices_to=Q(kind__in=[Country.KIND, Organization.KIND]),
    )
    related = models.ManyToManyField("self", verbose_name="اتفاقيات ذات صلة", blank=True)
    objects = EntityManager()

    class Meta:
        ordering = ["name"]
        verbose_name = "اتفاقية"
        verbose_name_plural = "الاتفاقيات"
        constraints = partial_date_constraints("signed_on", "signed_precision", "agreement")

    @property
    def signed(self) -> PartialDate | None:
        return PartialDate.from_stored(self.signed_on, self.signed_precision)

    @signed.setter
    def signed(self, value: PartialDate | None) -> None:
        self.signed_on = value.first_day if value else None
        self.signed_precision = value.precision if value else ""


# The registry of kinds of entity, in the order pages and facets list them.
ENTITY_MODELS: dict[str, type[Entity]] = {
    model.KIND: model for model in (Person, Organization, Country, Place, Agreement)
}


class Alias(SavedAtomically):
    """Another spelling of an entity's name, as some text writes it."""

    entity = models.ForeignKey(
        Entity, verbose_name="الكيان", related_name="aliases", on_delete=models.CASCADE
    )
    name = models.CharField("الصيغة", max_length=300)
    normalized = models.CharField(max_length=300, editable=False, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "صيغة أخرى للاسم"
        verbose_name_plural = "صيغ أخرى للاسم"
        constraints = [models.UniqueConstraint(fields=["entity", "name"], name="alias_unique_per_entity")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.normalized = normalize(self.name)
        super().save(*args, **kwargs)


class Mention(SavedAtomically):
    """An entity named in an article's body, at ``body[start:end]``."""

    article = models.ForeignKey(
        Article, verbose_name="المقال", related_name="mentions", on_delete=models.CASCADE
    )
    entity = models.ForeignKey(
        Entity, verbose_name="الكيان", related_name="mentions", on_delete=models.CASCADE
    )
    start = models.PositiveIntegerField("البداية")
    end = models.PositiveIntegerField("النهاية")
    confirmed = models.BooleanField("أكّده محرر", default=False)

    class Meta:
        ordering = ["article", "start"]
        verbose_name = "ذكر"
        verbose_name_plural = "الإشارات"
        indexes = [models.Index(fields=["entity", "article"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="mention_span_not_empty"),
            models.UniqueConstraint(fields=["article", "start"], name="mention_unique_start"),
        ]

    def __str__(self) -> str:
        return self.surface

    @property
    def surface(self) -> str:
        """The name as the article writes it."""
        return self.article.body[self.start : self.end]
