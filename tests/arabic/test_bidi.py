"""arabic.bidi: what a person typed keeps its own direction inside an Arabic message."""

from arabic.bidi import QUOTED_MAX_CHARS, isolate, isolate_ltr, quoted


def test_isolate_wraps_text_in_a_first_strong_isolate():
    assert isolate("2021-04-30") == "\u20682021-04-30\u2069"


def test_isolate_ltr_wraps_text_in_a_left_to_right_isolate():
    assert isolate_ltr("2021/04/21") == "\u20662021/04/21\u2069"


def test_quoted_input_is_isolated_inside_arabic_quotation_marks():
    assert quoted("2021-04-3x") == "«\u20682021-04-3x\u2069»"


def test_long_input_is_quoted_cut_to_a_readable_length():
    shown = quoted("1" * 10_000)
    assert len(shown) == QUOTED_MAX_CHARS + 4 and shown.endswith("…\u2069»")
