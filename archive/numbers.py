"""Numbers written for Arabic readers: Arabic-Indic digits and agreeing nouns."""

_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# The forms of each counted noun, in CLDR's plural categories of Arabic:
# one, two, few (3-10), many (11-99), other (100, 101, 102...).
NOUNS = {
    "article": ("مقال واحد", "مقالان", "مقالات", "مقالًا", "مقال"),
    "duplicate": ("مكرر واحد", "مكرران", "مكررات", "مكررًا", "مكرر"),
    "person": ("شخص واحد", "شخصان", "أشخاص", "شخصًا", "شخص"),
    "organization": ("منظمة واحدة", "منظمتان", "منظمات", "منظمةً", "منظمة"),
    "country": ("دولة واحدة", "دولتان", "دول", "دولةً", "دولة"),
    "agreement": ("اتفاقية واحدة", "اتفاقيتان", "اتفاقيات", "اتفاقيةً", "اتفاقية"),
}


def arabic_digits(value: object) -> str:
    """Write a number with Arabic-Indic digits, as the CLDR's "ar" locale does."""
    return str(value).translate(_ARABIC_DIGITS)


def arabic_number(value) -> str:
    """1234 → "١٬٢٣٤": Arabic-Indic digits and the Arabic thousands separator."""
    try:
        grouped = f"{int(value):,}".replace(",", "٬")
    except (TypeError, ValueError):
        return str(value)
    return arabic_digits(grouped)


def arabic_count(value, noun: str) -> str:
    """A number with ``noun`` (a key of NOUNS) in the form Arabic grammar asks for.

    مقال واحد، مقالان، ٣ مقالات، ١١ مقالًا، ١٠٠ مقال; no article at all reads "٠ مقالات".
    """
    one, two, few, many, other = NOUNS[noun]
    try:
        number = int(value)
    except (TypeError, ValueError):
        return str(value)
    if number == 1:
        return one
    if number == 2:
        return two
    remainder = number % 100
    noun = few if number == 0 or 3 <= remainder <= 10 else many if remainder >= 11 else other
    return f"{arabic_number(number)} {noun}"
