"""search.analysis: the Whoosh tokenizer and filters over the Arabic package, and the query
parser reading typed words, names and function words as the index stores them."""

import pickle
from itertools import groupby

import pytest
from whoosh.filedb.filestore import RamStorage

from search.analysis import arabic_analyzer
from search.query import TEXT_FIELD, ArabicQueryParser, query_tokens, text_schema


def indexed(text: str) -> list[tuple[int, list[str], str]]:
    """(position, tokens, text under the first token's span) for each position."""
    tokens = [
        (t.pos, t.text, text[t.startchar : t.endchar])
        for t in arabic_analyzer()(text, positions=True, chars=True)
    ]
    return [
        (pos, [text for _, text, _ in group], group[0][2])
        for pos, group in ((pos, list(group)) for pos, group in groupby(tokens, lambda token: token[0]))
    ]


# Tokenizer ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("«الجزائر»، ليبيا؛ تونس؟", ["جزاءر", "ليبيا", "تونس"]),
        ("“مصر” (القاهرة) - الرباط!", ["مصر", "قاهر", "رباط"]),
        ("OPEC و NATO", ["opec", "و", "nato"]),
        ("عام ٢٠٢١ و۱۴ و2011", ["عام", "2021", "و14", "و2011"]),
        ("عبد\u200cالحميد ليبيا\u200f", ["عبد", "حميد", "ليبيا"]),
        ("🇩🇿 \u0007 \x00 الجزائر", ["جزاءر"]),
    ],
)
def test_tokenizer_splits_on_punctuation_only(text, words):
    assert [tokens[0] for _, tokens, _ in indexed(text)] == words


def test_every_token_spans_its_word_in_the_original_text():
    text = "قال الرئيسُ «عبدالمجيد» تبّون: ليبيـــا"
    assert [span for _, _, span in indexed(text)] == ["قال", "الرئيسُ", "عبد", "المجيد", "تبّون", "ليبيـــا"]


def test_positions_count_words_and_function_words_keep_theirs():
    positions = [(pos, tokens[0]) for pos, tokens, _ in indexed("الاتفاق على التعاون في ليبيا")]
    assert positions == [(0, "اتفاق"), (1, "على"), (2, "تعاون"), (3, "في"), (4, "ليبيا")]


def test_positions_start_where_the_caller_says():
    tokens = arabic_analyzer()("ليبيا تونس", positions=True, chars=True, start_pos=10, start_char=100)
    assert [(t.pos, t.startchar) for t in tokens] == [(10, 100), (11, 106)]


def test_a_word_under_tanween_fath_is_indexed_without_its_case_alef():
    assert [tokens for _, tokens, _ in indexed("رئيساً سلبًا")] == [["رءيس"], ["سلب"]]


# Compound names -------------------------------------------------------------


@pytest.mark.parametrize(
    ("joined", "spaced"),
    [("عبدالمجيد تبون", "عبد المجيد تبون"), ("نورالدين مقري", "نور الدين مقري"), ("أبوبكر", "أبو بكر")],
)
def test_both_spellings_of_a_compound_name_index_the_same_tokens(joined, spaced):
    assert [tokens for _, tokens, _ in indexed(joined)] == [tokens for _, tokens, _ in indexed(spaced)]


@pytest.mark.parametrize(
    ("joined", "spaced"), [("عبدالمجيد", "عبد المجيد"), ("نورالدين", "نور الدين"), ("أبوبكر", "أبو بكر")]
)
def test_either_spelling_of_a_compound_name_in_a_query_is_found_in_the_index(joined, spaced):
    for document in (joined, spaced):
        stored = {token for _, tokens, _ in indexed(document) for token in tokens}
        for query in (joined, spaced, f'"{spaced}"'):
            assert set(query_tokens(query)) <= stored, (query, document)


def test_the_joined_form_of_a_spaced_name_spans_both_words():
    text = "الجنرال نور الدين مقري"
    spans = {t.text: text[t.startchar : t.endchar] for t in arabic_analyzer()(text, chars=True)}
    assert spans["نورالدين"] == "نور الدين"


def test_a_query_searches_a_compound_name_in_its_joined_form_and_stems_what_follows():
    assert query_tokens("لعبدالمجيد والاتفاقية") == ["عبدالمجيد", "اتفاقي"]


def test_a_query_reads_two_typed_words_that_make_a_name_as_that_name():
    assert query_tokens("أبي بكر") == ["ابوبكر"]
    assert query_tokens("عبد المجيد تبون") == ["عبدالمجيد", "تبون"]
    assert query_tokens("عبد OR المجيد") == [["عبد", "مجيد"]]


# Function words -------------------------------------------------------------


def test_function_words_are_left_out_of_a_query_but_kept_in_a_phrase():
    assert query_tokens("الاتفاق على التعاون") == ["اتفاق", "تعاون"]
    assert query_tokens('"الاتفاق على التعاون"') == ["اتفاق", "على", "تعاون"]


def test_a_query_of_function_words_only_still_searches_for_them():
    assert query_tokens("في على") == ["في", "على"]


def test_excluded_words_are_not_searched_for():
    assert query_tokens("ليبيا -تونس") == ["ليبيا"]
    assert query_tokens("ليبيا NOT تونس") == ["ليبيا"]


def test_a_word_read_two_ways_is_searched_either_way():
    assert query_tokens("وقال") == [["وقال", "قال"]]


# The analyzer inside an index -----------------------------------------------


def test_the_schema_survives_pickling_with_the_same_analysis():
    """Whoosh pickles the schema into the index; the analyzer must come back whole."""
    schema = pickle.loads(pickle.dumps(text_schema()))
    tokens = [t.text for t in schema[TEXT_FIELD].analyzer("عبد المجيد والاتفاقية")]
    assert tokens == ["عبد", "مجيد", "عبدالمجيد", "اتفاقي"]


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        "((",
        "*",
        "?",
        "~",
        "^",
        "AND",
        "OR",
        "NOT",
        "title:",
        "ـــ",
        "\u202e\u200f",
        "🙂" * 50,
        "ك" * 10_000,
    ],
)
def test_hostile_queries_parse_without_error(hostile):
    assert isinstance(query_tokens(hostile), list)


def test_a_hyphen_inside_a_word_is_no_exclusion_but_one_before_a_word_is():
    assert query_tokens("2021-04-21") == ["2021", "04", "21"]
    assert query_tokens("ليبيا -تونس") == ["ليبيا"]
    assert sorted(query_tokens("ليبيا +تونس")) == sorted(["ليبيا", "تونس"])


# Month names ----------------------------------------------------------------


def found(query: str, documents: dict[str, str]) -> set[str]:
    """The keys of ``documents`` a query finds, in an index of them in memory."""
    index = RamStorage().create_index(text_schema())
    with index.writer() as writer:
        for key, text in documents.items():
            writer.add_document(key=key, text=text)
    with index.searcher() as searcher:
        parsed = ArabicQueryParser(TEXT_FIELD, text_schema()).parse(query)
        return {hit["key"] for hit in searcher.search(parsed)}


MONTHS_WRITTEN = {
    "shown": "نشر في 5 يناير 2021",
    "levant": "نشر في 5 كانون الثاني 2021",
    "december": "نشر في كانون الأول 2021",
    "august": "نشر في أغسطس 2021",
    "algeria": "نشر في أوت 2021",
    "father": "زار الأب ابنه",
}


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("كانون الثاني 2021", {"shown", "levant"}),
        ("5 جانفي", {"shown"}),
        ("أوت 2021", {"august", "algeria"}),
        ("آب 2021", {"august"}),
        ("يناير 2021", {"shown"}),
        ("آب", {"father"}),
        ('"أوت 2021"', {"algeria"}),
    ],
    ids=[
        "levant-two-words",
        "algeria-after-a-day",
        "algeria",
        "levant",
        "shown",
        "alone-a-word",
        "quoted-as-typed",
    ],
)
def test_a_month_beside_a_number_is_searched_by_any_of_its_names(query, keys):
    assert found(query, MONTHS_WRITTEN) == keys
