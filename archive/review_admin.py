"""The review queue in the admin: the linker's mentions and the names it does not know, decided in bulk or by keyboard.

The lists put the least certain first; each row is accepted or rejected by
the admin's actions, which ``static/js/review_queue.js`` also sends from the
keyboard (j/k to move, x to choose, a to accept, r to reject). A name may
instead be accepted as another spelling of an entity the archive has, chosen
in an intermediate form.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.widgets import AutocompleteSelect
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from .models import Entity, Mention, NameSuggestion
from .numerals import number
from .reviewing import accept_as_alias, accept_names, decide_mentions, reject_names

NOTHING_PENDING = "لم يبقَ فيما اخترت شيء بانتظار المراجعة: قرّر فيه محرر من قبل."


class WaitingFilter(admin.SimpleListFilter):
    """The rows still waiting for a decision unless another state, or all, is asked for: decided rows leave the queue."""

    title = "الحالة"
    parameter_name = "state"
    EVERY = "all"

    def lookups(self, request, model_admin):
        return [*model_admin.model.State.choices, (self.EVERY, "الكل")]

    def value(self):
        return super().value() or self.lookup_choices[0][0]

    def queryset(self, request, queryset):
        states = dict(self.lookup_choices)
        if self.value() in states and self.value() != self.EVERY:
            return queryset.filter(state=self.value())
        return queryset

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


class ConfidenceFilter(admin.SimpleListFilter):
    title = "الثقة"
    parameter_name = "confidence"
    BANDS = {
        "low": ("منخفضة (أقل من ٠٫٥)", 0, 0.5),
        "medium": ("متوسطة", 0.5, 0.8),
        "high": ("عالية", 0.8, 1.01),
    }

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _, _) in self.BANDS.items()]

    def queryset(self, request, queryset):
        if self.value() in self.BANDS:
            _, low, high = self.BANDS[self.value()]
            return queryset.filter(confidence__gte=low, confidence__lt=high)
        return queryset


class ReviewQueueAdmin(admin.ModelAdmin):
    """What both lists of the queue share: the keyboard, its help line, no adding by hand."""

    change_list_template = "admin/archive/review_change_list.html"
    list_per_page = 100

    class Media:
        js = ["js/review_queue.js"]

    def response_action(self, request, queryset):
        """Refuse in Arabic a choice of rows that are not row numbers, which the admin's lookup cannot read."""
        if not all(
            value.isdecimal() and len(value) <= 18 for value in request.POST.getlist(ACTION_CHECKBOX_NAME)
        ):
            self.message_user(request, "لم يُفهم اختيار الأسطر: اختر الأسطر من القائمة.", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)

    def has_add_permission(self, request):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def report(self, request, done: int, what: str) -> None:
        if done:
            self.message_user(request, f"{what}: {number(done)}.", messages.SUCCESS)
        else:
            self.message_user(request, NOTHING_PENDING, messages.WARNING)


@admin.register(Mention)
class MentionReviewAdmin(ReviewQueueAdmin):
    """The linker's mentions, to confirm or reject; the article's own form edits them one by one."""

    list_display = ["surface", "entity", "article", "state", "decided_by"]
    list_filter = [WaitingFilter, "entity__kind", ("article", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["entity", "article", "decided_by"]
    fields = ["article", "entity", "start", "end", "state"]
    readonly_fields = fields
    actions = ["accept", "reject"]

    @admin.display(description="النص المذكور")
    def surface(self, mention: Mention) -> str:
        return mention.surface

    @admin.action(description="تأكيد الإشارات المحددة")
    def accept(self, request, queryset):
        self.report(request, decide_mentions(queryset, Mention.State.CONFIRMED, request.user), "أُكّدت")

    @admin.action(description="رفض الإشارات المحددة")
    def reject(self, request, queryset):
        self.report(request, decide_mentions(queryset, Mention.State.REJECTED, request.user), "رُفضت")

    def delete_model(self, request, obj):
        decide_mentions(Mention.objects.filter(pk=obj.pk), Mention.State.REJECTED, request.user)


class AliasTargetForm(forms.Form):
    """The entity whose spellings the chosen names join."""

    entity = forms.ModelChoiceField(
        Entity.objects.all(),
        label="الكيان",
        error_messages={
            "required": "اختر الكيان الذي تُضاف إليه هذه الصيغ.",
            "invalid_choice": "لا كيان بهذا المعرّف في الأرشيف: اختر كيانًا من القائمة.",
        },
    )

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        choice = self.fields["entity"]
        choice.widget = AutocompleteSelect(NameSuggestion._meta.get_field("entity"), admin_site)
        choice.widget.choices = choice.choices


@admin.register(NameSuggestion)
class NameSuggestionAdmin(ReviewQueueAdmin):
    list_display = ["text", "kind", "confidence", "cue", "article", "state", "entity"]
    list_filter = [WaitingFilter, "kind", ConfidenceFilter, ("article", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["article", "entity"]
    search_fields = ["text"]
    fields = ["article", "start", "end", "text", "kind", "confidence", "cue", "state", "entity", "decided_by"]
    readonly_fields = fields
    actions = ["accept", "reject", "accept_as_alias"]

    @admin.action(description="قبول الأسماء المحددة كيانات جديدة")
    def accept(self, request, queryset):
        accepted = accept_names(queryset, request.user)
        self.report(request, accepted, "قُبلت، وستُربط بها المقالات التي تذكرها")

    @admin.action(description="رفض الأسماء المحددة")
    def reject(self, request, queryset):
        self.report(request, reject_names(queryset, request.user), "رُفضت")

    @admin.action(description="قبول الأسماء المحددة صيغًا أخرى لكيان موجود…")
    def accept_as_alias(self, request, queryset):
        form = AliasTargetForm(request.POST if "apply" in request.POST else None, admin_site=self.admin_site)
        if form.is_valid():
            entity = form.cleaned_data["entity"]
            self.report(request, accept_as_alias(queryset, entity, request.user), f"أضيفت إلى «{entity}»")
            return None
        if form.is_bound:
            # The box shows no choice rather than look up what was refused (``abc`` breaks the lookup).
            form.data = form.data.copy()
            form.data["entity"] = ""
        context = {
            **self.admin_site.each_context(request),
            "title": "قبول الأسماء صيغًا أخرى لكيان موجود",
            "opts": self.model._meta,
            "form": form,
            "media": self.media + form.media,
            "suggestions": queryset,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/archive/accept_as_alias.html", context)
