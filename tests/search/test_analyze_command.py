"""``manage.py analyze``: JSON Lines in, one JSON array of tokens out per line, in order."""

import io
import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command


def analyze(lines: list[str], role: str = "document") -> list:
    out = io.StringIO()
    stdin = io.StringIO("".join(line + "\n" for line in lines))
    original, sys.stdin = sys.stdin, stdin
    try:
        call_command("analyze", role=role, stdout=out)
    finally:
        sys.stdin = original
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_document_role_gives_tokens_in_position_order_with_shared_positions_as_arrays():
    assert analyze([json.dumps("قال عبدالمجيد تبون"), json.dumps("والاتفاقية")]) == [
        ["قال", "عبد", ["مجيد", "عبدالمجيد"], "تبون"],
        ["اتفاقي"],
    ]


def test_document_role_keeps_function_words_the_index_stores():
    assert analyze([json.dumps("الاتفاق على التعاون")]) == [["اتفاق", "على", "تعاون"]]


def test_query_role_gives_what_the_parser_searches_for():
    lines = [
        json.dumps(query) for query in ("عبد المجيد تبون", "الاتفاق على التعاون", '"على التعاون"', "وقال")
    ]
    assert analyze(lines, role="query") == [
        ["عبدالمجيد", "تبون"],
        ["اتفاق", "تعاون"],
        ["على", "تعاون"],
        [["وقال", "قال"]],
    ]


def test_one_output_line_per_input_line_even_for_empty_and_unusual_texts():
    texts = ["", "،؛؟", "🙂", "\u202e\u0007", "x" * 10_000]
    assert analyze([json.dumps(text) for text in texts]) == [[], [], [], [], ["x" * 10_000]]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "السطر 2: ليس JSON صالحًا"),
        ("42", "السطر 2: المتوقع سلسلة"),
        ("", "السطر 2: ليس JSON صالحًا"),
    ],
)
def test_a_bad_line_stops_the_run_naming_the_line_before_any_output(line, message):
    out = io.StringIO()
    original, sys.stdin = sys.stdin, io.StringIO(f'"ليبيا"\n{line}\n')
    try:
        with pytest.raises(CommandError, match=message):
            call_command("analyze", stdout=out)
    finally:
        sys.stdin = original
    assert out.getvalue() == ""


def test_text_option_prints_one_position_per_line_for_people():
    out = io.StringIO()
    call_command("analyze", text="عبد المجيد وقال", stdout=out)
    assert out.getvalue().splitlines() == ["عبد", "مجيد | عبدالمجيد", "وقال | قال"]


def test_the_command_reads_standard_input_as_a_process():
    """The way an evaluator calls it: a pipe in, a pipe out, UTF-8 both ways."""
    done = subprocess.run(
        [sys.executable, "manage.py", "analyze", "--role", "query"],
        input='"الأمن"\n"نورالدين"\n'.encode(),
        capture_output=True,
        check=True,
    )
    assert [json.loads(line) for line in done.stdout.decode().splitlines()] == [["امن"], ["نورالدين"]]
