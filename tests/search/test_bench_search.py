"""``manage.py bench_search`` over the seeds: cold and kept figures, and result files that prove an
optimisation finds what the archive found before it."""

import json

import pytest
from django.core.management import CommandError, call_command

from archive.models import Article


def bench(tmp_path, *args: str) -> str:
    output = tmp_path / "report.txt"
    with output.open("w") as stream:
        call_command("bench_search", "--no-rebuild", "--rounds", "1", *args, stdout=stream)
    return output.read_text()


def test_the_report_gives_cold_figures_apart_from_kept_answers(seeds, tmp_path):
    report = bench(tmp_path)
    assert "API, cold (no kept answer)" in report and "API, kept answers" in report


def test_a_results_file_compared_with_itself_finds_the_same_and_an_edited_one_names_the_query(
    seeds, tmp_path
):
    written = tmp_path / "found.json"
    report = bench(tmp_path, "--results", str(written))
    found = json.loads(written.read_text())
    assert found["ليبيا"]["all"] == sorted(article.pk for article in seeds.values())
    assert found["زنجبيلات"] == {"top": [], "all": []}
    compared = len(found)
    assert f"{compared} of {compared} queries find the same" in bench(tmp_path, "--compare", str(written))

    top = found["ليبيا"]["top"]
    assert len({score for _, score in top}) > 1  # else no order could differ
    scores_reversed = [[pk, score] for (pk, _), (_, score) in zip(top, top[::-1], strict=True)]
    first_scored_higher = [[top[0][0], top[0][1] + 1], *top[1:]]
    for edited in (
        {"top": top, "all": found["ليبيا"]["all"][1:]},
        {"top": scores_reversed, "all": found["ليبيا"]["all"]},
        {"top": first_scored_higher, "all": found["ليبيا"]["all"]},
    ):
        written.write_text(json.dumps({**found, "ليبيا": edited}))
        report = bench(tmp_path, "--compare", str(written))
        assert f"{compared - 1} of {compared} queries find the same" in report and "differs: ليبيا" in report
    assert Article.objects.count() == len(seeds)


@pytest.mark.parametrize(
    "content", ["", "not json", "[]", '{"ليبيا": [1, 2]}', '{"ليبيا": {"top": []}}', "\x00"], ids=repr
)
def test_a_compare_file_it_did_not_write_is_refused_in_arabic_before_measuring(seeds, tmp_path, content):
    hostile = tmp_path / "hostile.json"
    hostile.write_text(content)
    with pytest.raises(CommandError, match="--compare"):
        bench(tmp_path, "--compare", str(hostile))


def test_a_missing_compare_file_and_no_round_are_refused(seeds, tmp_path):
    with pytest.raises(CommandError, match="--compare"):
        bench(tmp_path, "--compare", str(tmp_path / "nowhere.json"))
    with pytest.raises(CommandError, match="--rounds"):
        call_command("bench_search", "--no-rebuild", "--rounds", "0")
