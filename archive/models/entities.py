"""The entities articles mention, one model a kind, and the other spellings of their names."""

from __future__ import annotations

from django.db import models
from django.db.models import Count, Q
from django.urls import reverse

from arabic.normalization import normalize
from arabic.numbers import CountedNoun

from ..dates import Precision, partial_date_constraints, stored_partial_date
from ..identity import unique_slug
from .base import SavedAtomically
from .decisions import STANDING_MENTIONS


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

    def get_feed_url(self) -> str:
        """The Atom feed of the newest articles that mention it."""
        return reverse(f"archive:{self.kind}-atom", kwargs={"slug": self.slug})

    def spellings(self) -> list[str]:
        """The name and every alias: all the ways the texts write this entity."""
        return [self.name, *(alias.name for alias in self.aliases.all())]


class EntityQuerySet(models.QuerySet):
    def with_article_counts(self):
        standing = Q(mentions__state__in=STANDING_MENTIONS)
        return self.annotate(article_count=Count("mentions__article", filter=standing, distinct=True))


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
    signed = stored_partial_date("signed_on", "signed_precision")
    objects = EntityManager()

    class Meta:
        ordering = ["name"]
        verbose_name = "اتفاقية"
        verbose_name_plural = "الاتفاقيات"
        constraints = partial_date_constraints("signed_on", "signed_precision", "agreement")


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
