"""The seed archive: the five seed articles and their curated entities.

Loaded only into an empty archive. ``loaddata`` writes rows by primary key, so
loading it again over a used archive would put back seed articles an editor
has changed or deleted and mentions the linker has since replaced.
"""

from django.core.management import call_command

from .models import Article, Entity

SEED_FIXTURES = ("entities", "articles")


def seed_if_empty() -> bool:
    """Load the seed fixtures into an empty archive; say whether anything was loaded."""
    if Article.objects.exists() or Entity.objects.exists():
        return False
    call_command("loaddata", *SEED_FIXTURES, verbosity=0)
    return True
