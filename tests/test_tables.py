"""The events table: ACLED-like columns from story events, as CSV and Parquet."""

from __future__ import annotations

import csv
import io

import pytest

from newsdesk.report.export import (
    counted,
    event_kind,
    figure_label,
    figure_value,
    figure_verdict,
    main_event_evidence,
    main_event_line,
    number_text,
    story_main_event,
    told_events,
    when_words,
)
from newsdesk.report.tables import EVENT_COLUMNS, event_rows, events_csv, write_events_parquet

TEXT = "Artillery shelled Stepanakert on Tuesday, killing two civilians."


def _record(events: list[dict]) -> dict:
    return {
        "articles": [
            {"id": "a1", "source": "Caucasus Wire", "text": TEXT,
             "places": [{"name": "Stepanakert", "text": "Stepanakert", "lat": 39.82, "lon": 46.75}]},
            {"id": "a2", "source": "Blog", "text": TEXT, "places": []},
        ],
        "stories": [{"id": "s1", "article_ids": ["a1", "a2"], "events": events,
                     "timeline": [{"article_id": "a1", "when": "2023-09-19"}]}],
    }


EVENT = {
    "type": "ASSAULT", "mode": "heavy-weapons", "actor": "Azerbaijan", "recipient": None, "place": "Stepanakert",
    "when": None, "killed": 2, "injured": None, "modality": "asserted", "earliest": "a1",
    "mentions": [{"article_id": "a1", "span": [0, len(TEXT)]}, {"article_id": "a2", "span": [0, len(TEXT)]}],
    "num_mentions": 2, "num_articles": 2, "num_sources": 1,
}


def test_a_story_event_becomes_one_acled_like_row():
    (row,) = event_rows(_record([EVENT]))
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert (row["event_date"], row["location"], row["latitude"], row["longitude"]) == (
        "2023-09-19", "Stepanakert", 39.82, 46.75)
    assert (row["fatalities"], row["NumMentions"], row["NumArticles"], row["NumSources"]) == (2, 2, 2, 1)
    assert row["notes"] == TEXT
    assert row["source"] == "Blog; Caucasus Wire"
    assert (row["modality"], row["claimed_by"]) == ("asserted", None)


@pytest.mark.parametrize(
    ("when", "date"),
    [(None, "2023-09-19"), ("2023-09-18", "2023-09-18"), ("2023-09-18T06:00", "2023-09-18"), ("1994", "1994"),
     ("199X", None), ("WXX-2", None)],
)
def test_an_events_date_is_its_own_else_its_reports(when, date):
    (row,) = event_rows(_record([{**EVENT, "when": when}]))
    assert row["event_date"] == date


def test_who_claims_an_event_is_a_column():
    (row,) = event_rows(_record([{**EVENT, "modality": "claimed", "claimed_by": "the ministry"}]))
    assert (row["modality"], row["claimed_by"]) == ("claimed", "the ministry")


def _main(what: str, span: list[int], **kw) -> dict:
    return {"type": None, "mode": None, "actor": None, "recipient": None, "modality": "asserted", "claimed_by": None,
            "what": what, "span": span, "in_title": False, "place": None, "place_span": None,
            "place_in_title": False, "when": None, "when_span": None, "when_in_title": False} | kw


@pytest.mark.parametrize(
    ("main", "count"),
    [
        (_main("shelled Stepanakert", [10, 29], type="ASSAULT"), 1),  # a1's main event overlaps the row's mention
        (_main("shelled Stepanakert", [10, 29], type="PROTEST"), 0),  # another type: another event
        (_main("Shelling", [0, 8], type="ASSAULT", in_title=True), 0),  # a headline's: no row of the text
        (None, 0),
    ],
)
def test_the_row_of_an_articles_main_event_is_marked(main, count):
    record = _record([EVENT])
    record["articles"][0]["main_event"] = main
    (row,) = event_rows(record)
    assert row["main_event_articles"] == count


def test_a_main_event_in_one_line_with_its_evidence():
    main = _main("shelled  the\nport", [5, 22], type="ASSAULT", mode="heavy-weapons", actor="Rebels",
                 modality="claimed", claimed_by="officials", place="Batumi", when="2031-05-11")
    assert main_event_line(main) == (
        "Rebels — shelled the port (ASSAULT/heavy-weapons, claimed by officials) — Batumi — 2031-05-11")
    assert main_event_evidence(main) == "text 5–22"
    bare = _main("changes the shape of its bars", [0, 29], in_title=True)
    assert main_event_line(bare) == "? — changes the shape of its bars — ? — ?"
    assert main_event_evidence(bare) == "title 0–29"


def test_a_storys_main_event_is_the_one_most_of_its_articles_agree_on():
    mains = [
        _main("shelled the port", [0, 16], type="ASSAULT", article_id="a1"),
        _main("met the envoy", [0, 13], type="CONSULT", article_id="a2"),
        _main("shelled Batumi", [0, 14], type="ASSAULT", article_id="a3"),
        _main("Changes the shape", [0, 17], article_id="a4"),
    ]
    found = story_main_event(mains, 5)
    assert (found["article_id"], found["num_articles"]) == ("a1", 2)
    # events of no type agree by their words
    words = [_main("changes the shape", [0, 17], article_id="a5"), mains[3]]
    assert story_main_event([mains[1], *words], 3)["article_id"] == "a5"
    assert story_main_event(mains[:2], 2) is None  # no two agree
    assert story_main_event(mains[:1], 1)["article_id"] == "a1"  # a story of one article


def test_a_copy_agrees_with_its_originals_main_event_however_it_is_coded():
    """A rewrite's "agree a two-month truce" (AGREE) retells its original's "sign a 60-day
    ceasefire" (RETREAT): one event told twice, not two events told once."""
    signed = _main("sign 60-day ceasefire", [0, 21], type="RETREAT", article_id="a1")
    agreed = _main("agree two-month truce", [0, 21], type="AGREE", article_id="a2")
    talks = _main("open talks", [0, 10], type="CONSULT", article_id="a3")
    assert story_main_event([talks, signed, agreed], 3) is None
    found = story_main_event([talks, signed, agreed], 3, {"a2": "a1"})
    assert (found["type"], found["num_articles"]) == ("RETREAT", 2)


def test_a_storys_main_event_is_told_as_its_most_complete_report_tells_it():
    bare = _main("began an offensive", [0, 18], type="ASSAULT", actor="Azerbaijan", when="P0D", article_id="a1")
    dated = _main("began an offensive", [0, 18], type="ASSAULT", actor="Azerbaijan", when="2031-05-11",
                  article_id="a2")
    placed = _main("shelled the town", [0, 16], type="ASSAULT", actor="Azerbaijan", when="2031-05-11",
                   place="Stepanakert", modality="asserted", article_id="a3")
    assert story_main_event([bare, dated], 2)["article_id"] == "a2"  # a date beats 'the day of the report'
    assert story_main_event([bare, dated, placed], 3)["article_id"] == "a3"
    assert story_main_event([dated, {**dated, "article_id": "a4"}], 2)["article_id"] == "a2"  # equals: the first


def test_csv_has_the_columns_in_order():
    rows = list(csv.reader(io.StringIO(events_csv(_record([EVENT])))))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert len(rows) == 2


@pytest.mark.parametrize("events", [[EVENT], []])
def test_parquet_round_trips(tmp_path, events):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    write_events_parquet(_record(events), path)
    table = pq.read_table(path)
    assert tuple(table.column_names) == EVENT_COLUMNS
    assert table.num_rows == len(events)


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        ({"type": "ASSAULT", "mode": "drone", "modality": "asserted"}, "ASSAULT/drone"),
        ({"type": "ASSAULT", "mode": None, "modality": "claimed", "claimed_by": "the ministry"},
         "ASSAULT (claimed by the ministry)"),
        ({"type": "ASSAULT", "modality": "claimed", "claimed_by": None}, "ASSAULT (claimed)"),
        ({"type": "PROTEST", "mode": "demo", "modality": "denied", "claimed_by": "X"}, "PROTEST/demo (denied)"),
        ({"type": "ASSAULT", "mode": "aerial", "modality": "claimed", "claimed_by": "residents", "disputed": True},
         "ASSAULT/aerial (claimed by residents; disputed)"),
        ({"type": "ASSAULT", "modality": "asserted", "disputed": True}, "ASSAULT (disputed)"),
    ],
)
def test_every_view_writes_an_event_kind_alike(event, expected):
    assert event_kind(event) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (27.0, "27"),
        (1960.0, "1,960"),
        (120000.0, "120,000"),
        (5_900_000.0, "5.9 million"),
        (6_500_000_000.0, "6.5 billion"),
        (12_345_678.0, "12,345,678"),  # no scale word where it would round
        (16.057, "16.057"),
        (0.5, "0.5"),
        (-2_000_000.0, "-2 million"),
    ],
)
def test_a_number_is_written_as_a_reader_writes_it(value, expected):
    assert number_text(value) == expected


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        ({"value": 6.5e9, "unit": "$", "approximate": False}, "$6.5 billion"),
        ({"value": 2000.0, "unit": None, "approximate": True}, "~2,000"),
        ({"value": 60.0, "unit": "km"}, "60 km"),
        ({"value": 5.0, "unit": "year"}, "5 years"),
        ({"value": 1.0, "unit": "day"}, "1 day"),
        ({"value": 16.057, "unit": "percent"}, "16.057%"),
        ({"value": 3.0, "unit": "%"}, "3%"),
        ({"value": 12.0, "unit": None, "approximate": False, "qualifier": "at least"}, "at least 12"),
        ({"value": 2000.0, "unit": None, "approximate": True, "qualifier": "at least"}, "at least 2,000"),  # thousands
        ({"value": 90.0, "unit": "km", "approximate": True, "qualifier": "nearly"}, "nearly 90 km"),
        ({"value": 2000.0, "unit": None, "approximate": True, "qualifier": "about"}, "~2,000"),
    ],
)
def test_every_view_writes_a_figure_value_alike(figure, expected):
    assert figure_value(figure) == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"status": "agree", "because": None, "subject": None}, "agree"),
        ({"status": "progression", "because": [0, 1]}, "progression: 2 → at least 200"),
        ({"status": "conflict", "because": [0, 1]}, "conflict: 2 vs at least 200"),
    ],
)
def test_a_verdict_shows_the_two_values_that_decide_it(row, expected):
    row["values"] = [{"value": 2.0}, {"value": 200.0, "qualifier": "at least"}]
    assert figure_verdict(row) == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"quantity": "killed"}, "killed"),
        ({"quantity": "killed", "subject": "police officers", "incident": "explosion"},
         "killed (police officers) in an explosion"),
        ({"quantity": "injured", "incident": "crash"}, "injured in a crash"),
    ],
)
def test_a_figures_row_says_what_it_counts(row, expected):
    assert figure_label(row) == expected


def test_views_list_the_story_events_that_say_who_where_when_or_how_many():
    bare = {"actor": None, "recipient": None, "place": None, "when": None, "killed": None}
    events = [bare, {**bare, "actor": "rebels"}, {**bare, "killed": 0}, {**bare, "when": "2024-03-04"}, bare]
    assert told_events(events) == (events[1:4], 2)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-20", "2023-09-20"),  # a date is read as it is
        ("WXX-4", "Thursday"),
        ("WXX-2<", "last Tuesday"),
        ("WXX-5>", "next Friday"),
        ("P0D", "the day of the report"),
        ("P-1D", "the day before the report"),
        ("P+2W", "2 weeks after the report"),
        ("P1D", "P1D"),  # a duration ("daily"), not an offset
        ("XXXX-11-02", "2 November"),  # a day named without its year
        ("XXXX-03<", "March"),
        ("PAST_REF", "in the past"),  # TimeML's vague times ("recently", "in the coming months")
        ("FUTURE_REF", "in the future"),
        ("PRESENT_REF", "at the time of the report"),
        (None, None),
    ],
)
def test_an_undated_reports_times_are_written_in_words(value, expected):
    assert when_words(value) == expected


@pytest.mark.parametrize(
    ("n", "word", "plural", "expected"),
    [(1, "article", None, "1 article"), (2, "article", None, "2 articles"), (0, "article", None, "0 articles"),
     (1, "story", "stories", "1 story"), (3, "story", "stories", "3 stories")],
)
def test_counts_agree_with_their_noun(n, word, plural, expected):
    assert counted(n, word, plural) == expected
