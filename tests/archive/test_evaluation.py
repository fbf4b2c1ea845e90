"""archive.evaluation and ``manage.py evaluate_linking``: marked paragraphs in, the linker's figures out."""

import io
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.evaluation import CaseFileError, Link, evaluate, load_cases

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_file(tmp_path):
    """Write paragraphs (dicts, or raw lines as strings) one a line; gives the file's path."""

    def write(*lines) -> str:
        path = tmp_path / "cases.jsonl"
        text = "\n".join(
            line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines
        )
        path.write_text(text + "\n", encoding="utf-8")
        return str(path)

    return write


@pytest.fixture
def small_set(case_file, tebboune, boukadoum, algeria, libya) -> str:
    """Three paragraphs whose figures are known by hand, whatever the linker's skill.

    1. Three names, all found; the diacritic after الجزائر stays in the linker's span.
    2. The gold marks ليبيا as another entity, and the full name as a look-alike:
       both links are wrong, the full name is a look-alike linked, and ليبيا as
       marked is missed.
    3. المنفى is not linked (no such entity); الديار ("home") is marked as a
       name no linker could find, so it is missed.
    Gold 5, linked 5, correct 3: precision 3/5, recall 3/5; look-alikes 1 of 2.
    """
    return case_file(
        {
            "text": "استقبل الرئيس تبون وزير الخارجية صبري بوقادوم في الجزائرِ.",
            "mentions": [
                {"text": "تبون", "entity": tebboune.slug},
                {"text": "صبري بوقادوم", "entity": boukadoum.slug},
                {"text": "الجزائر", "entity": algeria.slug},
            ],
        },
        {
            "text": "زار الرئيس عبد المجيد تبون ليبيا.",
            "mentions": [{"text": "ليبيا", "entity": algeria.slug}],
            "lookalikes": ["عبد المجيد تبون"],
        },
        "",
        {
            "text": "قضى الدبلوماسي عمر بلقاسم سنوات في المنفى قبل أن يعود إلى الديار.",
            "mentions": [{"text": "الديار", "entity": algeria.slug}],
            "lookalikes": ["المنفى"],
            "unknown": [{"text": "عمر بلقاسم", "kind": "person"}],
        },
    )


def test_the_score_counts_what_the_linker_got_right_wrong_and_missed(small_set, tebboune, libya, algeria):
    score = evaluate(load_cases(small_set))
    assert (score.paragraphs, score.gold, score.linked, score.correct) == (3, 5, 5, 3)
    assert score.precision == pytest.approx(3 / 5)
    assert score.recall == pytest.approx(3 / 5)
    assert (score.lookalikes, score.lookalikes_linked, score.unknown) == (2, 1, 1)
    assert score.wrong == [Link(2, "عبد المجيد تبون", tebboune.slug), Link(2, "ليبيا", libya.slug)]
    # Paragraphs are numbered by their line in the file: the blank third line is skipped.
    assert score.missed == [Link(2, "ليبيا", algeria.slug), Link(4, "الديار", algeria.slug)]


def test_a_marked_mention_is_matched_by_one_link_only(case_file, tebboune):
    path = case_file(
        {
            "text": "قال الرئيس تبون إن تبون سيزور طرابلس.",
            "mentions": [{"text": "تبون", "entity": tebboune.slug}],
        }
    )
    score = evaluate(load_cases(path))
    assert (score.gold, score.linked, score.correct) == (1, 2, 1)
    assert score.wrong == [Link(1, "تبون", tebboune.slug)]


def test_a_link_to_the_wrong_entity_with_the_right_text_is_wrong(case_file, tebboune, boukadoum):
    path = case_file({"text": "وصل الرئيس تبون.", "mentions": [{"text": "تبون", "entity": boukadoum.slug}]})
    score = evaluate(load_cases(path))
    assert (score.correct, score.wrong, score.missed) == (
        0,
        [Link(1, "تبون", tebboune.slug)],
        [Link(1, "تبون", boukadoum.slug)],
    )


def test_the_nth_listing_of_a_lookalike_is_its_nth_occurrence(case_file, libya):
    """With tanween ليبياً is an adverb and is not linked; written bare, it is."""
    text = "أراد حلا ليبياً وزار ليبيا."
    once = case_file({"text": text, "lookalikes": ["ليبيا"]})
    assert evaluate(load_cases(once)).lookalikes_linked == 0
    twice = case_file({"text": text, "lookalikes": ["ليبيا", "ليبيا"]})
    assert evaluate(load_cases(twice)).lookalikes_linked == 1


@pytest.mark.parametrize(
    ("name", "paragraphs", "lookalikes", "unknown"),
    [("heldout-2.jsonl", 40, 25, 40), ("heldout.jsonl", 45, 25, 50)],
)
def test_the_held_out_sets_are_well_formed_and_large_enough(db, name, paragraphs, lookalikes, unknown):
    call_command("loaddata", "entities", verbosity=0)
    cases = load_cases(Path(settings.BASE_DIR) / "fixtures" / "linking" / name)
    assert len(cases) >= paragraphs
    assert sum(len(case.lookalikes) for case in cases) >= lookalikes
    assert sum(u.label in ("person", "organization") for case in cases for u in case.unknown) >= unknown


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"text": "ليبيا"', "ليس JSON صالحًا"),
        ('["ليبيا"]', "يُنتظر كائن JSON"),
        ('"ليبيا"', "يُنتظر كائن JSON"),
        ('{"mentions": []}', "النص (text) مفقود أو فارغ"),
        ('{"text": "   "}', "النص (text) مفقود أو فارغ"),
        ('{"text": 5}', "النص (text) مفقود أو فارغ"),
        ('{"text": "ليبيا", "lookalike": ["ليبيا"]}', "حقل غير معروف: lookalike"),
        ('{"text": "ليبيا", "mentions": "ليبيا"}', "الحقل mentions يُنتظر قائمة"),
        ('{"text": "ليبيا", "mentions": ["ليبيا"]}', "كل عنصر في mentions"),
        ('{"text": "ليبيا", "mentions": [{"entity": "ليبيا"}]}', "في mentions نص مفقود"),
        ('{"text": "ليبيا", "mentions": [{"text": "تونس", "entity": "ليبيا"}]}', "«تونس» لا يرد في النص"),
        (
            '{"text": "الحدود الجزائرية", "mentions": [{"text": "الجزائر", "entity": "الجزائر"}]}',
            "«الجزائر» لا يرد",
        ),
        (
            '{"text": "ليبيا", "mentions": [{"text": "ليبيا", "entity": "ليبيا"}, {"text": "ليبيا", "entity": "ليبيا"}]}',
            "«ليبيا» مذكور أكثر مما يرد",
        ),
        ('{"text": "أطلانطس", "mentions": [{"text": "أطلانطس", "entity": "أطلانطس"}]}', "entity «أطلانطس»"),
        ('{"text": "ليبيا", "mentions": [{"text": "ليبيا", "entity": ["ليبيا"]}]}', "غير معروف في الأرشيف"),
        ('{"text": "ليبيا", "lookalikes": ["نهر النيجر"]}', "«نهر النيجر» لا يرد في النص"),
        ('{"text": "ليبيا", "lookalikes": [""]}', "في lookalikes نص مفقود"),
        ('{"text": "قال زيد", "unknown": [{"text": "زيد", "kind": "planet"}]}', "kind «planet»"),
        (
            '{"text": "<script>alert(1)</script>", "unknown": [{"text": "<b>", "kind": "person"}]}',
            "«<b>» لا يرد",
        ),
    ],
)
def test_the_loader_names_the_line_and_the_problem_of_a_malformed_file(
    case_file, libya, algeria, line, problem
):
    path = case_file({"text": "ليبيا", "mentions": [{"text": "ليبيا", "entity": libya.slug}]}, line)
    with pytest.raises(CaseFileError) as error:
        load_cases(path)
    assert str(error.value).startswith("السطر 2: ")
    assert problem in str(error.value)


def test_the_loader_refuses_a_file_it_cannot_read(tmp_path):
    empty, binary = tmp_path / "empty.jsonl", tmp_path / "binary.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    binary.write_bytes(b'{"text": "\xff\xfe"}\n')
    for path, problem in [
        (tmp_path / "missing.jsonl", "لا ملف في"),
        (tmp_path, "مجلد، ويُنتظر ملف JSON Lines"),
        (empty, "لا فقرات في الملف"),
        (binary, "ليس نصًّا بترميز UTF-8"),
    ]:
        with pytest.raises(CaseFileError, match=problem):
            load_cases(path)


def evaluate_linking(*arguments: str) -> str:
    out = io.StringIO()
    call_command("evaluate_linking", *arguments, stdout=out)
    return out.getvalue()


def test_the_command_prints_the_figures_and_with_verbosity_each_error(small_set):
    table = evaluate_linking(small_set)
    for label, value in [("الدقة", "60.0%"), ("الاستدعاء", "60.0%"), ("أشباه أسماء رُبطت", "1 من 2")]:
        assert any(row.startswith(label) and row.endswith(value) for row in table.splitlines()), label
    assert "السطر" not in table
    details = evaluate_linking(small_set, "--verbosity", "2")
    assert "ربط خاطئ، السطر 2: «عبد المجيد تبون»" in details
    assert "فائت، السطر 4: «الديار»" in details


@pytest.mark.parametrize(
    "thresholds",
    [
        [],
        ["--min-precision", "0.6", "--min-recall", "0.6", "--max-lookalikes", "1"],
        ["--min-precision", "0", "--max-lookalikes", "٣"],
    ],
)
def test_the_command_succeeds_when_every_threshold_given_is_met(small_set, thresholds):
    assert "الدقة" in evaluate_linking(small_set, *thresholds)


@pytest.mark.parametrize(
    ("thresholds", "message"),
    [
        (["--min-precision", "0.61"], "الدقة 60.0% دون 61.0%"),
        (["--min-recall", "1"], "الاستدعاء 60.0% دون 100.0%"),
        (["--max-lookalikes", "0"], "رُبط 1 من أشباه الأسماء، والحد 0"),
    ],
)
def test_the_command_exits_with_an_error_when_a_threshold_is_not_met(small_set, thresholds, message):
    with pytest.raises(CommandError, match=message) as error:
        evaluate_linking(small_set, *thresholds)
    assert error.value.returncode == 1  # the exit status manage.py gives


@pytest.mark.parametrize(
    ("option", "value", "problem"),
    [
        ("--min-precision", "1.5", "ليست نسبة"),
        ("--min-precision", "-0.1", "ليست نسبة"),
        ("--min-recall", "nan", "ليست نسبة"),
        ("--min-recall", "ثمانون", "ليست نسبة"),
        ("--max-lookalikes", "-1", "ليس عددًا صحيحًا غير سالب"),
        ("--max-lookalikes", "2.5", "ليس عددًا صحيحًا غير سالب"),
        ("--max-lookalikes", "", "ليس عددًا صحيحًا غير سالب"),
        ("--max-lookalikes", "ثمانية", "ليس عددًا صحيحًا غير سالب"),
        ("--min-suggested", "-0.5", "ليست نسبة"),
        ("--min-suggested", "60%", "ليست نسبة"),
        ("--min-precision", "inf", "ليست نسبة"),
    ],
)
def test_the_command_refuses_a_threshold_out_of_range_in_arabic(small_set, option, value, problem):
    with pytest.raises(CommandError, match=f"«{value}» {problem}"):
        evaluate_linking(small_set, option, value)


def test_the_command_reports_a_malformed_file_without_a_traceback(case_file):
    with pytest.raises(CommandError, match="السطر 1: ليس JSON صالحًا"):
        evaluate_linking(case_file("{not json"))


@pytest.fixture
def suggestion_set(case_file) -> str:
    """Three paragraphs whose suggestions are counted by hand.

    1. The minister is suggested and marked: found. The agency is suggested as a
       body but marked as a person: the kind differs, so it is a false suggestion
       and the marked name is not suggested.
    2. No cue before the name: not suggested.
    3. A name suggested that nobody marked: a false suggestion.
    Unknown 3, suggested 3, found 1 (a third); false suggestions 2.
    """
    return case_file(
        {
            "text": "وقال وزير الخارجية عثمان الجرندي إن وكالة الأنباء التونسية نقلت الخبر.",
            "unknown": [
                {"text": "عثمان الجرندي", "kind": "person"},
                {"text": "وكالة الأنباء التونسية", "kind": "person"},
            ],
        },
        {"text": "وزار الوفد فرحات قدارة.", "unknown": [{"text": "فرحات قدارة", "kind": "person"}]},
        {"text": "واستقبل الرئيس محمد سالم الوفد."},
    )


def test_the_score_counts_the_unknown_names_suggested_and_the_false_suggestions(suggestion_set):
    score = evaluate(load_cases(suggestion_set))
    assert (score.unknown, score.suggested, score.unknown_suggested) == (3, 3, 1)
    assert score.suggested_share == pytest.approx(1 / 3)
    assert score.false_suggestions == [
        Link(1, "وكالة الأنباء التونسية", "organization"),
        Link(3, "محمد سالم", "person"),
    ]
    assert score.unsuggested == [
        Link(1, "وكالة الأنباء التونسية", "person"),
        Link(2, "فرحات قدارة", "person"),
    ]


def test_an_unknown_name_is_suggested_whatever_its_diacritics(case_file):
    path = case_file(
        {
            "text": "وقال وزيرُ الخارجيةِ عثمانُ الجرنديُّ إنّ",
            "unknown": [{"text": "عثمانُ الجرنديُّ", "kind": "person"}],
        }
    )
    assert evaluate(load_cases(path)).suggested_share == 1


def test_with_no_unknown_name_none_is_missing():
    assert evaluate([]).suggested_share == 1


def test_the_command_prints_the_suggestions_and_with_verbosity_each_error(suggestion_set):
    table = evaluate_linking(suggestion_set)
    for label, value in [
        ("أسماء لا يعرفها الأرشيف", "3"),
        ("اقتُرح منها", "1 (33.3%)"),
        ("اقتراحات ليست منها", "2 من 3"),
    ]:
        assert any(row.startswith(label) and row.endswith(value) for row in table.splitlines()), label
    details = evaluate_linking(suggestion_set, "--verbosity", "2")
    assert "اقتراح خاطئ، السطر 3: «محمد سالم» (person)" in details
    assert "لم يُقترح، السطر 2: «فرحات قدارة» (person)" in details


def test_the_command_holds_the_suggestions_to_their_threshold(suggestion_set):
    assert "اقتُرح منها" in evaluate_linking(suggestion_set, "--min-suggested", "0.3")
    with pytest.raises(CommandError, match=re.escape("اقتُرح 33.3% من الأسماء غير المعروفة، دون 50.0%")):
        evaluate_linking(suggestion_set, "--min-suggested", "0.5")
    with pytest.raises(CommandError, match="«2» ليست نسبة"):
        evaluate_linking(suggestion_set, "--min-suggested", "2")
