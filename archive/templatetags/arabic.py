"""Numbers written for Arabic readers."""

from django import template

from archive.dates import arabic_digits

register = template.Library()


@register.filter
def arabic_number(value) -> str:
    """1234 → "١٬٢٣٤": Arabic-Indic digits and the Arabic thousands separator.

    The CLDR's default numbering system for the "ar" locale is "arab".
    """
    try:
        grouped = f"{int(value):,}".replace(",", "٬")
    except (TypeError, ValueError):
        return str(value)
    return arabic_digits(grouped)
