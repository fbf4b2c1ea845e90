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
from search.backends import ArchiveSearchQuerySet
from search.highlighting import QueryTerms, highlight, snippet
from search.query import TEXT_FIELD, ArabicQueryParser, text_schema

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


# Runs of marked words ------------------------------------------------------------------


def terms_of(query: str) -> QueryTerms:
    """The terms the search box's parser searches for when ``query`` is typed."""
    return QueryTerms.of(ArabicQueryParser(TEXT_FIELD, text_schema()).parse(query))


RUNS = [
    # query, text, the marks in order, why
    pytest.param(
        "الاتفاقية الأمنية",
        "دخلت الاتفاقية الأمنية حيز التنفيذ",
        ["الاتفاقية الأمنية"],
        id="neighbours-are-one-mark-with-their-space",
    ),
    pytest.param("تبون ليبيا", "استقبل تبون في ليبيا وفدا", ["تبون في ليبيا"], id="a-function-word-joins"),
    pytest.param("تبون ليبيا", "قال تبون بأن ليبيا", ["تبون بأن ليبيا"], id="a-glued-function-word-joins"),
    pytest.param("تبون ليبيا", "تبون على أن ليبيا", ["تبون على أن ليبيا"], id="function-words-join"),
    pytest.param("تبون ليبيا", "قال تبون، ليبيا", ["تبون", "ليبيا"], id="punctuation-ends-a-run"),
    pytest.param("تبون ليبيا", "قال تبون\n\nليبيا", ["تبون", "ليبيا"], id="a-paragraph-ends-a-run"),
    pytest.param(
        "تبون ليبيا", "زار تبون تونس ثم ليبيا", ["تبون", "ليبيا"], id="an-unmatched-word-ends-a-run"
    ),
    pytest.param("تبون ليبيا", "تبون علي ليبيا", ["تبون", "ليبيا"], id="the-name-ali-is-no-function-word"),
    pytest.param("تبون ليبيا", "في تبون في", ["تبون"], id="a-function-word-at-an-edge-is-not-marked"),
]


@pytest.mark.parametrize(("query", "text", "marks"), RUNS)
def test_marked_words_side_by_side_are_one_run(query, text, marks):
    assert highlight(text, terms_of(query)).marked == marks


def test_a_pasted_sentence_reads_as_one_marked_run_not_a_checkerboard():
    """Every word of the sentence is searched for but "أن" and "مع": the whole sentence is one mark."""
    sentence = "أعلن الرئيس عبدالمجيد تبون أن الاتفاقية الأمنية مع ليبيا دخلت حيز التنفيذ"
    body = f"وفي الجزائر. {sentence}. وقال الوزير كلاما آخر."
    found = snippet(body, terms_of(sentence), 200)
    assert found.marked == [sentence]
    assert f"<mark>{sentence}</mark>" in str(found)


def test_a_run_is_escaped_and_markup_between_marked_words_ends_it():
    found = highlight("تبون <b>ليبيا</b> تبون & ليبيا", terms_of("تبون ليبيا"))
    assert found.marked == ["تبون", "ليبيا", "تبون", "ليبيا"]
    assert "<b>" not in str(found) and "&lt;b&gt;" in str(found) and "&amp;" in str(found)


def test_a_page_of_snippets_reads_its_bodies_from_the_database_in_one_query(seeds, django_assert_num_queries):
    """The index keeps no body: the page's hits get theirs together, never one query per hit."""
    search = ArchiveSearchQuerySet().models(type(seeds["koni"])).matching("ليبيا").highlight()
    with django_assert_num_queries(1):
        results = list(search[:10])
    assert len(results) == len(seeds)
    assert all(marked(str(result.highlighted["body"])) for result in results)
