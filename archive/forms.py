"""Forms that read the browsing pages' query parameters."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.html import format_html

from .dates import PartialDate
from .display import ltr_html
from .models import Article, Country, Source
from .numerals import figures


class ArticleFilterForm(forms.Form):
    """Narrow the article list; a value that is not understood is ignored, not an error."""

    source = forms.ModelChoiceField(
        Source.objects.all(), to_field_name="slug", required=False, label="المصدر", empty_label="كل المصادر"
    )
    year = forms.TypedChoiceField(coerce=int, required=False, label="السنة", empty_value=None)
    country = forms.ModelChoiceField(
        Country.objects.all(), to_field_name="slug", required=False, label="الدولة", empty_label="كل الدول"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "كل السنوات")] + [
            (year, figures(year)) for year in Article.objects.years()
        ]

    def filter(self, articles):
        if not self.is_bound:
            return articles
        self.is_valid()
        data = self.cleaned_data
        if data.get("source"):
            articles = articles.filter(source=data["source"])
        if data.get("year"):
            articles = articles.published_in(data["year"])
        if data.get("country"):
            articles = articles.mentioning(data["country"])
        return articles


class PartialDateFormField(forms.CharField):
    """One box for a date known to the year, the month or the day.

    The box is left to right, as the ISO date it shows ("2021-04-21") reads;
    each example of the help is isolated so, or bidi shows 2021-04 as 04-2021.
    """

    widget = forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off"})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            format_html(
                "السنة ({})، أو السنة والشهر ({})، أو التاريخ كاملًا ({})، أو الشهر بالحروف ({}).",
                ltr_html("2021"),
                ltr_html("2021-04"),
                ltr_html("2021-04-21"),
                "21 أوت 2021",
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value.isoformat() if isinstance(value, PartialDate) else value

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return PartialDate.parse(value)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None


# The earliest year a date range may name (the index writes years in four digits).
FIRST_YEAR = 1000


class DateRangeForm(forms.Form):
    """A period, each end as precise as the reader likes: ``date_from`` and ``date_to``, both optional."""

    date_from = PartialDateFormField(label="من تاريخ")
    date_to = PartialDateFormField(label="إلى تاريخ")

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if any(bound and bound.year < FIRST_YEAR for bound in (start, end)):
            raise forms.ValidationError(f"لا أخبار في الأرشيف قبل سنة {figures(FIRST_YEAR)}.")
        if start and end and start.first_day > end.last_day:
            raise forms.ValidationError("بداية المدة بعد نهايتها: بدّل التاريخين.")
        return data

    @property
    def messages(self) -> list[str]:
        """Every error of the parameters, in Arabic, one after another."""
        return [message for messages in self.errors.values() for message in messages]

    @property
    def described(self) -> str:
        """The period asked for as a reader says it ("أبريل ٢٠٢١", "من ٢٠١٦ إلى ٢٠١٩"); empty for none."""
        if not self.is_valid():
            return ""
        start, end = self.cleaned_data.get("date_from"), self.cleaned_data.get("date_to")
        if start and start == end:
            return str(start)
        return " ".join(f"{word} {bound}" for word, bound in (("من", start), ("إلى", end)) if bound)

    @property
    def period(self) -> tuple[datetime.date | None, datetime.date | None]:
        """The first and the last day of the period asked for; None for an open end (or a refused form)."""
        if not self.is_valid():
            return None, None
        start, end = self.cleaned_data.get("date_from"), self.cleaned_data.get("date_to")
        return (start.first_day if start else None, end.last_day if end else None)
