"""The compact postings read back exactly what Whoosh's own codec reads, in a third of the space."""

from __future__ import annotations

import random

import pytest
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Positions

from search.postings import CompactCodec, CompactPositions

WORDS = [f"w{number}" for number in range(400)]


def schema(positions_format) -> Schema:
    """Each kind of posting the archive writes: frequencies, positions, none (an ID), and boosted weights."""
    fields = Schema(
        key=ID(stored=True, unique=True),
        counted=TEXT(phrase=False),
        placed=TEXT(phrase=False),
        boosted=TEXT(phrase=False, field_boost=1.5),
    )
    fields["placed"].format = positions_format
    return fields


def documents(count: int, seed: int = 7) -> list[dict[str, str]]:
    """Texts whose common words fill many blocks, with rare words, repeats, and one very long text."""
    rng = random.Random(seed)
    texts = [" ".join(rng.choices(WORDS[: rng.randint(5, 400)], k=rng.randint(1, 60))) for _ in range(count)]
    texts[3] = " ".join(["w1"] * 3 + ["w0"] * 70_000 + ["w1"])  # gaps past what two bytes hold
    return [
        {"key": str(number), "counted": text, "placed": text, "boosted": text}
        for number, text in enumerate(texts)
    ]


def written(path, codec, positions_format, batches: list[list[dict[str, str]]]):
    index = FileStorage(str(path)).create().create_index(schema(positions_format))
    for batch in batches:
        with index.writer(codec=codec) as writer:
            for document in batch:
                writer.add_document(**document)
    return index


def postings(index) -> dict[tuple[str, bytes], list[tuple]]:
    """Every posting of the index: its document, weight and positions, by field and term."""
    found = {}
    with index.reader() as reader:
        for field, term in reader.all_terms():
            matcher = reader.postings(field, term)
            rows = []
            while matcher.is_active():
                positions = tuple(matcher.value_as("positions")) if field == "placed" else None
                rows.append((matcher.id(), matcher.weight(), positions))
                matcher.next()
            found[field, term] = rows
    return found


def postings_size(index) -> int:
    """The bytes of the postings files, inside each segment's compound file."""
    size = 0
    for name in index.storage.list():
        if name.endswith(".seg"):
            segment = CompoundStorage(index.storage.open_file(name), use_mmap=False)
            size += sum(
                entry["length"] for part, entry in segment._dir.items() if part.endswith(W3Codec.POSTS_EXT)
            )
            segment.close()
    return size


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, str]]:
    return documents(1500)


def test_every_posting_reads_back_as_whoosh_own_codec_wrote_it(tmp_path, corpus):
    whoosh = written(tmp_path / "whoosh", W3Codec(), Positions(), [corpus])
    compact = written(tmp_path / "compact", CompactCodec(), CompactPositions(), [corpus])
    expected, got = postings(whoosh), postings(compact)
    assert got == expected
    assert any(len(rows) > 128 for rows in got.values())  # terms spanning several blocks
    assert any(weight % 1 for rows in got.values() for _, weight, _ in rows)  # weights that are not counts


def test_the_postings_take_under_half_the_space_whoosh_own_codec_takes(tmp_path, corpus):
    ordinary = corpus[:3] + corpus[4:]  # without the one long text, as an archive's documents are
    whoosh = written(tmp_path / "whoosh", W3Codec(), Positions(), [ordinary])
    compact = written(tmp_path / "compact", CompactCodec(), CompactPositions(), [ordinary])
    assert postings_size(compact) < postings_size(whoosh) / 2


def test_a_segment_whoosh_own_codec_wrote_stays_readable_and_merges_into_compact_postings(tmp_path, corpus):
    """An index written before the codec changed is read, and a merge writes its postings anew."""
    mixed = FileStorage(str(tmp_path / "mixed")).create().create_index(schema(CompactPositions()))
    with mixed.writer(codec=W3Codec()) as writer:
        for document in corpus[:700]:
            writer.add_document(**document)
    with mixed.writer(codec=CompactCodec()) as writer:
        for document in corpus[700:]:
            writer.add_document(**document)
    alone = written(tmp_path / "alone", CompactCodec(), CompactPositions(), [corpus])
    assert postings(mixed) == postings(alone)

    writer = mixed.writer(codec=CompactCodec())
    writer.delete_by_term("key", "5")
    writer.commit(optimize=True)
    assert {type(segment.codec()) for segment in mixed._segments()} == {CompactCodec}
    without = written(tmp_path / "without", CompactCodec(), CompactPositions(), [corpus[:5] + corpus[6:]])
    assert postings(mixed) == postings(without)


@pytest.mark.parametrize(
    "positions",
    [[0], [5], [0, 1, 2], [3, 300, 301, 70_000, 70_001], list(range(0, 5000, 7))],
)
def test_positions_read_back_with_their_count(positions):
    encoded = CompactPositions().encode(positions)
    assert CompactPositions().decode_positions(encoded) == positions
    assert CompactPositions().decode_frequency(encoded) == len(positions)
