"""Stories and relations through the real pipeline: the bundled examples and the seeds
(spaCy; slow)."""

from __future__ import annotations

import pytest

from newsdesk.corpus.sources import origins
from newsdesk.corpus.verdicts import figure_source, judge
from newsdesk.examples import ARTICLES, FIGURES, RELATIONS, example_paths, load_examples
from newsdesk.model import Figure
from newsdesk.pipeline import ingest
from newsdesk.read import read_inputs
from newsdesk.report.export import export_record

pytestmark = pytest.mark.slow


def _slug_articles(store) -> dict[str, str]:
    """Example slug -> article id, through each article's sources (``articles.jsonl:N``)."""
    rows = load_examples()
    out = {}
    with store.read() as tx:
        for aid in tx.article_ids():
            for source in tx.sources(aid):
                line = int(source["origin"].rsplit(":", 1)[1])
                out[rows[line - 1]["id"]] = aid
    return out


def _slug_stories(store) -> dict[str, str]:
    with store.read() as tx:
        return {slug: tx.story_of(aid) for slug, aid in _slug_articles(store).items()}


def test_bundled_examples_form_their_intended_stories(store, nlp):
    report = ingest(read_inputs([str(p) for p in example_paths()]), store)
    assert report.ok
    got = _slug_stories(store)
    assert set(got) == set(ARTICLES)
    for slug, story in got.items():
        same = {other for other, s in got.items() if s == story}
        assert same == {other for other, ex in ARTICLES.items() if ex.story == ARTICLES[slug].story}, slug


def test_bundled_examples_show_each_relation_kind_in_the_right_direction(store, nlp):
    assert ingest(read_inputs([str(p) for p in example_paths()]), store).ok
    ids = _slug_articles(store)
    with store.read() as tx:
        found = {(r.kind, r.source, r.copy) for r in tx.relations()}
    for kind, source, copy in RELATIONS:
        if kind == "exact_copy":  # the same text: one article found at several places
            assert ids[source] == ids[copy]
        else:
            assert (kind, ids[source], ids[copy]) in found, (kind, source, copy)


def test_the_seeds_form_one_story(store, nlp, seeds):
    report = ingest(read_inputs([str(p) for p in seeds]), store)
    assert report.ok and report.new == 2
    with store.read() as tx:
        assert len({tx.story_of(a) for a in tx.article_ids()}) == 1


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory, nlp):
    from newsdesk.store import open_store

    s = open_store(tmp_path_factory.mktemp("examples") / "examples.db")
    assert ingest(read_inputs([str(p) for p in example_paths()]), s).ok
    yield s
    s.close()


@pytest.mark.parametrize(
    "truth",
    FIGURES,
    ids=lambda f: f.quantity,
)
def test_the_dossier_holds_each_intended_figure_at_its_day_with_its_verdict(examples_store, truth):
    """Each figure the examples were written to show is in its story's dossier, in one
    row with the others of its truth, at the day it holds as of; judged among themselves
    they give the intended verdict."""
    ids = _slug_articles(examples_store)
    with examples_store.read() as tx:
        story = tx.story_of(ids[truth.values[0][0]])
        [record] = export_record(tx, story_id=story)["stories"]
        analyses = {aid: tx.analysis(aid) for aid in tx.article_ids(story_id=story)}
        source_of = origins(analyses, tx.relations(list(analyses)))
    wanted = {(ids[slug], value): day for slug, value, day in truth.values}
    rows = [r for r in record["figures"] if all(
        any((v["article_id"], v["value"]) == key for v in r["values"]) for key in wanted)]
    assert rows, f"no dossier row holds all of {truth.values}"
    values = [v for v in rows[0]["values"] if (v["article_id"], v["value"]) in wanted]
    days = {(v["article_id"], v["value"]): v["day"] for v in values}
    # Each holds as of a day between the one the truth gives (when it was stated) and its
    # article's publication (by when it was known), and in the truth's order.
    known_by = {aid: (a.article.published or "9999-12-31")[:10] for aid, a in analyses.items()}  # undated: no bound
    assert all(wanted[key] <= days[key] <= known_by[key[0]] for key in wanted), (days, wanted)
    assert sorted(wanted, key=lambda k: (days[k], k[1])) == sorted(wanted, key=lambda k: (wanted[k], k[1]))
    figs = [(f, figure_source(f, source_of[v["article_id"]]), (0, v["day"]))
            for v in values for f in [_figure(analyses[v["article_id"]], v)]]
    assert judge(figs) == truth.verdict


def _figure(analysis, value: dict) -> Figure:
    return next(f for f in analysis.figures if list(f.span) == value["span"])


def _story_record(store, slug: str) -> tuple[dict, dict[str, str]]:
    ids = _slug_articles(store)
    with store.read() as tx:
        [record] = export_record(tx, story_id=tx.story_of(ids[slug]))["stories"]
    return record, ids


def test_a_strike_its_attacker_denies_is_one_disputed_story_event(examples_store):
    """The wire's residents say the army carried out the Kurdala strike; the next day's report
    says the army denied it: one story event, with the wire's place, day and toll, disputed."""
    record, ids = _story_record(examples_store, "kurdala-wire-0514")
    rows = [e for e in record["events"] if any(m["modality"] == "denied" for m in e["mentions"])]
    assert len(rows) == 1, rows
    [row] = rows
    told_by = {m["article_id"] for m in row["mentions"]}
    assert {ids["kurdala-wire-0514"], ids["kurdala-0515"]} <= told_by
    assert (row["type"], row["place"], row["when"], row["killed"], row["disputed"]) == (
        "ASSAULT", "Kurdala", "2024-05-14", 12, True)
    assert row["actor"].casefold().endswith("army")


def test_the_strikes_summary_tells_the_strike_first_then_the_call_for_an_inquiry(examples_store):
    record, ids = _story_record(examples_store, "kurdala-wire-0514")
    summary = record["summary"]
    assert summary[0]["article_id"] == ids["kurdala-wire-0514"] and "air strike" in summary[0]["text"]
    later = [s["text"] for s in summary if s["article_id"] == ids["kurdala-0517"]]
    assert any("inquiry" in text for text in later), summary


def test_a_roadside_bombs_toll_keeps_a_row_of_its_own(examples_store):
    record, ids = _story_record(examples_store, "kurdala-0515")
    rows = [r for r in record["figures"] if any(v["value"] == 3 for v in r["values"])]
    assert [(r["quantity"], r["incident"], r["status"], len(r["values"])) for r in rows] == [
        ("killed", "explosion", "single", 1)]


def test_the_strikes_main_event_names_who_the_residents_say_struck(examples_store):
    """The near copy's headline "Market bombed in ..." drops its "was": the market was
    bombed, it bombed no one; the wire's lead says who did it (residents tell it)."""
    record, _ = _story_record(examples_store, "kurdala-wire-0514")
    main = record["main_event"]
    assert (main["type"], main["actor"], main["num_articles"]) == ("ASSAULT", "army", 2)
