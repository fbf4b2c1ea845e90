"""What the links between entities say: who is named beside whom, and what two countries share.

Every count is one aggregate query over the mentions, whatever the number of
articles. The cue words are data: a joint body is an organisation whose name
says so ("اللجنة الأمنية المشتركة"), a visit an article whose text speaks of one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse

from arabic.bidi import quoted
from arabic.normalization import normalize

from .keyword_context import InContext, in_context
from .models import Agreement, Article, Country, Entity, Mention, Organization, Person

# Words in an organisation's name that make it a joint body of the countries it serves.
JOINT_BODY_WORDS = ("مشتركة", "المشتركة", "مختلطة")
# Words that say an article reports a visit, as the press writes them.
VISIT_CUES = (
    "زيارة",
    "زيارته",
    "زيارات",
    "الزيارة",
    "زار ",
    "يزور",
    "استقبل",
    "يستقبل",
    "وصل وزير",
    "وصل الرئيس",
)
# How many companions a page lists, and how many visits.
COMPANIONS = 8
VISITS = 20


def co_mentioned(entity: Entity, kinds: list[str], limit: int = COMPANIONS) -> QuerySet[Entity]:
    """The entities of ``kinds`` most often named in the same articles as ``entity``, with ``shared``: how many."""
    articles = Mention.objects.filter(entity=entity).values("article_id")
    return (
        Entity.objects.filter(kind__in=kinds, mentions__article__in=articles)
        .exclude(pk=entity.pk)
        .annotate(shared=Count("mentions__article", distinct=True))
        .order_by("-shared", "name")[:limit]
    )


def mentions_in_context(entity: Entity, articles: list[Article]) -> list[tuple[Article, list[InContext]]]:
    """Each article with its mentions of ``entity``, each in its sentence, in the order written; one query."""
    bodies = {article.pk: article.body for article in articles}
    found: dict[int, list[InContext]] = {pk: [] for pk in bodies}
    spans = Mention.objects.filter(entity=entity, article_id__in=bodies).order_by("article_id", "start")
    for article_id, start, end in spans.values_list("article_id", "start", "end"):
        found[article_id].append(in_context(bodies[article_id], start, end))
    return [(article, found[article.pk]) for article in articles]


@dataclass(frozen=True, slots=True)
class Visit:
    article: Article
    sentence: InContext


@dataclass(frozen=True, slots=True)
class Relation:
    """Two different countries, in one order whatever the order asked: by slug."""

    first: Country
    second: Country

    @classmethod
    def of(cls, one: Country, other: Country) -> Relation:
        if one.pk == other.pk:
            raise ValueError("a relation needs two different countries")
        return cls(*sorted((one, other), key=lambda country: country.slug))

    def __str__(self) -> str:
        return f"{self.first.name} و{self.second.name}"

    @property
    def url(self) -> str:
        return reverse(
            "archive:relation-detail", kwargs={"first": self.first.slug, "second": self.second.slug}
        )

    @property
    def feed_url(self) -> str:
        return reverse("archive:relation-atom", kwargs={"first": self.first.slug, "second": self.second.slug})

    def articles(self) -> QuerySet[Article]:
        """The articles that name both countries, in the archive's order."""
        return (
            Article.objects.for_listing()
            .filter(pk__in=self._naming(self.first))
            .filter(pk__in=self._naming(self.second))
        )

    @staticmethod
    def _naming(entity: Entity) -> QuerySet[Mention]:
        return Mention.objects.filter(entity=entity).values("article_id")

    def agreements(self) -> QuerySet[Agreement]:
        """The agreements both countries are party to, then those an article naming both names; with their events.

        ``between`` says which are the two countries' own; each group is in the order they were signed.
        """
        both_parties = Agreement.objects.filter(parties=self.first).filter(parties=self.second).values("pk")
        named = Mention.objects.filter(article__in=self.articles().values("pk")).values("entity_id")
        return (
            Agreement.objects.filter(Q(pk__in=both_parties) | Q(pk__in=named))
            .annotate(between=Exists(both_parties.filter(pk=OuterRef("pk"))))
            .prefetch_related("events")
            .order_by("-between", F("signed_on").asc(nulls_last=True), "name")
        )

    def officials(self) -> dict[Country, list[Person]]:
        """Each side's people named in an article that names a person of the other side, most often first."""
        sides = [self.first, self.second]
        first_side, second_side = (
            Mention.objects.filter(entity__person__country=country).values("article_id") for country in sides
        )
        together = Article.objects.filter(pk__in=first_side).filter(pk__in=second_side).values("pk")
        people = (
            Person.objects.filter(country__in=sides, mentions__article__in=together)
            .annotate(shared=Count("mentions__article", distinct=True))
            .order_by("-shared", "name")
        )
        found: dict[Country, list[Person]] = {country: [] for country in sides}
        for person in people:
            found[self.first if person.country_id == self.first.pk else self.second].append(person)
        return found

    def joint_bodies(self) -> QuerySet[Organization]:
        """The joint committees and councils named in the articles that name both countries, most often first."""
        joint = Q()
        for word in JOINT_BODY_WORDS:
            joint |= Q(normalized_name__contains=normalize(word))
        return (
            Organization.objects.filter(joint, mentions__article__in=self.articles().values("pk"))
            .annotate(shared=Count("mentions__article", distinct=True))
            .order_by("-shared", "name")
        )

    def visits(self) -> list[Visit]:
        """The newest articles naming both countries that speak of a visit, each with the sentence that does."""
        spoken = Q()
        for cue in VISIT_CUES:
            spoken |= Q(body__contains=cue)
        found = []
        for article in self.articles().filter(spoken)[:VISITS]:
            start, cue = min((article.body.find(cue), cue) for cue in VISIT_CUES if cue in article.body)
            found.append(Visit(article, in_context(article.body, start, start + len(cue.strip()))))
        return found


class NoSuchRelation(Http404):
    """Slugs that name no two countries of the archive; its message is for the reader."""


def relation_or_404(first: str, second: str) -> Relation:
    """The relation of the countries with these slugs; 404 in Arabic for an unknown slug or one country twice."""
    countries = {country.slug: country for country in Country.objects.filter(slug__in=[first, second])}
    missing = [slug for slug in (first, second) if slug not in countries]
    if missing:
        raise NoSuchRelation(f"لا دولة في الأرشيف بالمعرّف {quoted(missing[0])}.")
    if first == second:
        raise NoSuchRelation("العلاقة تجمع دولتين مختلفتين: اختر دولة ثانية غير الأولى.")
    return Relation.of(countries[first], countries[second])
