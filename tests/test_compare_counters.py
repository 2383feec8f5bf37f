"""A story's dossier read as an analyst reads it, on hand-built analyses: whose counts
disagree (officials against independent counters), which rows are one, which events one,
which speakers one."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdesk.corpus.compare import build_dossier
from newsdesk.corpus.verdicts import counter_kind
from newsdesk.model import Analysis, Article, Entity, Event, Figure, Quote


def _analysis(aid, *, published, figures=(), text="x", **kw):
    return Analysis(article=Article(id=aid, text=text, published=published, source=aid),
                    figures=tuple(Figure(aid, (0, 1), q, v, **f) for q, v, f in figures), **kw)


def _rows(*analyses):
    return build_dossier(list(analyses), [])["figures"]


@pytest.mark.parametrize(("reporter", "kind"), [
    ("the army", "official"), ("Police", "official"), ("the Ministry of Human Rights", "official"),
    ("a rights group", "independent"), ("The Chadian League", "independent"), ("Organisers", "independent"),
    ("the Syrian Observatory", "independent"), ("Stepanyan", None), ("the ombudsman", None), (None, None),
])
def test_who_counts(reporter, kind):
    assert counter_kind(reporter) == kind


def test_an_independent_count_a_day_after_the_armys_is_a_conflict_not_a_rise():
    """The army's 14 dead on Monday, a rights group's "at least 31" on Tuesday: two sides
    of one toll, the reader sees both; the army's own later 20 beside the group's 20 is the
    toll's rise."""
    army = _analysis("a", published="2025-06-02", figures=[("killed", 14, {"reported_by": "the army"})])
    league = _analysis("b", published="2025-06-03",
                       figures=[("killed", 31, {"reported_by": "a rights group", "qualifier": "at least"})])
    (row,) = _rows(army, league)
    assert (row["status"], [row["values"][i]["value"] for i in row["because"]]) == ("conflict", [14, 31])
    both = _analysis("c", published="2025-06-03", figures=[("killed", 20, {"reported_by": "the army"}),
                                                            ("killed", 20, {"reported_by": "a rights group"})])
    (row,) = _rows(army, both)
    assert row["status"] == "progression"


def test_a_rise_told_by_officials_alone_stays_a_progression():
    day1 = _analysis("a", published="2025-06-02", figures=[("killed", 14, {"reported_by": "the army"})])
    day2 = _analysis("b", published="2025-06-03", figures=[("killed", 31, {"reported_by": "officials"})])
    assert [r["status"] for r in _rows(day1, day2)] == ["progression"]


def test_the_deciding_pair_of_a_crowd_is_the_police_count_and_the_organisers():
    """An unattributed "tens of thousands" first, then the organisers' 120,000 and the
    police's 18,000: the pair a reader must see is the two counters'."""
    wire = _analysis("a", published="2025-09-13", figures=[
        ("protesters", 20000, {"qualifier": "at least", "approximate": True}),
        ("protesters", 120000, {"reported_by": "Organisers"}),
        ("protesters", 18000, {"reported_by": "Police"})])
    (row,) = _rows(wire)
    assert (row["status"], [row["values"][i]["value"] for i in row["because"]]) == ("conflict", [120000, 18000])


def test_the_missing_of_a_story_are_one_row_whatever_its_reports_call_them():
    """The army's "11 bus passengers" missing and a paper's "Eleven missing passengers"
    the next day are one count; the dead civilians and the dead soldiers stay two."""
    army = _analysis("a", published="2025-06-02", figures=[("missing", 11, {"subject": "bus passengers"}),
                                                           ("killed", 3, {"subject": "soldiers"})])
    paper = _analysis("b", published="2025-06-03", figures=[("missing", 11, {}), ("killed", 14, {})])
    rows = {(r["quantity"], r["subject"]): r["status"] for r in _rows(army, paper)}
    assert rows == {("missing", None): "agree", ("killed", None): "single", ("killed", "soldiers"): "single"}


def _events(aid, text, published, *events):
    return _analysis(aid, published=published, text=text,
                     events=tuple(Event(aid, (text.index(w), text.index(w) + len(w)), t, **kw) for w, t, kw in events))


@pytest.mark.parametrize("reported", [True, False])
def test_a_denial_of_an_attack_joins_its_row_with_the_rejection_around_it(reported):
    """The army says the FCC attacked the village of Ndjala; the FCC "denied attacking the
    village": one row, disputed, where the rejection around the denied act is a mention of
    the denial, no row of its own. A denial no one contradicts is one row, undisputed."""
    army = _events("a", "The FCC attacked the village of Ndjala.", "2025-06-02", (
        "attacked the village of Ndjala", "ASSAULT",
        {"actor": "Front for Change", "recipient": "village of Ndjala", "place": "Ndjala", "modality": "claimed"}))
    denial = _events("b", "The FCC denied attacking the village.", "2025-06-03",
                     ("denied attacking the village", "REJECT", {"actor": "Front for Change", "recipient": "village"}),
                     ("attacking the village", "ASSAULT",
                      {"actor": "Front for Change", "recipient": "village", "modality": "denied"}))
    rows = build_dossier([denial, army] if reported else [denial], [])["events"]
    assert [(r["type"], r["place"], r["disputed"], r["num_mentions"]) for r in rows] == [
        ("ASSAULT", "Ndjala" if reported else None, reported, 3 if reported else 2)]


def test_speakers_one_story_names_two_ways_are_one():
    """"Police" and "The police"; "Governor Peter Kamau" and, in another report, "the
    governor"; "The Chadian League" and "The league": three speakers, not six."""
    kamau = Entity("person:peter-kamau", "Peter Kamau", "PERSON", description="Governor")
    wire = replace(_analysis("a", published="2025-09-13", text="a" * 99), entities=(kamau,), quotes=(
        Quote("a", (0, 9), "We hear.", "direct", "Peter Kamau", "person:peter-kamau"),
        Quote("a", (10, 19), "It was calm.", "direct", "Police"),
        Quote("a", (20, 29), "31 were killed.", "indirect", "The Chadian League")))
    paper = replace(_analysis("b", published="2025-09-13", text="b" * 99), quotes=(
        Quote("b", (0, 9), "We will listen.", "direct", "The governor"),
        Quote("b", (10, 19), "Most were peaceful.", "direct", "The police"),
        Quote("b", (20, 29), "We counted graves.", "indirect", "The league")))
    speakers = build_dossier([paper, wire], [])["quotes"]
    assert sorted((s["speaker"], s["speaker_entity_id"], len(s["quotes"])) for s in speakers) == [
        ("Peter Kamau", "person:peter-kamau", 2), ("The Chadian League", None, 2), ("The police", None, 2)]
