"""Entity linking: find where an article's body names the archive's entities.

Every spelling of every entity (its name and aliases) is normalised and looked
up at each word of the body, joined without spaces, so "عبدالمجيد تبون" meets
"عبد المجيد تبون" and the reverse. The first word may carry glued proclitics
("لبوقادوم", "وبوقادوم", "بالجزائر"); the mention then starts after them. The
longest match at a position wins, and matches never overlap. A word ending in
tanween ("ليبياً") is an adjective or adverb, never a name. A spelling shared
by two entities is ambiguous and is left for an editor to link by hand.

The press writes names more ways than the aliases list: a hamza on yaa typed as yaa and a yaa
typed with a hamza seat ("فائز السراج"), a family name without its article ("عبد الحميد
دبيبة"), a body without its last "الوطني" ("حكومة الوفاق"), a republic by its official name
("الجمهورية التونسية", ``arabic.country_cues``), a person by the family name their full name
ends with ("المنقوش"); the gazetteer reads those too (``arabic.name_cues``), never where
another entity owns the spelling. A match names its entity only where the words around it
agree (``archive.linking_rules``): a family name alone needs the full name, a title or the
person's country in the article, "نهر النيجر" is a river, "المجلس الرئاسي اليمني" is Yemen's.

Linking an article also puts the names it writes that no entity has (``archive.suggesting``)
in the editors' review queue, in place of those it wrote before (``archive.name_queue``).

Re-linking keeps what an editor decided (while the text at the span stays):
a confirmed mention stays, a rejected one never comes back; it replaces the
automatic mentions, so it can be run any number of times.

Linking runs once per save, by whoever saves: the admin after the editor's own
mention edits (``save_linked``), the importer with one gazetteer for the whole
import, finding the mentions of a batch before it stores them in bulk
(``store_found_mentions``). A change to an entity or an alias queues a ``RelinkTask``
(``archive.signals``), and ``relink_queued`` links again the articles that may
name that entity.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from django.db import transaction
from django.db.models import Q, QuerySet
from django.dispatch import Signal
from pyarabic import araby

from arabic.country_cues import republic_names
from arabic.name_cues import family_name_of, is_joint, other_forms, press_spellings
from arabic.normalization import Word, ends_with_tanween, words, written_forms_pattern
from arabic.numbers import Digits
from arabic.stemming import proclitic_readings

from .agreement_descriptions import AgreementFacts, descriptions
from .linking_rules import EntityFacts, Match, Span, family_names, given_names, judge, skip_prefix
from .models import (
    Agreement,
    Alias,
    Article,
    Country,
    Entity,
    Mention,
    Organization,
    Person,
    Place,
    RelinkTask,
)
from .name_queue import queue_names
from .suggesting import suggest_beside

NO_FACTS = EntityFacts("")

# Sent with ``articles`` when they change without a post_save of their own:
# mentions created in bulk, articles inserted in bulk. Whatever depends on an
# article and its mentions (its search document) must hear of them.
articles_changed = Signal()

# A written name may be split into more words than its alias (نور الدين for
# نورالدين), so a match may span this many words more than the longest alias.
EXTRA_WORDS = 2


class Gazetteer:
    """Every spelling of every entity, keyed by its normalised form without spaces.

    With what it knows of each entity (``facts``: its kind, country and role),
    it also reads the spellings the press gives names (``press_spellings``),
    and judges each match by the words around it (``archive.linking_rules``).
    """

    def __init__(
        self,
        spellings: Iterable[tuple[int, str]],
        facts: Mapping[int, EntityFacts] | None = None,
        agreements: Iterable[AgreementFacts] = (),
    ):
        self.facts = dict(facts or {})
        self.agreements = list(agreements)
        names: dict[int, list[list[str]]] = defaultdict(list)
        for entity_id, spelling in spellings:
            tokens = [word.text for word in words(spelling)]
            if tokens:
                names[entity_id].append(tokens)
        owners = _owners(names)
        press = _owners(
            {
                entity_id: [
                    variant
                    for tokens in spellings_of
                    for variant in press_spellings(tokens, self._kind(entity_id) == "person")
                ]
                for entity_id, spellings_of in names.items()
            }
        )
        for entity_id, spellings_of in names.items():
            kind = self._kind(entity_id)
            for tokens in spellings_of:
                others = other_forms(kind, tokens)
                if kind == "country" and len(tokens) == 1:
                    others = republic_names(tokens[0])
                for other in others:
                    press["".join(other)].add(entity_id)
        read_off = _owners(
            {
                entity_id: [[surname] for tokens in spellings_of if (surname := family_name_of(tokens))]
                for entity_id, spellings_of in names.items()
                if self._kind(entity_id) == "person"
            }
        )
        self.entity_by_key = {key: ids.pop() for key, ids in owners.items() if len(ids) == 1}
        for key, ids in press.items():
            if key not in owners and len(ids) == 1:
                self.entity_by_key[key] = ids.pop()
        self.family_names = family_names(names, self.facts)
        # A family name read off a full name only where no spelling or press spelling has its key.
        self.read_off = {
            key for key, ids in read_off.items() if key not in owners and key not in press and len(ids) == 1
        }
        for key in self.read_off:
            self.entity_by_key[key] = read_off[key].pop()
        for entity_id, spellings_of in names.items():
            if self._kind(entity_id) == "person":
                facts = self.facts[entity_id]
                self.facts[entity_id] = replace(facts, given_names=given_names(spellings_of))
        longest = max((len(tokens) for spellings_of in names.values() for tokens in spellings_of), default=1)
        self.max_words = longest + EXTRA_WORDS
        # Every key's beginnings: a word none of whose readings begins a key is
        # skipped at once, which is nearly every word of a text.
        self.key_starts = {key[:end] for key in self.entity_by_key for end in range(1, len(key) + 1)}
        self._name_role_bodies()
        self._share_joint_bodies(names)

    def _name_role_bodies(self) -> None:
        """Each person's role, read for the bodies it names: "رئيس المجلس الرئاسي"."""
        for entity_id, facts in self.facts.items():
            if facts.kind == "person" and facts.role:
                tokens = list(words(facts.role))
                bodies = frozenset(
                    match.span.entity_id
                    for match in self._matches(facts.role, tokens)
                    if self._kind(match.span.entity_id) == "organization"
                )
                self.facts[entity_id] = replace(facts, role_bodies=bodies)

    def _share_joint_bodies(self, names: Mapping[int, list[list[str]]]) -> None:
        """A joint body of no country is shared by the countries the archive's people, bodies and places are of."""
        home = frozenset(
            facts.country for facts in self.facts.values() if facts.kind != "country" and facts.country
        )
        if not home:
            return
        for entity_id, facts in self.facts.items():
            if (
                facts.kind == "organization"
                and not facts.country
                and any(map(is_joint, names.get(entity_id, [])))
            ):
                self.facts[entity_id] = replace(facts, shared_by=home)

    def _kind(self, entity_id: int) -> str:
        facts = self.facts.get(entity_id)
        return facts.kind if facts else ""

    @classmethod
    def from_database(cls) -> Gazetteer:
        names = list(Entity.objects.values_list("id", "name"))
        aliases = list(Alias.objects.values_list("entity_id", "name"))
        return cls(
            [*names, *aliases],
            facts=facts_from_database(),
            agreements=agreements_from_database(names, aliases),
        )

    def find(self, text: str, tokens: list[Word] | None = None) -> list[Span]:
        """Non-overlapping mentions in ``text``, longest first at each position, that the context allows.

        Then the agreements the text describes without naming them (``archive.agreement_descriptions``).
        ``tokens`` are the text's ``words``, when the caller has them already.
        """
        tokens = list(words(text)) if tokens is None else tokens
        spans = judge(text, tokens, self._matches(text, tokens))
        if not self.agreements:
            return spans
        named: dict[int, set[int]] = defaultdict(set)
        ends = [token.end for token in tokens]
        for span in spans:
            index = bisect.bisect_right(ends, span.start)
            while index < len(tokens) and tokens[index].start < span.end:
                named[span.entity_id].add(index)
                index += 1
        described = [
            Span(
                found.entity_id,
                skip_prefix(text, tokens[found.first].start, found.prefix),
                tokens[found.last].end,
            )
            for found in descriptions(text, tokens, named, self.agreements)
        ]
        return sorted(spans + described, key=lambda span: span.start)

    def find_spellings(self, text: str) -> list[Span]:
        """Every spelling ``find`` reads in ``text``, whatever the words around it."""
        return [match.span for match in self._matches(text, list(words(text)))]

    def _matches(self, text: str, tokens: list[Word]) -> list[Match]:
        matches, index = [], 0
        while index < len(tokens):
            match = self._longest_match(text, tokens, index)
            if match:
                matches.append(match)
                index = match.last + 1
            else:
                index += 1
        return matches

    def _longest_match(self, text: str, tokens: list[Word], index: int) -> Match | None:
        first = tokens[index]
        readings = [
            (length, rest)
            for length, rest in proclitic_readings(first.text)
            if rest in self.key_starts or _hamza_free(rest) in self.key_starts
        ]
        if not readings:
            return None
        for count in range(min(self.max_words, len(tokens) - index), 0, -1):
            tail = "".join(token.text for token in tokens[index + 1 : index + count])
            last = tokens[index + count - 1]
            if ends_with_tanween(text[last.start : last.end]):
                continue  # an indefinite adjective or adverb, not a name
            for prefix_length, reading in readings:
                key = reading + tail
                if key not in self.entity_by_key:
                    # The press also types a yaa with a hamza seat: "فائز السراج" for فايز.
                    key = _hamza_free(key)
                entity_id = self.entity_by_key.get(key)
                if entity_id is not None:
                    start = skip_prefix(text, first.start, prefix_length)
                    return Match(
                        Span(entity_id, start, last.end),
                        index,
                        index + count - 1,
                        self.facts.get(entity_id, NO_FACTS),
                        family_name=key in self.family_names or key in self.read_off,
                        read_off=key in self.read_off,
                    )
        return None


def _owners(names: Mapping[int, list[list[str]]]) -> dict[str, set[int]]:
    """The entities that write each key (a spelling's words joined without spaces)."""
    owners: dict[str, set[int]] = defaultdict(set)
    for entity_id, spellings in names.items():
        for tokens in spellings:
            owners["".join(tokens)].add(entity_id)
    return owners


def facts_from_database() -> dict[int, EntityFacts]:
    """Each entity's kind, its country's name and a person's role, as the context rules read them."""
    countries: dict[int, str] = {}
    for model in (Person, Organization, Place):
        countries.update(model.objects.exclude(country=None).values_list("id", "country__name"))
    countries.update(Entity.objects.filter(kind=Country.KIND).values_list("id", "name"))
    roles = dict(Person.objects.values_list("id", "role"))
    return {
        entity_id: EntityFacts.of(kind, countries.get(entity_id, ""), roles.get(entity_id, ""))
        for entity_id, kind in Entity.objects.values_list("id", "kind")
    }


def agreements_from_database(
    names: list[tuple[int, str]], aliases: list[tuple[int, str]]
) -> list[AgreementFacts]:
    """Each agreement whose signing year is known: its spellings and the countries party to it."""
    spellings: dict[int, list[str]] = defaultdict(list)
    for entity_id, name in [*names, *aliases]:
        spellings[entity_id].append(name)
    parties: dict[int, list[int]] = defaultdict(list)
    countries = Agreement.parties.through.objects.filter(entity__kind=Country.KIND)
    for agreement_id, party_id in countries.values_list("agreement_id", "entity_id"):
        parties[agreement_id].append(party_id)
    return [
        AgreementFacts.of(agreement_id, signed_on.year, spellings[agreement_id], parties[agreement_id])
        for agreement_id, signed_on in Agreement.objects.exclude(signed_on=None).values_list(
            "id", "signed_on"
        )
    ]


def _hamza_free(key: str) -> str:
    return key.replace(araby.HAMZA, araby.YEH)


@transaction.atomic
def link_mentions(article: Article, gazetteer: Gazetteer) -> None:
    """Bring the article's stored mentions, and its names in the review queue, in line with its body.

    A decision holds while the body writes, at its span, the text decided on:
    a confirmed mention stays (whatever the gazetteer reads there) and the
    linker finds nothing over it; a rejected one is never linked again. A
    decision whose text changed is dropped, and the linker reads the span anew.
    """
    existing = list(article.mentions.all())
    decided = [m for m in existing if m.state != Mention.State.AUTOMATIC and m.decision_holds(article.body)]
    confirmed = [m for m in decided if m.state == Mention.State.CONFIRMED]
    tokens = list(words(article.body))
    spans = gazetteer.find(article.body, tokens)
    found = {
        (span.entity_id, span.start, span.end)
        for span in _undecided(spans, decided)
        if not any(span.start < m.end and m.start < span.end for m in confirmed)
    }
    kept = decided + [
        m for m in existing if m.state == Mention.State.AUTOMATIC and (m.entity_id, m.start, m.end) in found
    ]
    Mention.objects.filter(pk__in=[m.pk for m in existing if m not in kept]).delete()
    new = found - {(m.entity_id, m.start, m.end) for m in kept}
    Mention.objects.bulk_create(
        Mention(article=article, entity_id=entity_id, start=start, end=end) for entity_id, start, end in new
    )
    if new:
        articles_changed.send(sender=Article, articles=[article])
    linked = [*spans, *(Span(m.entity_id, m.start, m.end) for m in confirmed)]
    queue_names([(article, suggest_beside(article.body, linked, tokens, gazetteer.entity_by_key))])


def _undecided(spans: Iterable[Span], decided: Iterable[Mention]) -> list[Span]:
    """The spans found that no editor's decision settles already (confirmed or rejected)."""
    settled = {(m.entity_id, m.start, m.end) for m in decided}
    return [span for span in spans if (span.entity_id, span.start, span.end) not in settled]


def store_found_mentions(found: Iterable[tuple[Article, list[Span]]]) -> None:
    """Store in bulk the mentions found in articles just inserted, as ``link_mentions`` would link them."""
    pairs = list(found)
    decisions = defaultdict(list)
    for mention in Mention.objects.filter(article__in=[article for article, _ in pairs]).exclude(
        state=Mention.State.AUTOMATIC
    ):
        decisions[mention.article_id].append(mention)
    Mention.objects.bulk_create(
        Mention(article=article, entity_id=span.entity_id, start=span.start, end=span.end)
        for article, spans in pairs
        for span in _undecided(spans, decisions[article.pk])
    )
    articles_changed.send(sender=Article, articles=[article for article, _ in pairs])


@transaction.atomic
def save_linked(article: Article, gazetteer: Gazetteer | None = None) -> Article:
    """Save ``article`` and link it, together; pass the gazetteer when saving many."""
    article.save()
    link_mentions(article, gazetteer or Gazetteer.from_database())
    return article


def relink(articles: QuerySet[Article] | None = None, batch_size: int = 500) -> int:
    """Link the given articles (all by default) again with one gazetteer; returns how many."""
    gazetteer = Gazetteer.from_database()
    count = 0
    articles = Article.objects.all() if articles is None else articles
    for article in articles.select_related(None).only("id", "body").iterator(chunk_size=batch_size):
        link_mentions(article, gazetteer)
        count += 1
    return count


def relink_queued(batch_size: int = 100) -> int:
    """Link again the articles that may name the queued entities; returns how many tasks were done.

    The articles are those that mention one of the entities now, and those
    whose body may write one of their spellings, or the press's spellings of
    them (a regular expression run by the database, ``written_forms_pattern``), or, for an agreement,
    its signing year, which a description of it gives (``archive.agreement_descriptions``); the
    gazetteer then reads them word by word. The tasks taken are deleted only once their articles are linked.
    """
    done = 0
    while tasks := list(RelinkTask.objects.order_by("id").values_list("id", "entity_id")[:batch_size]):
        entity_ids = {entity_id for _, entity_id in tasks}
        spellings = [
            *Entity.objects.filter(pk__in=entity_ids).values_list("name", flat=True),
            *Alias.objects.filter(entity_id__in=entity_ids).values_list("name", flat=True),
        ]
        patterns = [
            pattern for pattern in map(written_forms_pattern, _with_press_spellings(spellings)) if pattern
        ]
        articles = Q(pk__in=Mention.objects.filter(entity_id__in=entity_ids).values("article_id"))
        if patterns:
            articles |= Q(body__regex="|".join(f"(?:{pattern})" for pattern in patterns))
        for signed_on in (
            Agreement.objects.filter(pk__in=entity_ids)
            .exclude(signed_on=None)
            .values_list("signed_on", flat=True)
        ):
            for digits in Digits:
                articles |= Q(body__contains=digits.write(signed_on.year))
        relink(Article.objects.filter(articles))
        RelinkTask.objects.filter(id__in=[task_id for task_id, _ in tasks]).delete()
        done += len(tasks)
    return done


def _with_press_spellings(spellings: list[str]) -> list[str]:
    """The spellings, and every spelling the press may give them, whatever kind of entity they name."""
    tokenized = [[word.text for word in words(spelling)] for spelling in spellings]
    return [
        *spellings,
        *(" ".join(variant) for tokens in tokenized if tokens for variant in press_spellings(tokens, True)),
    ]
