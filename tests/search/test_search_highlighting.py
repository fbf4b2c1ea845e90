"""Highlighting, on the search page and in the API's snippets: the words a query matched are marked
as the article writes them, and nothing else is.

Over the five seed articles, indexed once for the module.
"""

from __future__ import annotations

import html
import re
from itertools import pairwise

import pytest

from arabic.normalization import normalize
from arabic.stemming import stems

MARK = re.compile(r"<mark>(.*?)</mark>", re.S)

HIGHLIGHTS = [
    # query, surface forms that must be marked somewhere among the results
    pytest.param("اتفاقيه", {"الاتفاقية", "اتفاقية", "اتفاقيات"}, id="taa-marbuta-as-haa"),
    pytest.param("عبد المجيد", {"عبدالمجيد", "عبد المجيد"}, id="split-name"),
    pytest.param("عبدالمجيد", {"عبدالمجيد", "عبد المجيد"}, id="joined-name"),
    pytest.param("الارهاب", {"الإرهاب", "الارهاب"}, id="bare-alef"),
    pytest.param("لبوقادوم", {"بوقادوم"}, id="proclitic"),
    pytest.param("نور الدين", {"نورالدين", "نور الدين"}, id="honorific-name"),
]


def marked(fragment: str) -> list[str]:
    """The strings marked in a piece of HTML, as the reader sees them."""
    return [html.unescape(text) for text in MARK.findall(fragment)]


def readings(text: str) -> set[str]:
    """Every form a text's words can be read as: normalised, stemmed, and the words joined."""
    words = normalize(text).split()
    forms = {"".join(words)}
    for word in words:
        forms |= {word, *stems(word)}
    return forms


def query_readings(query: str) -> set[str]:
    """``readings`` of a query's words, and of each two consecutive words joined (a compound name)."""
    words = [word for word in re.findall(r"[^\W_]+", query) if word not in ("OR", "AND", "NOT")]
    forms = set().union(*(readings(word) for word in words)) if words else set()
    return forms | {normalize(first + second) for first, second in pairwise(words)}


def collapsed(text: str) -> str:
    """Text with runs of white space as one space, as snippets show it."""
    return " ".join(text.split())


# The search page ------------------------------------------------------------------


@pytest.mark.parametrize(("query", "surfaces"), HIGHLIGHTS)
def test_page_marks_the_words_a_query_matched_as_the_article_writes_them(
    search_page, page_results, seeds, query, surfaces
):
    """Each marked string is copied from its article and is a reading of a query word; the
    spellings the query stands for are all marked somewhere."""
    wanted = query_readings(query)
    every_mark = set()
    for name, block in page_results(search_page({"q": query})):
        article = seeds[name]
        marks = marked(block)
        assert marks, f"nothing marked in {article.slug}"
        for mark in marks:
            assert mark in collapsed(article.body) or mark in article.display_title, mark
            assert readings(mark) & wanted, f"{mark!r} is no reading of {query!r}"
        every_mark.update(marks)
    assert surfaces <= every_mark


def test_page_marks_a_compound_name_whole_and_not_another_name_sharing_its_first_word(
    search_page, page_results, seeds
):
    """ "عبد المجيد" marks "عبد المجيد" / "عبدالمجيد", never the "عبد" of "عبد الحميد"."""
    marks = [mark for _, block in page_results(search_page({"q": "عبد المجيد"})) for mark in marked(block)]
    assert marks
    assert "عبد" not in marks
    assert all(normalize(mark).replace(" ", "") == "عبدالمجيد" for mark in marks), marks


def test_page_never_marks_an_excluded_word(search_page, page_results, seeds):
    """ "بوقادوم OR NOT بلجود" lists "delegation" for بوقادوم; its title holds both names, and
    only بوقادوم is marked."""
    blocks = dict(page_results(search_page({"q": "بوقادوم OR NOT بلجود"})))
    title = re.search(r'<h3 class="card-title">(.*?)</h3>', blocks["delegation"], re.S).group(1)
    assert "بلجود" in title
    assert "<mark>بوقادوم</mark>" in title
    for block in blocks.values():
        assert not [mark for mark in marked(block) if "بلجود" in mark]


def test_page_never_marks_a_word_excluded_with_a_minus(search_page, page_results, seeds):
    marks = [mark for _, block in page_results(search_page({"q": "الحدود -تونس"})) for mark in marked(block)]
    assert marks
    assert not [mark for mark in marks if "تونس" in readings(mark)]


# The API's snippets -------------------------------------------------------------------


@pytest.mark.parametrize(("query", "surfaces"), HIGHLIGHTS)
def test_api_snippets_mark_the_words_a_query_matched_as_the_article_writes_them(
    search_api, seeds, query, surfaces
):
    """Each marked string is copied from the article's body and is a reading of a query word."""
    bodies = {article.pk: collapsed(article.body) for article in seeds.values()}
    wanted = query_readings(query)
    every_mark = set()
    for result in search_api({"q": query})["results"]:
        marks = marked(result["snippet"])
        assert marks, f"nothing marked in article {result['id']}"
        for mark in marks:
            assert mark in bodies[result["id"]], mark
            assert readings(mark) & wanted, f"{mark!r} is no reading of {query!r}"
        every_mark.update(marks)
    assert surfaces <= every_mark


@pytest.mark.parametrize(
    ("query", "excluded"), [("بوقادوم OR NOT بلجود", "بلجود"), ("الحدود -تونس", "تونس")], ids=["not", "minus"]
)
def test_api_never_marks_an_excluded_word(search_api, seeds, query, excluded):
    marks = [mark for result in search_api({"q": query})["results"] for mark in marked(result["snippet"])]
    assert marks
    assert not [mark for mark in marks if excluded in readings(mark)]


def test_api_marks_a_compound_name_whole(search_api, seeds):
    marks = [
        mark for result in search_api({"q": "عبد المجيد"})["results"] for mark in marked(result["snippet"])
    ]
    assert {"عبدالمجيد", "عبد المجيد"} <= set(marks)
    assert "عبد" not in marks
