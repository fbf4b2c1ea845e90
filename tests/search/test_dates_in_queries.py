"""A year, a month or a day typed in the search box finds the articles of that date,
and "هل تقصد" never offers a number or a function word for a word it does not know."""

import pytest


@pytest.mark.parametrize(
    "typed",
    [
        "2021",
        "٢٠٢١",
        "أبريل 2021",
        "ابريل ٢٠٢١",
        "21 أبريل 2021",
        "2021-04-21",
        "2021/04/21",
        "الأربعاء 2021/04/21",
    ],
)
def test_the_date_of_an_article_finds_it_in_any_writing(search_api, listed_by_api, seeds, typed):
    """Only "security" is dated (2021-04-21), and the importer took its dateline out of the text."""
    assert "security" in listed_by_api(search_api({"q": typed}))


@pytest.mark.parametrize("typed", ["2020", "مايو 2021", "2021-04-22"])
def test_another_date_does_not_find_it(search_api, listed_by_api, seeds, typed):
    assert "security" not in listed_by_api(search_api({"q": typed}))


@pytest.mark.parametrize("typed", ["2012", "1999", "٢٠١٢"])
def test_a_number_the_archive_does_not_hold_gets_no_other_number_offered(search_api, seeds, typed):
    assert search_api({"q": typed})["suggestion"] is None


@pytest.mark.parametrize("typed", ["ابو بكر", "الي", "بينن"])
def test_a_suggestion_is_never_a_function_word(search_api, seeds, typed):
    suggestion = search_api({"q": typed})["suggestion"] or ""
    assert not set(suggestion.split()) & {"الي", "إلى", "بين", "في", "على", "من"}, suggestion
