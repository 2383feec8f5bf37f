"""The events table: ACLED-like columns from story events, as CSV and Parquet."""

from __future__ import annotations

import csv
import io

import pytest

from newsdesk.report.export import event_kind, figure_value, number_text
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


def test_who_claims_an_event_is_a_column():
    (row,) = event_rows(_record([{**EVENT, "modality": "claimed", "claimed_by": "the ministry"}]))
    assert (row["modality"], row["claimed_by"]) == ("claimed", "the ministry")


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
    ],
)
def test_every_view_writes_a_figure_value_alike(figure, expected):
    assert figure_value(figure) == expected
