"""A story told over three days through the real pipeline (spaCy; slow): an invented ferry
capsizing (tests/data/ferry_story.jsonl, written for this test), whose toll rises from 23
to 58, one outlet's early 230 dead withdrawn by its own correction the next day, and an
unrelated ferry fire elsewhere that stays a story of its own. What a fact-checker reads
in the record: one story, its figures' verdicts, its summary's first sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.pipeline import ingest
from newsdesk.read import read_inputs
from newsdesk.report.documents import story_html
from newsdesk.report.export import export_record

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data" / "ferry_story.jsonl"


@pytest.fixture(scope="module")
def ferry(tmp_path_factory, nlp) -> dict:
    """The capsizing's story record, with the data's slugs by article title."""
    from newsdesk.store import open_store

    store = open_store(tmp_path_factory.mktemp("ferry") / "test.db")
    assert ingest(read_inputs([str(DATA)]), store).ok
    with store.read() as tx:
        whole = export_record(tx)
        [record] = [r for r in whole["stories"] if len(r["article_ids"]) > 1]
        page = story_html(export_record(tx, story_id=record["id"]))
    store.close()
    slugs = {json.loads(line)["title"]: json.loads(line)["id"] for line in DATA.read_text().splitlines()}
    records = whole["stories"]
    record["html"] = page
    record["slugs"] = {a["id"]: slugs[a["title"]] for a in whole["articles"]}
    record["num_stories"] = len(records)
    return record


def test_the_capsizing_is_one_story_the_fire_elsewhere_another(ferry):
    assert ferry["num_stories"] == 2 and len(ferry["article_ids"]) == 5


def test_the_toll_rises_and_the_withdrawn_230_is_shown_corrected(ferry):
    [killed] = [r for r in ferry["figures"] if r["quantity"] == "killed" and not r["subject"]]
    slug = ferry["slugs"]
    corrected = [(slug[v["article_id"]], slug[v["corrected_by"]]) for v in killed["values"] if v["corrected_by"]]
    assert corrected == [("ferry-echo-0310", "ferry-echo-0311-corr")]
    for v in killed["values"]:  # the page says which report withdrew it
        if v["corrected_by"]:
            assert f'corrected by <a href="#a-{v["corrected_by"]}">{v["corrected_by"][:8]}</a>' in ferry["html"]
    first, last = (killed["values"][i]["value"] for i in killed["because"])
    assert (killed["status"], first, last) == ("progression", 23, 58)


def test_the_summary_opens_with_the_capsizing_and_leaves_the_withdrawn_toll_out(ferry):
    texts = [s["text"] for s in ferry["summary"]]
    assert texts[0].startswith("An overloaded ferry capsized") and not any("230" in t for t in texts)
    assert ferry["main_event"] is None or "toll" not in (ferry["main_event"]["actor"] or "")
