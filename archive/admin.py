"""The editors' admin, in Arabic, with search that ignores hamza and diacritics.

The article list's search box asks the search index: the search app registers
that (``search/admin.py``), since the domain knows nothing of the index.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.html import format_html

from arabic.normalization import normalize

from .display import date_html, moment
from .forms import PartialDateFormField
from .identity import content_hash
from .linking import Gazetteer, link_mentions, relink
from .models import (
    Agreement,
    AgreementEvent,
    Alias,
    Article,
    Country,
    Entity,
    Mention,
    Organization,
    Person,
    Place,
    Source,
)
from .numerals import count, number
from .review_admin import ReviewQueueAdmin  # noqa: F401  (registers the review queue)


def filter_normalized(queryset, fields: tuple[str, ...], text: str):
    """Keep rows where every word of ``text`` appears in one of the normalised ``fields``."""
    for term in normalize(text).split():
        matches = Q()
        for field in fields:
            matches |= Q(**{f"{field}__contains": term})
        queryset = queryset.filter(matches)
    return queryset


class NormalizedSearchMixin:
    """Search the stored normalised text, so "الامن" finds "الأمن".

    The admin's own search is a SQL ``LIKE`` on the raw text, blind to Arabic
    spelling variants; every word typed must appear in one of
    ``normalized_search_fields``.
    """

    normalized_search_fields: tuple[str, ...] = ()

    def get_search_results(self, request, queryset, search_term):
        found = filter_normalized(queryset, self.normalized_search_fields, search_term)
        may_have_duplicates = any("__" in field for field in self.normalized_search_fields)
        return found, bool(search_term.strip()) and may_have_duplicates


class PartialDateModelForm(forms.ModelForm):
    """Bind each partial-date box to the model property of the same name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self._partial_date_fields():
            self.initial.setdefault(name, getattr(self.instance, name))

    def _partial_date_fields(self) -> list[str]:
        return [name for name, field in self.fields.items() if isinstance(field, PartialDateFormField)]

    def _post_clean(self):
        for name in self._partial_date_fields():
            if name in self.cleaned_data:
                setattr(self.instance, name, self.cleaned_data[name])
        super()._post_clean()


class ArticleAdminForm(PartialDateModelForm):
    published = PartialDateFormField(label="تاريخ النشر")

    class Meta:
        model = Article
        fields = ["title", "body", "published", "source", "url", "language"]

    def clean_body(self):
        body = self.cleaned_data["body"]
        duplicate = (
            Article.objects.exclude(pk=self.instance.pk).filter(content_hash=content_hash(body)).first()
        )
        if duplicate:
            raise forms.ValidationError(
                format_html(
                    'هذا النص محفوظ في الأرشيف من قبل: <a href="{}">{}</a>',
                    duplicate.get_absolute_url(),
                    duplicate.display_title,
                )
            )
        return body


class MentionFormSet(forms.BaseInlineFormSet):
    """The article's mentions as the editor left them; a span must lie in the body being saved."""

    def clean(self):
        super().clean()
        body = self.instance.body
        for form in self.forms:
            if form in self.deleted_forms or not form.has_changed():
                continue
            start, end = form.cleaned_data.get("start"), form.cleaned_data.get("end")
            if start is not None and end is not None and not start < end <= len(body):
                form.add_error(
                    "end", f"يجب أن يقع الذكر داخل النص: بعد البداية، وحتى {number(len(body))} على الأكثر."
                )

    def save_decided(self, user) -> None:
        """Save what the editor did as decisions, so that the linker keeps them.

        A mention added or moved by hand is confirmed, whatever the gazetteer
        reads there; a deleted one is rejected, so the linker does not find it
        again; deleting a rejected one takes the decision back.
        """
        saved = self.save(commit=False)
        moved = {
            mention.pk for mention, fields in self.changed_objects if {"entity", "start", "end"} & set(fields)
        }
        for mention in saved:
            by_hand = mention in self.new_objects or mention.pk in moved
            state = (
                Mention.State.CONFIRMED
                if by_hand and mention.state == Mention.State.AUTOMATIC
                else mention.state
            )
            mention.decide(state, user)
            mention.save()
        for mention in self.deleted_objects:
            if mention.state == Mention.State.REJECTED:
                mention.delete()
            else:
                mention.decide(Mention.State.REJECTED, user)
                mention.save()


class MentionInline(admin.TabularInline):
    model = Mention
    formset = MentionFormSet
    fields = ["entity", "start", "end", "surface", "state"]
    readonly_fields = ["surface"]
    autocomplete_fields = ["entity"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("entity")

    @admin.display(description="النص المذكور")
    def surface(self, mention: Mention) -> str:
        return mention.surface if mention.pk else "—"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["display_title", "published_display", "source", "mention_count", "updated_display"]
    list_filter = ["source", "date_precision", "language"]
    list_select_related = ["source"]
    date_hierarchy = "published_on"
    # Shows the search box; search/admin.py has it ask the search index.
    search_fields = ["title"]
    readonly_fields = ["slug", "created_at", "updated_at"]
    inlines = [MentionInline]
    actions = ["relink"]
    list_per_page = 50

    def get_queryset(self, request):
        standing = Q(mentions__state__in=Mention.STANDING)
        return super().get_queryset(request).annotate(mention_total=Count("mentions", filter=standing))

    def get_fields(self, request, obj=None):
        return [*ArticleAdminForm.Meta.fields, *self.readonly_fields]

    @admin.display(description="العنوان", ordering="title")
    def display_title(self, article: Article) -> str:
        return article.display_title

    @admin.display(description="تاريخ النشر", ordering="published_on", empty_value="—")
    def published_display(self, article: Article) -> str:
        return date_html(article.published) or None

    @admin.display(description="الإشارات", ordering="mention_total")
    def mention_count(self, article: Article) -> str:
        return number(article.mention_total)

    @admin.display(description="عُدّل في", ordering="updated_at")
    def updated_display(self, article: Article) -> str:
        return moment(article.updated_at)

    def save_formset(self, request, form, formset, change):
        if isinstance(formset, MentionFormSet):
            formset.save_decided(request.user)
        else:
            super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        """Link again once the editor's own mention edits are saved, so both agree."""
        super().save_related(request, form, formsets, change)
        link_mentions(form.instance, Gazetteer.from_database())

    @admin.action(description="إعادة ربط الكيانات في المقالات المحددة")
    def relink(self, request, queryset):
        relinked = relink(queryset)
        self.message_user(request, f"أعيد ربط {count(relinked, Article.COUNTED)}.", messages.SUCCESS)


class AliasInline(admin.TabularInline):
    model = Alias
    fields = ["name"]
    extra = 1


class EntityAdmin(NormalizedSearchMixin, admin.ModelAdmin):
    """What every kind of entity shares in the admin."""

    search_fields = ["name"]
    normalized_search_fields = ("normalized_name", "aliases__normalized")
    inlines = [AliasInline]
    list_display = ["name", "article_count"]

    def get_queryset(self, request):
        standing = Q(mentions__state__in=Mention.STANDING)
        return (
            super()
            .get_queryset(request)
            .annotate(article_total=Count("mentions__article", filter=standing, distinct=True))
        )

    @admin.display(description="المقالات", ordering="article_total")
    def article_count(self, entity: Entity) -> str:
        return number(entity.article_total)


@admin.register(Entity)
class AnyEntityAdmin(EntityAdmin):
    """Only for choosing any kind of entity in autocomplete boxes; not in the menu."""

    def has_module_permission(self, request):
        return False


class InCountryAdmin(EntityAdmin):
    """Entities that belong to a country: people, organisations, places."""

    fields = ["name", "country", "description"]
    list_display = ["name", "country", "article_count"]
    list_filter = ["country"]
    list_select_related = ["country"]
    autocomplete_fields = ["country"]


@admin.register(Person)
class PersonAdmin(InCountryAdmin):
    fields = ["name", "role", "country", "description"]
    list_display = ["name", "role", "country", "article_count"]


@admin.register(Organization)
class OrganizationAdmin(InCountryAdmin):
    pass


@admin.register(Place)
class PlaceAdmin(InCountryAdmin):
    pass


@admin.register(Country)
class CountryAdmin(EntityAdmin):
    fields = ["name", "description"]


class AgreementAdminForm(PartialDateModelForm):
    signed = PartialDateFormField(label="تاريخ التوقيع")

    class Meta:
        model = Agreement
        fields = ["name", "status", "signed", "parties", "related", "description"]


class AgreementEventForm(PartialDateModelForm):
    happened = PartialDateFormField(label="التاريخ")

    class Meta:
        model = AgreementEvent
        fields = ["kind", "happened", "description", "articles"]


class AgreementEventInline(admin.StackedInline):
    """The agreement's events, edited on its own page, in the order they happened."""

    model = AgreementEvent
    form = AgreementEventForm
    autocomplete_fields = ["articles"]
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(EntityAdmin):
    form = AgreementAdminForm
    inlines = [AliasInline, AgreementEventInline]
    list_display = ["name", "status", "signed_display", "article_count"]
    list_filter = ["status"]
    autocomplete_fields = ["parties", "related"]

    @admin.display(description="تاريخ التوقيع", ordering="signed_on", empty_value="—")
    def signed_display(self, agreement: Agreement) -> str:
        return date_html(agreement.signed) or None


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "url"]
    search_fields = ["name"]
    readonly_fields = ["slug"]
