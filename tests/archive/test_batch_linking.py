"""archive.batch_linking: worker processes find what one process would, in the order it was asked."""

import pytest

from archive.batch_linking import CHUNK, ParallelFinder
from archive.linking import Gazetteer
from archive.linking_rules import EntityFacts

TEXTS = [
    f"استقبل الرئيس عبدالمجيد تبون في الجزائر وزيرا من ليبيا، في اللقاء رقم {n}."
    if n % 3
    else f"نص رقم {n} لا يذكر أحدا."
    for n in range(CHUNK * 2 + 7)
]

GAZETTEER = Gazetteer([(1, "عبد المجيد تبون"), (2, "الجزائر"), (3, "ليبيا")])


@pytest.mark.parametrize("processes", [1, 2])
def test_the_mentions_of_every_text_come_back_in_the_order_of_the_texts(processes):
    with ParallelFinder(GAZETTEER, processes=processes) as finder:
        first, second = finder.submit(TEXTS), finder.submit(TEXTS[:3])
        assert first.spans() == [GAZETTEER.find(text) for text in TEXTS]
        assert second.spans() == [GAZETTEER.find(text) for text in TEXTS[:3]]
    assert [len(spans) for spans in first.spans()[:3]] == [0, 3, 3]


def test_a_worker_that_fails_fails_the_batch_it_read():
    with ParallelFinder(GAZETTEER, processes=2) as finder:
        found = finder.submit(["نص سليم.", None])
        with pytest.raises(TypeError):
            found.spans()


def test_a_batch_suggests_no_known_spelling_the_linker_gives_to_another_body():
    gazetteer = Gazetteer(
        [(1, "ليبيا"), (2, "المجلس الرئاسي")],
        facts={1: EntityFacts.of("country", "ليبيا"), 2: EntityFacts.of("organization", "ليبيا")},
    )
    with ParallelFinder(gazetteer, processes=1) as finder:
        found = finder.submit(["واستقبل رئيس المجلس الرئاسي في اليمن وفدا أمميا."])
        assert (found.spans(), found.names()) == ([[]], [[]])
