"""A story of three short reports through the real pipeline (spaCy; slow), written for
this test (tests/data/release_story.jsonl): one report says two engineers were freed "in
Mali", another "near Djenné", a third recalls it near Djenné and tells of an earlier
release in Gao. The country holds the town, so the release is one row at Djenné; the
release in another town of Mali stays a row of its own (issues 6 and 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.pipeline import ingest
from newsdesk.read import read_inputs
from newsdesk.report.export import export_record

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data" / "release_story.jsonl"


@pytest.fixture(scope="module")
def release(tmp_path_factory, nlp) -> dict:
    from newsdesk.store import open_store

    store = open_store(tmp_path_factory.mktemp("release") / "test.db")
    assert ingest(read_inputs([str(DATA)]), store).ok
    with store.read() as tx:
        whole = export_record(tx)
    store.close()
    [record] = whole["stories"]
    return record


def test_a_release_in_mali_and_near_djenne_is_one_row_at_djenne(release):
    rows = [e for e in release["events"] if e["mode"] == "release"]
    assert sorted((e["place"], e["when"], e["num_articles"]) for e in rows) == [
        ("Djenné", "2031-05-09", 3), ("Gao", "2031-05-02", 1)]
