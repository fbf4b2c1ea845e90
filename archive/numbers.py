"""Numbers written for Arabic readers: Arabic-Indic digits and agreeing nouns."""

_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# Noun forms for arabic_count, in CLDR's plural categories "one|two|few|many|other".
ARTICLES = "مقال واحد|مقالان|مقالات|مقالًا|مقال"
DUPLICATES = "مكرر واحد|مكرران|مكررات|مكررًا|مكرر"


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


def arabic_count(value, forms: str) -> str:
    """A number with its noun in the form Arabic grammar asks for.

    ``forms`` follows the CLDR plural categories of Arabic, "one|two|few|many|other":
    "مقال واحد|مقالان|مقالات|مقالًا|مقال" gives مقال واحد، مقالان، ٣ مقالات،
    ١١ مقالًا، ١٠٠ مقال. No article at all reads "٠ مقالات".
    """
    one, two, few, many, other = forms.split("|")
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
