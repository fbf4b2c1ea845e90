"""What the load benchmark asks for and how long it waits."""

import re

# What the readers ask for, and how often relative to each other.
READ_WEIGHTS = {"search": 3, "api": 3, "article": 3, "home": 1, "list": 1}
# The source of the imported articles, by which they are found and deleted at the end.
IMPORT_SOURCE = "قياس الحمل (bench_load)"
ARTICLE_FORM = "article_form"  # the id Django's admin gives the article change form
ARABIC = re.compile("[\u0621-\u064a]")
# Seconds a stopped process has to exit before it is killed, and a request to be answered.
STOP_TIMEOUT = 30.0
REQUEST_TIMEOUT = 60.0


class LoadBenchFailed(Exception):
    """The stack did not start, or did not do in time what the benchmark waits for."""
