"""The import_articles command: seeds and JSON Lines in, articles out, nothing invented."""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from archive.dates import PartialDate, Precision
from archive.importing import import_paths
from archive.models import Article, Mention, Source

SEEDS = Path(settings.BASE_DIR) / "fixtures" / "seeds"
TITLE_001 = "الاستقرار الأمني يتصدر مباحثات بوقادوم في ليبيا"
TITLE_003 = "الجزائر “عازمة” على مواصلة جهودها لمساعدة ليبيا في الخروج من الازمة"
DATE_LINE_001 = "الأربعاء 2021/04/21"


def run(*paths: Path | str) -> str:
    out = io.StringIO()
    call_command("import_articles", *map(str, paths), stdout=out)
    return out.getvalue()


def seed(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        content = content.encode()
    path.write_bytes(content)
    return path


def jsonl(*records: dict) -> str:
    return "\n".join(json.dumps(record, ensure_ascii=False) for record in records) + "\n"


# --- The seeds ---------------------------------------------------------------

# Each seed's lines that do not belong in the body: its title, its date line,
# its page number and a lone dateline repeated by the next paragraph.
SEED_CASES = [
    ("000", "", None, set()),
    ("001", TITLE_001, PartialDate(2021, 4, 21), {TITLE_001, DATE_LINE_001, "4"}),
    ("002", "", None, set()),
    ("003", TITLE_003, None, {TITLE_003, "الجزائر"}),
    ("004", "", None, set()),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "title", "published", "not_body"), SEED_CASES)
def test_seed_gives_its_title_date_and_paragraphs_as_written(prefix, title, published, not_body):
    """Every other non-blank line of the seed is a paragraph, in order; no date or source is invented."""
    path = seed(prefix)
    run(path)

    article = Article.objects.get()
    lines = [line.strip() for line in path.read_text().splitlines()]
    assert article.title == title
    assert article.published == published
    assert article.source is None
    assert article.body == "\n\n".join(line for line in lines if line and line not in not_body)


@pytest.mark.django_db
def test_seed_001_loses_its_page_number_and_date_line_but_keeps_lead_and_subheading():
    run(seed("001"))

    article = Article.objects.get()
    paragraphs = article.body.split("\n\n")
    assert article.date_precision == Precision.DAY
    assert "4" not in paragraphs
    assert not article.body.endswith("4")
    assert "2021/04/21" not in article.body
    assert paragraphs[0].startswith("اللجنة التنفيذية العليا المشتركة تتألف من 14 عنصرا")
    assert paragraphs[1] == "زيارة ذات بعد أمني لبوقادوم إلى ليبيا"
    assert paragraphs[2].startswith("الجزائر– وضع مسؤولو الدولة")


@pytest.mark.django_db
def test_seed_003_keeps_the_dateline_glued_to_its_paragraph_and_takes_no_date_from_the_text():
    """ "في أغسطس 2001" inside the body is history, not the publication date."""
    run(seed("003"))

    article = Article.objects.get()
    assert article.body.startswith("الجزائر – أكد الأمين العام")
    assert "أغسطس 2001" in article.body
    assert article.published is None


@pytest.mark.django_db
def test_seed_000_takes_no_date_from_the_weekday_in_its_text():
    """ "اليوم الخميس" names a day of the week, not a date: the article stays undated."""
    run(seed("000"))

    article = Article.objects.get()
    assert "اليوم الخميس" in article.body
    assert article.published_on is None
    assert article.date_precision == ""


@pytest.mark.django_db
def test_importing_the_seed_folder_creates_five_articles_linked_to_their_entities(algeria):
    output = run(SEEDS)

    assert "أنشئ: 5 مقالات. تُخطّي: 0 مكررات." in output
    assert Article.objects.count() == 5
    assert Mention.objects.filter(entity=algeria).exists()


# --- Plain-text layouts ------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "date_line",
    [
        "الأربعاء 2021/04/21",
        "الاربعاء 2021-04-21",
        "2021/4/21",
        "21/04/2021",
        "الأربعاء 21-04-2021",
        "الأربعاء ٢٠٢١/٠٤/٢١",
        "الأربعاء ۲۰۲۱/۰۴/۲۱",
        "الأربعاء 21 أبريل 2021",
        "21 أفريل 2021",
        "الأربعاء، 21 نيسان/أبريل 2021",
        "٢١ ابريل ٢٠٢١",
    ],
)
def test_date_line_in_any_accepted_form_gives_the_day_and_leaves_the_body(tmp_path, date_line):
    path = write(tmp_path / "a.txt", f"عنوان قصير\n\n{date_line}\nالفقرة الأولى.\n\nالفقرة الثانية.\n")
    run(path)

    article = Article.objects.get()
    assert article.title == "عنوان قصير"
    assert article.published == PartialDate(2021, 4, 21)
    assert article.body == "الفقرة الأولى.\n\nالفقرة الثانية."


@pytest.mark.django_db
def test_text_with_byte_order_mark_and_crlf_imports_cleanly(tmp_path):
    path = write(tmp_path / "a.txt", "\ufeffعنوان\r\n\r\nالفقرة الأولى.\r\nالفقرة الثانية.\r\n".encode())
    run(path)

    article = Article.objects.get()
    assert article.title == "عنوان"
    assert article.body == "الفقرة الأولى.\n\nالفقرة الثانية."


@pytest.mark.django_db
def test_short_first_line_running_into_the_text_stays_in_the_body(tmp_path):
    """Without a blank line to set it off, a first line may be a paragraph: it is not taken for a title."""
    path = write(tmp_path / "a.txt", "الجزائر تستقبل الوفد\nوقال المتحدث إن الزيارة ناجحة.\n")
    run(path)

    article = Article.objects.get()
    assert article.title == ""
    assert article.body == "الجزائر تستقبل الوفد\n\nوقال المتحدث إن الزيارة ناجحة."


@pytest.mark.django_db
def test_lone_place_line_not_repeated_by_a_dateline_is_kept(tmp_path):
    path = write(tmp_path / "a.txt", "عنوان\n\nطرابلس\n\nالجزائر – أكد الوزير.\n")
    run(path)

    assert Article.objects.get().body == "طرابلس\n\nالجزائر – أكد الوزير."


# --- JSON Lines --------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("date", "published", "precision"),
    [
        (None, None, ""),
        ("2021", PartialDate(2021), Precision.YEAR),
        ("2021-04", PartialDate(2021, 4), Precision.MONTH),
        ("2021-04-21", PartialDate(2021, 4, 21), Precision.DAY),
        ("أفريل 2021", PartialDate(2021, 4), Precision.MONTH),
        ("5 جويلية 2021", PartialDate(2021, 7, 5), Precision.DAY),
        ("تموز 2021", PartialDate(2021, 7), Precision.MONTH),
    ],
)
def test_jsonl_date_keeps_the_precision_it_was_given(tmp_path, date, published, precision):
    path = write(tmp_path / "a.jsonl", jsonl({"title": "عنوان", "body": "نص المقال.", "date": date}))
    run(path)

    article = Article.objects.get()
    assert article.published == published
    assert article.date_precision == precision


@pytest.mark.django_db
def test_jsonl_source_is_created_once_and_reused_and_url_is_stored(tmp_path, algeria):
    path = write(
        tmp_path / "a.jsonl",
        jsonl(
            {
                "title": "الأول",
                "body": "زار الوزير الجزائر.",
                "source": "وكالة الأنباء",
                "url": "https://a.example/1",
            },
            {"title": "الثاني", "body": "نص ثان مختلف.", "source": "وكالة الأنباء"},
        )
        + "\n   \n",
    )
    run(path)
    write(tmp_path / "b.jsonl", jsonl({"body": "نص ثالث.", "source": "وكالة الأنباء"}))
    run(tmp_path / "b.jsonl")

    source = Source.objects.get()
    assert source.name == "وكالة الأنباء"
    assert source.articles.count() == 3
    first = Article.objects.get(title="الأول")
    assert first.url == "https://a.example/1"
    assert Article.objects.get(title="الثاني").url == ""
    assert first.mentions.get().entity_id == algeria.pk


# --- Duplicates --------------------------------------------------------------


@pytest.mark.django_db
def test_same_file_twice_in_one_run_is_skipped_and_reported(tmp_path):
    output = run(seed("002"), seed("002"))

    assert Article.objects.count() == 1
    assert f"تُخطّي {seed('002')}: مكرر لـ{seed('002')}" in output
    assert "أنشئ: مقال واحد. تُخطّي: مكرر واحد." in output


@pytest.mark.django_db
def test_file_already_imported_is_skipped_on_the_next_run():
    run(seed("004"))
    output = run(seed("004"))

    assert Article.objects.count() == 1
    assert f"تُخطّي {seed('004')}: مكرر لمقال محفوظ من قبل" in output
    assert "أنشئ: 0 مقالات. تُخطّي: مكرر واحد." in output


@pytest.mark.django_db
def test_duplicate_within_a_jsonl_file_is_reported_with_its_line(tmp_path):
    """Content is compared blind to spacing and diacritics, as archive.models.content_hash does."""
    path = write(
        tmp_path / "a.jsonl",
        jsonl({"body": "زار الوزيرُ الجزائر."}, {"body": "نص آخر."}, {"body": "زار  الوزير الجزائر."}),
    )
    output = run(path)

    assert Article.objects.count() == 2
    assert f"تُخطّي {path}:3: مكرر لـ{path}:1" in output


# --- Bad files ---------------------------------------------------------------

GOOD_TEXT = "عنوان سليم\n\nزار وزير الخارجية الجزائر أمس.\n"
GOOD_RECORD = {"body": "سطر أول سليم عن الجزائر.", "source": "مصدر جديد"}

# (file name, content, what the message must say besides the file name)
BAD_FILES = [
    ("latin.txt", "مرحبا".encode("cp1256"), "UTF-8"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "UTF-8"),
    ("nul.txt", b"\x00\x01\x02\x03abc", "ثنائي"),
    ("empty.txt", b"", "فارغ"),
    ("blank.txt", "  \n\n \u00a0\n", "فارغ"),
    ("empty.jsonl", b"", "فارغ"),
    ("number-only.txt", "4\n", "لا يحوي الملف نصاً"),
    ("date-only.txt", "الأربعاء 2021/04/21\n", "لا يحوي الملف نصاً"),
    ("bad-date-line.txt", "عنوان\n\nالأربعاء 2021/13/45\nنص.\n", "«\u2068الأربعاء 2021/13/45\u2069»"),
    ("bad-written-date-line.txt", "عنوان\n\n31 جوان 2021\nنص.\n", "«\u206831 جوان 2021\u2069»"),
    ("notes.csv", "body\nنص\n", "‎.jsonl"),
]
# Bad records, written on line 2 after a good one.
BAD_RECORDS = [
    ('{"title": "بلا نص"}', "body"),
    ('{"body": ""}', "body"),
    ('{"body": "   "}', "body"),
    ('{"body": "نص",}', "JSON"),
    ("not json", "JSON"),
    ('["نص"]', "كائن JSON"),
    ('"نص"', "كائن JSON"),
    ('{"body": 5}', "body"),
    ('{"body": "نص", "title": ["أ"]}', "title"),
    ('{"body": "نص", "date": 2021}', "date"),
    ('{"body": "نص", "date": "2021-13-45"}', "2021-13-45"),
    ('{"body": "نص", "date": "2021-02-30"}', "2021-02-30"),
    ('{"body": "نص", "date": "21-04-2021"}', "«\u206821-04-2021\u2069»"),
    ('{"body": "نص", "date": "31 جوان 2021"}', "«\u206831 جوان 2021\u2069»"),
    ('{"body": "نص", "date": "<b>2021</b>"}', "«\u2068<b>2021</b>\u2069»"),
    (json.dumps({"body": "نص", "date": "2021" * 2500}), "…\u2069»"),
    ('{"body": "نص", "author": "أحد"}', "author"),
    (json.dumps({"body": "نص", "title": "ع" * 501}), "500"),
    ('{"body": "نص", "url": "ليس رابطاً"}', "رابط"),
    (json.dumps({"body": "نص", "source": "م" * 201}), "200"),
    # A lone surrogate escape is valid JSON but no text: no database can store it.
    ('{"body": "نص \\ud800 مبتور"}', "U+D800"),
    ('{"body": "نص", "title": "\\udfff"}', "U+DFFF"),
    # Nesting deep enough to exhaust Python's recursion is refused, not a traceback.
    ('{"body": ' + "[" * 100_000 + "]" * 100_000 + "}", "JSON"),
]


def assert_nothing_written(before: dict, row_counts, error: CommandError, *names: str) -> None:
    assert row_counts() == before
    for name in names:
        assert name in str(error)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "fix"), BAD_FILES)
def test_bad_file_after_a_good_one_fails_naming_it_and_writes_nothing(
    tmp_path, algeria, row_counts, name, content, fix
):
    good = write(tmp_path / "0-good.txt", GOOD_TEXT)
    bad = write(tmp_path / name, content)
    before = row_counts()

    with pytest.raises(CommandError) as raised:
        run(good, bad)

    assert_nothing_written(before, row_counts, raised.value, str(bad), fix)


@pytest.mark.django_db
@pytest.mark.parametrize(("line", "fix"), BAD_RECORDS)
def test_bad_jsonl_record_fails_naming_file_and_line_and_writes_nothing(
    tmp_path, algeria, row_counts, line, fix
):
    good = write(tmp_path / "0-good.jsonl", jsonl(GOOD_RECORD))
    bad = write(tmp_path / "1-bad.jsonl", jsonl({"body": "سطر سليم."}) + line + "\n")
    before = row_counts()

    with pytest.raises(CommandError) as raised:
        run(good, bad)

    assert_nothing_written(before, row_counts, raised.value, f"{bad}:2", fix)


@pytest.mark.django_db
def test_bad_file_in_a_folder_leaves_stored_articles_as_they_were(tmp_path, algeria, row_counts):
    run(seed("001"))
    write(tmp_path / "a.txt", GOOD_TEXT)
    write(tmp_path / "b.jsonl", jsonl(GOOD_RECORD, {"body": "نص", "date": "2021-13-45"}))
    before = row_counts()

    with pytest.raises(CommandError) as raised:
        run(tmp_path)

    assert_nothing_written(before, row_counts, raised.value, f"{tmp_path / 'b.jsonl'}:2")
    assert before["Article"] == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("make_path", "fix"),
    [
        (lambda tmp: tmp / "missing.txt", "غير موجود"),
        (lambda tmp: (tmp / "folder").mkdir() or tmp / "folder", "لا يحوي المجلد"),
    ],
)
def test_path_with_nothing_to_import_fails_naming_it(tmp_path, row_counts, make_path, fix):
    path = make_path(tmp_path)
    before = row_counts()

    with pytest.raises(CommandError) as raised:
        run(seed("000"), path)

    assert_nothing_written(before, row_counts, raised.value, str(path), fix)


@pytest.mark.django_db
def test_duplicate_stored_by_another_writer_during_the_import_rolls_everything_back(monkeypatch, row_counts):
    """Seen as new when checked, refused by the unique content hash when saved: nothing is kept."""
    run(seed("000"))
    monkeypatch.setattr("archive.importing.stored_content", lambda hashes: set())
    before = row_counts()

    with pytest.raises(CommandError, match="أعد تشغيل الأمر"):
        run(seed("001"), seed("000"))

    assert row_counts() == before


def test_an_escaped_control_character_in_json_lines_is_refused(tmp_path, row_counts):
    """A "\\u0000" escape passes the file's binary check but no database should store it."""
    path = tmp_path / "escaped.jsonl"
    path.write_text('{"body": "نص فيه \\u0000 محرف"}\n', encoding="utf-8")
    before = row_counts()
    with pytest.raises(CommandError, match="U\\+0000"):
        call_command("import_articles", str(path), stdout=io.StringIO())
    assert row_counts() == before


@pytest.mark.django_db
def test_a_failure_in_a_later_batch_takes_back_the_batches_already_committed(monkeypatch, row_counts):
    """Batches keep the write lock short; a run still saves all of its files or none."""
    run(seed("000"))
    monkeypatch.setattr("archive.importing.BATCH_SIZE", 1)
    monkeypatch.setattr("archive.importing.stored_content", lambda hashes: set())
    before = row_counts()

    with pytest.raises(CommandError, match="أعد تشغيل الأمر"):
        run(seed("001"), seed("003"), seed("000"))

    assert row_counts() == before


@pytest.mark.django_db(transaction=True)
def test_an_import_commits_batch_by_batch_and_tells_how_far_it_is(monkeypatch, tmp_path):
    """No transaction stays open between batches, so an editor's save waits for one batch at most."""
    monkeypatch.setattr("archive.importing.BATCH_SIZE", 2)
    path = tmp_path / "many.jsonl"
    path.write_text(
        "".join(jsonl({"body": f"نص المقال رقم {n} عن الجزائر."}) for n in range(5)), encoding="utf-8"
    )
    between_batches = []
    import_paths(
        [path], progress=lambda done, total: between_batches.append((done, connection.in_atomic_block))
    )
    assert between_batches == [(2, False), (4, False), (5, False)]
    assert Article.objects.filter(body__startswith="نص المقال رقم").count() == 5

    again = tmp_path / "more.jsonl"
    again.write_text("".join(jsonl({"body": f"نص آخر رقم {n}."}) for n in range(3)), encoding="utf-8")
    call_command("import_articles", str(again), stdout=io.StringIO())
    assert Article.objects.filter(body__startswith="نص آخر رقم").count() == 3
