"""Flat tables for analysts: one row per story event, with ACLED- and GDELT-like columns.

Rows come from the stories' dossiers (merged events, so a wire story run by twenty
outlets is one row with NumArticles 20 and NumSources 1), written as CSV or Parquet.

Columns follow ACLED's names where the meaning is the same (``event_date``,
``event_type``, ``sub_event_type``, ``actor1``, ``actor2``, ``location``, ``latitude``,
``longitude``, ``fatalities``, ``source``, ``notes``) and GDELT's for mention counts
(``NumMentions``, ``NumSources``, ``NumArticles``); the PLOVER coding and the evidence
(article id and span) follow. ``main_event_articles`` counts the articles whose main event
(facts/main.py) the row is: a mention of it in the article's text overlaps the main
event's words and has its type (a main event read from a headline has no row: story
events come from the text).
"""

from __future__ import annotations

import re
from pathlib import Path

from newsdesk.facts.acled import to_acled
from newsdesk.model import Event
from newsdesk.report.export import CSV_COLUMNS, article_rows, rows_csv

EVENT_COLUMNS = (
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "latitude", "longitude",
    "fatalities", "injured", "source", "notes", "plover_type", "plover_mode", "modality", "claimed_by", "story_id",
    "article_id", "span_start", "span_end", "NumMentions", "NumSources", "NumArticles", "main_event_articles",
)

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")  # a year, a month or a day


def _event_date(event: dict, timeline: dict[str, str]) -> str | None:
    """The event's own date, to the day or coarser ("a war that ended in 1994": 1994);
    else, when the text gives it no time at all, the day its earliest report was written
    (if known). An event with a time that is no calendar date ("the 1990s", a weekday of
    an undated report) has none: the report's day would be wrong, not approximate."""
    when = event.get("when")
    if when:
        own = _ISO_DATE.match(when)
        return own.group() if own else None
    report = timeline.get(event.get("earliest") or "")
    return report[:10] if report and _ISO_DAY.match(report) else None


def _main_event_articles(event: dict, articles: dict[str, dict]) -> int:
    """How many articles have this story event as their main event (module docstring)."""
    found = set()
    for m in event.get("mentions", []):
        main = (articles.get(m["article_id"]) or {}).get("main_event")
        if main and not main["in_title"] and main["type"] == event["type"]:
            (start, end), (a, b) = m["span"], main["span"]
            if start < b and a < end:
                found.add(m["article_id"])
    return len(found)


def event_rows(record: dict) -> list[dict]:
    articles = {a["id"]: a for a in record["articles"]}
    rows = []
    for story in record["stories"]:
        timeline = {t["article_id"]: t["when"] for t in story.get("timeline", [])}
        places = {p["name"]: p for a in story["article_ids"] for p in articles[a]["places"] if p["lat"] is not None}
        for e in story["events"]:
            first = e["mentions"][0] if e.get("mentions") else {"article_id": e.get("earliest"), "span": [None, None]}
            article = articles.get(first["article_id"]) or {}
            start, end = first["span"]
            # ACLED's types depend on the PLOVER category and mode only; None outside its scope.
            acled = to_acled(Event(article_id="", span=(0, 0), type=e["type"], mode=e.get("mode")))
            event_type, sub_event_type = acled or (None, None)
            place = places.get(e.get("place") or "")
            outlets = sorted({articles[m["article_id"]]["source"] for m in e.get("mentions", [])
                              if articles.get(m["article_id"], {}).get("source")})
            rows.append(
                {
                    "event_date": _event_date(e, timeline),
                    "event_type": event_type,
                    "sub_event_type": sub_event_type,
                    "actor1": e.get("actor"),
                    "actor2": e.get("recipient"),
                    "location": e.get("place"),
                    "latitude": place["lat"] if place else None,
                    "longitude": place["lon"] if place else None,
                    "fatalities": e.get("killed"),
                    "injured": e.get("injured"),
                    "source": "; ".join(outlets) or None,
                    "notes": article.get("text", "")[start:end] if start is not None else None,
                    "plover_type": e["type"],
                    "plover_mode": e.get("mode"),
                    "modality": e.get("modality"),
                    "claimed_by": e.get("claimed_by"),
                    "story_id": story["id"],
                    "article_id": first["article_id"],
                    "span_start": start,
                    "span_end": end,
                    "NumMentions": e.get("num_mentions"),
                    "NumSources": e.get("num_sources"),
                    "NumArticles": e.get("num_articles"),
                    "main_event_articles": _main_event_articles(e, articles),
                }
            )
    return rows


def events_csv(record: dict) -> str:
    return rows_csv(event_rows(record), EVENT_COLUMNS)


def write_events_parquet(record: dict, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = event_rows(record)
    table = pa.Table.from_pylist(rows, schema=_arrow_schema(pa)) if rows else _arrow_schema(pa).empty_table()
    pq.write_table(table, path)


def write_articles_parquet(record: dict, path: Path) -> None:
    """The articles table (same columns as the CSV export) as Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    ints = {"words", "mentions", "quotes", "figures", "events", "flags", "removed"}
    schema = pa.schema([(c, pa.int64() if c in ints else pa.string()) for c in CSV_COLUMNS])
    pq.write_table(pa.Table.from_pylist(article_rows(record), schema=schema), path)


def _arrow_schema(pa):
    ints = {"fatalities", "injured", "span_start", "span_end", "NumMentions", "NumSources", "NumArticles",
            "main_event_articles"}
    floats = {"latitude", "longitude"}
    return pa.schema(
        [(c, pa.int64() if c in ints else pa.float64() if c in floats else pa.string()) for c in EVENT_COLUMNS]
    )
