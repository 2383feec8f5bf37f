"""The export contract: the record as plain JSON-able dicts (see docs/export.md).

``export_record(tx)`` builds the whole object; ``article_dict`` and ``story_dict`` build
its parts, which the JSONL and CSV writers and the HTTP API reuse. The JSON Schema in
``newsdesk/schema/export.schema.json`` is the contract; ``validate`` checks against it.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import re
from collections import defaultdict
from dataclasses import asdict
from functools import cache
from importlib import resources

from newsdesk.corpus.compare import agreeing, events_first, main_event_key, retold_keys
from newsdesk.errors import NotFound
from newsdesk.model import Analysis, MainEvent
from newsdesk.store import Tx

SCHEMA_VERSION = 1


def _span(span) -> list[int]:
    return [int(span[0]), int(span[1])]


def _span_or_none(span) -> list[int] | None:
    return _span(span) if span is not None else None


def main_event_dict(main: MainEvent | None) -> dict | None:
    """An article's main event in the contract's shape (docs/export.md)."""
    if main is None:
        return None
    return {
        "type": main.type,
        "mode": main.mode,
        "actor": main.actor,
        "recipient": main.recipient,
        "modality": main.modality,
        "claimed_by": main.claimed_by,
        "what": main.what,
        "span": _span(main.span),
        "in_title": main.in_title,
        "place": main.place,
        "place_span": _span_or_none(main.place_span),
        "place_in_title": main.place_in_title,
        "when": main.when,
        "when_span": _span_or_none(main.when_span),
        "when_in_title": main.when_in_title,
    }


def article_dict(analysis: Analysis, *, story_id: str | None, sources: list[dict]) -> dict:
    a = analysis.article
    return {
        "id": a.id,
        "url": a.url,
        "source": a.source,
        "title": a.title,
        "heading": a.heading,
        "published": a.published,
        "language": a.language,
        "text": a.text,
        "standfirst": a.standfirst,
        "byline": a.byline,
        "dateline": a.dateline,
        "outline": list(a.outline),
        "removed": [asdict(r) for r in a.removed],
        "flags": [{"kind": f.kind, "text": f.text, "span": _span(f.span)} for f in a.flags],
        "notes": list(analysis.notes),
        "story_id": story_id,
        "sources": [{k: s[k] for k in ("origin", "url", "source", "title", "published")} for s in sources],
        "mentions": [
            {"entity_id": m.entity_id, "text": m.text, "label": m.label, "span": _span(m.span)}
            for m in analysis.mentions
        ],
        "places": [
            {
                "text": p.text,
                "span": _span(p.span),
                "name": p.name,
                "lat": p.lat,
                "lon": p.lon,
                "country": p.country,
                "geonameid": p.geonameid,
                "precision": p.precision,
                "in_dateline": p.in_dateline,
            }
            for p in analysis.places
        ],
        "dates": [{"text": d.text, "span": _span(d.span), "value": d.value} for d in analysis.dates],
        "quotes": [
            {
                "speaker": q.speaker,
                "speaker_entity_id": q.speaker_entity_id,
                "text": q.text,
                "span": _span(q.span),
                "kind": q.kind,
            }
            for q in analysis.quotes
        ],
        "figures": [
            {
                "quantity": f.quantity,
                "value": f.value,
                "approximate": f.approximate,
                "qualifier": f.qualifier,
                "unit": f.unit,
                "subject": f.subject,
                "reported_by": f.reported_by,
                "as_of": f.as_of,
                "as_of_value": f.as_of_value,
                "high": f.high,
                "incident": f.incident,
                "increment": f.increment,
                "background": f.background,
                "span": _span(f.span),
            }
            for f in analysis.figures
        ],
        "events": [
            {
                "type": e.type,
                "mode": e.mode,
                "actor": e.actor,
                "recipient": e.recipient,
                "place": e.place,
                "when": e.when,
                "killed": e.killed,
                "injured": e.injured,
                "modality": e.modality,
                "claimed_by": e.claimed_by,
                "span": _span(e.span),
            }
            for e in analysis.events
        ],
        "main_event": main_event_dict(analysis.main_event),
    }


def story_dict(tx: Tx, row: dict, analyses: list[Analysis]) -> dict:
    """A story: its articles' facts gathered, plus the comparison stored in its dossier."""
    dossier = row.get("dossier") or {}
    entity_ids = sorted({m.entity_id for a in analyses for m in a.mentions})
    mention_count = defaultdict(int)
    for a in analyses:
        for m in a.mentions:
            mention_count[m.entity_id] += 1
    entities = sorted(tx.entities(entity_ids), key=lambda e: (-mention_count[e.id], e.id))
    meta = tx.story_meta([row["id"]]).get(row["id"], {})
    # Outlets include those of exact copies (one article found at several places).
    sources = meta.get("sources") or sorted({s for a in analyses for s in [a.article.source] if s})
    return {
        "id": row["id"],
        "title": row["title"],
        "article_ids": [a.article.id for a in analyses],
        "sources": sources,
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "lat": e.lat,
                "lon": e.lon,
                "mentions": mention_count[e.id],
            }
            for e in entities
        ],
        "independent_sources": dossier.get("independent_sources", len(sources)),
        "central_article": meta.get("central_article"),
        "key_entities": meta.get("key_entities", []),
        "main_event": story_main_event([main_event_dict(a.main_event) | {"article_id": a.article.id}
                                        for a in analyses if a.main_event is not None], len(analyses),
                                       {c["article_id"]: tree["original"] for tree in dossier.get("sources_tree", [])
                                        for c in tree["copies"]}),
        **{key: dossier.get(key, []) for key in ("events", "figures", "quotes", "summary", "timeline", "sources_tree")},
    }


def story_main_event(mains: list[dict], n_articles: int, original_of: dict[str, str] | None = None) -> dict | None:
    """The main event most of a story's articles agree on: the most common PLOVER type
    among their main events (for events of no type, the same words), as the article that
    reports it most completely tells it (``completeness``; ties to the first stored), with
    ``num_articles`` that agree; None unless at least two agree (or the story has one
    article). A report that leads with a count's change ("toll rises to 41") gives way to
    the others (``events_first``); a copy agrees with its original (``original_of``,
    ``retold_keys``)."""
    mains = events_first(mains, lambda main: main.get("actor"))
    keys = retold_keys({m["article_id"]: main_event_key(m["type"], m["what"]) for m in mains}, original_of or {})
    best = agreeing(mains, lambda main: keys[main["article_id"]], n_articles)
    return {**max(best, key=completeness), "num_articles": len(best)} if best else None


def completeness(main: dict) -> int:
    """How much of who-what-where-when a report of an event gives: one point each for the
    actor and the place, two for a calendar date (one for a time only relative to an
    undated report: 'the day of the report' tells a reader less), one for asserting it.
    max() keeps the first of equals, so agreeing reports fall back to the stored order."""
    when = main.get("when") or ""
    dated = 2 if _CALENDAR_DATE.match(when) else 1 if when else 0
    return bool(main.get("actor")) + bool(main.get("place")) + dated + (main.get("modality") == "asserted")


# The relative values of an undated article's times (nlp/dates: "WXX-2<" the last Tuesday,
# "P-1D" the day before publication) that a reader cannot read as they are.
_WEEKDAY_VALUE = re.compile(r"^WXX-([1-7])([<>]?)$")
_OFFSET_VALUE = re.compile(r"^P(?:([+-])(\d+)|(0))([DWMQY])$")  # a sign, or 0: "P1D" is a duration
_UNIT_WORDS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
# TimeML's vague values (nlp/dates/words.py), as a reader says them.
_VAGUE_WORDS = {"PAST_REF": "in the past", "FUTURE_REF": "in the future", "PRESENT_REF": "at the time of the report"}
_CALENDAR_DATE = re.compile(r"^\d{4}(?:-\d\d){0,2}$")  # "2023", "2023-09", "2023-09-19"
_YEARLESS_VALUE = re.compile(r"^XXXX-(\d\d)(?:-(\d\d))?[<>=]*$")  # "XXXX-11-02": 2 November, no year


def when_words(value: str | None) -> str | None:
    """A time as a reader says it: an undated report's 'WXX-2<' is 'last Tuesday', 'P-1D'
    'the day before the report', 'XXXX-11-02' '2 November', 'PAST_REF' 'in the past'; dates
    and other values stay as they are."""
    if not value:
        return value
    if value in _VAGUE_WORDS:
        return _VAGUE_WORDS[value]
    if m := _WEEKDAY_VALUE.match(value):
        day = calendar.day_name[int(m[1]) - 1]
        return {"<": f"last {day}", ">": f"next {day}"}.get(m[2], day)
    if m := _OFFSET_VALUE.match(value):
        unit = _UNIT_WORDS[m[4]]
        if m[3]:
            return f"the {unit} of the report"
        n = int(m[2])
        count = f"the {unit}" if n == 1 else f"{n} {unit}s"
        return f"{count} {'after' if m[1] == '+' else 'before'} the report"
    if (m := _YEARLESS_VALUE.match(value)) and 1 <= int(m[1]) <= 12:
        month = calendar.month_name[int(m[1])]
        return f"{int(m[2])} {month}" if m[2] else month
    return value


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """'1 article', '2 articles', '0 stories' (``plural`` where it is not singular + 's')."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def main_event_line(main: dict) -> str:
    """'who — what — where — when': an article's or a story's main event in one line, as
    every view writes it ('?' for what the text does not say); the PLOVER kind and how
    the text reports it follow the words ('shelled the port (ASSAULT, claimed by X)')."""
    kind = (main["type"] + (f"/{main['mode']}" if main.get("mode") else "")) if main.get("type") else ""
    kind = ", ".join(part for part in (kind, reported_as(main)) if part)
    what = " ".join(main["what"].split()) + (f" ({kind})" if kind else "")
    when = when_words(main.get("when"))
    return " — ".join(part or "?" for part in (main.get("actor"), what, main.get("place"), when))


def main_event_evidence(main: dict) -> str:
    """Where the main event's words are: 'title 0–25' or 'text 120–160' (docs/export.md)."""
    start, end = main["span"]
    return f"{'title' if main.get('in_title') else 'text'} {start}–{end}"


def _story_analyses(tx: Tx, story_id: str) -> list[Analysis]:
    return [tx.analysis(i) for i in tx.article_ids(story_id=story_id)]


def export_record(tx: Tx, *, story_id: str | None = None) -> dict:
    """The whole record, or one story's part of it."""
    if story_id is not None:
        row = tx.story_row(story_id)
        if row is None:
            raise NotFound(f"no story whose id is or uniquely starts with {story_id!r}; `newsdesk stories` lists them")
        story_rows = [row]
    else:
        story_rows = [tx.story_row(i) for i in tx.story_ids()]
    members = {r["id"]: tx.article_ids(story_id=r["id"]) for r in story_rows}
    story_of = {i: s for s, ids in members.items() for i in ids}
    article_ids = list(story_of)
    if story_id is None:  # articles not (yet) in a story are part of the record too
        article_ids += [i for i in tx.article_ids() if i not in story_of]
    analyses = {i: tx.analysis(i) for i in article_ids}
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [
            article_dict(analyses[i], story_id=story_of.get(i), sources=tx.sources(i)) for i in article_ids
        ],
        "relations": [
            {"kind": r.kind, "source": r.source, "copy": r.copy, "score": r.score} for r in tx.relations(article_ids)
        ],
        "stories": [story_dict(tx, r, [analyses[i] for i in members[r["id"]]]) for r in story_rows],
    }


def export_article(tx: Tx, article_id: str) -> dict:
    """One article (its id or a unique prefix of it) in the contract's shape, with the
    relations it takes part in."""
    given = article_id
    article_id = tx.full_article_id(given)
    analysis = tx.analysis(article_id) if article_id is not None else None
    if analysis is None:
        raise NotFound(f"no article whose id is or uniquely starts with {given!r}")
    out = article_dict(analysis, story_id=tx.story_of(article_id), sources=tx.sources(article_id))
    out["relations"] = [
        {"kind": r.kind, "source": r.source, "copy": r.copy, "score": r.score,
         "evidence": [[list(a), list(b)] for a, b in r.evidence]}
        for r in tx.relations([article_id])
    ]
    return out


CSV_COLUMNS = ("id", "story_id", "title", "source", "url", "published", "language", "words", "mentions", "quotes",
               "figures", "events", "flags", "removed")


def article_rows(record: dict) -> list[dict]:
    """One row per article: its metadata and how many facts it holds."""
    return [
        {
            **{k: a[k] for k in ("id", "story_id", "title", "source", "url", "published", "language")},
            "words": len(a["text"].split()),
            **{k: len(a[k]) for k in ("mentions", "quotes", "figures", "events", "flags", "removed")},
        }
        for a in record["articles"]
    ]


def told_events(events: list[dict]) -> tuple[list[dict], int]:
    """The story events a view lists, those that say who, to whom, where, when or how many
    died, and how many others it leaves out: "an attack" alone, or "a ceasefire" with no
    one named, tells a reader of the story nothing its other rows do not (the export keeps
    them all, with their evidence)."""
    told = [e for e in events if any(e.get(f) is not None for f in ("actor", "recipient", "place", "when", "killed"))]
    return told, len(events) - len(told)


def event_kind(event: dict) -> str:
    """'ASSAULT/drone (claimed by the ministry; disputed)': type, mode and how the text reports
    it, and whether a report denies it, as every view of a story's events writes it."""
    kind = event["type"] + (f"/{event['mode']}" if event.get("mode") else "")
    reported = "; ".join(filter(None, (reported_as(event), "disputed" if event.get("disputed") else "")))
    return f"{kind} ({reported})" if reported else kind


def reported_as(event: dict) -> str:
    """How the text reports an event other than asserting it: 'claimed by the ministry',
    'denied', 'future'; '' for an asserted one."""
    modality = event.get("modality")
    if not modality or modality == "asserted":
        return ""
    by = f" by {event['claimed_by']}" if modality == "claimed" and event.get("claimed_by") else ""
    return modality + by


# Scale words for large round values ("$6.5 billion", not "6.5e+09 $"), as news writes them.
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
# Units written before the number, and unit words that take no plural "s".
_PREFIX_UNITS = frozenset({"$", "€", "£"})
_INVARIANT_UNITS = frozenset({"km", "m", "mi", "ft", "kg", "yuan", "feet"})


def number_text(value: float) -> str:
    """A figure's value as a reader writes it: '1,960', '6.5 million', '16.057'.

    A value of a million or more takes a scale word when two decimals of it say it all
    exactly (5,900,000 is '5.9 million'; 12,345,678 keeps its digits)."""
    if value != int(value):
        return f"{value:,.3f}".rstrip("0").rstrip(".")
    n = int(value)
    for scale, word in _SCALES:
        if abs(n) >= scale and (n * 100) % scale == 0:
            return f"{n / scale:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{n:,}"


# Bounds a reader must see beside the number ("at least 12" is no "12"); "about" and a
# range are shown by "~", as the export's ``approximate`` says.
_BOUNDS = ("at least", "more than", "up to", "less than", "nearly")


def corrected_note(value: dict) -> str:
    """', corrected by 34f28c41': a value its outlet's later correction withdrew."""
    return f", corrected by {value['corrected_by'][:8]}" if value.get("corrected_by") else ""


def figure_label(row: dict) -> str:
    """'killed (police officers) in an explosion', 'killed since 2017', 'infected, new on
    2026-03-03': what a story's figures row counts."""
    label = row["quantity"] + (f" ({row['subject']})" if row.get("subject") else "")
    if incident := row.get("incident"):
        label += f" in {'an' if incident[0] in 'aeiou' else 'a'} {incident}"
    if since := row.get("since"):
        label += f" since {since}"
    if new_on := row.get("new_on"):
        label += f", new on {new_on}" if new_on[:1].isdigit() else ", new (undated report)"
    return label


def figure_verdict(row: dict) -> str:
    """'conflict: more than 5,300 vs 18,000–20,000', 'progression: 2 → at least 200': a story's
    figures row's verdict with the two values that decide it (``because``), where it has them."""
    if not row.get("because"):
        return row["status"]
    first, last = (figure_value(row["values"][i]) for i in row["because"])
    return f"{row['status']}: {first} {'→' if row['status'] == 'progression' else 'vs'} {last}"


def figure_value(figure: dict) -> str:
    """'~$6.5 billion', '27', 'at least 12', '18,000–20,000', '60 km', '16.057%', '5 years': every
    view writes a value so."""
    number, unit = number_text(figure["value"]), figure.get("unit") or ""
    if figure.get("high") is not None:
        number = f"{number}–{number_text(figure['high'])}"
    if unit in _PREFIX_UNITS:
        text = unit + number
    elif unit in ("%", "percent", "per"):
        text = number + "%"
    elif unit:
        plural = figure["value"] != 1 and unit not in _INVARIANT_UNITS and not unit.endswith("s")
        text = f"{number} {unit}{'s' if plural else ''}"
    else:
        text = number
    if figure.get("qualifier") in _BOUNDS:
        return f"{figure['qualifier']} {text}"
    return ("~" if figure.get("approximate") and figure.get("high") is None else "") + text


def rows_csv(rows: list[dict], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def articles_csv(record: dict) -> str:
    return rows_csv(article_rows(record), CSV_COLUMNS)


def articles_jsonl(record: dict) -> str:
    return "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in record["articles"])


@cache
def export_schema() -> dict:
    return json.loads(resources.files("newsdesk.schema").joinpath("export.schema.json").read_text())


def validate(record: dict) -> None:
    """Raise jsonschema.ValidationError if ``record`` breaks the export contract."""
    import jsonschema

    jsonschema.validate(record, export_schema())


# Types of a place, and the types the model also gives a place's name in one story (Derna
# typed GPE in one sentence and ORG in the next: "Derna's mayor").
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_ALSO_PLACE = frozenset({"ORG", "PERSON"})


def listed_entities(entities: list[dict]) -> list[dict]:
    """A story's entities as its who-and-where lists them: a name it holds both as a place
    and as an organisation or a person is listed once, as the place, with the mentions of
    both. Display only: the record keeps both entities (their types weigh in story
    grouping), the list does not show one town twice."""
    places = {e["name"].casefold(): e for e in entities if e["type"] in _PLACE_TYPES}
    extra: dict[str, int] = defaultdict(int)
    for e in entities:
        if e["type"] in _ALSO_PLACE and e["name"].casefold() in places:
            extra[e["name"].casefold()] += e.get("mentions") or 0
    out = []
    for e in entities:
        key = e["name"].casefold()
        if e["type"] in _ALSO_PLACE and key in places:
            continue
        if e["type"] in _PLACE_TYPES and extra.get(key) and places[key] is e:
            e = {**e, "mentions": (e.get("mentions") or 0) + extra[key]}
        out.append(e)
    return out


# What every page template (the self-contained dossier, report/templates; the web desk,
# web/templates) writes through the same functions as the terminal and Markdown views.
VIEW_FILTERS = {
    "counted": counted,
    "event_kind": event_kind,
    "figure_value": figure_value,
    "figure_label": figure_label,
    "figure_verdict": figure_verdict,
    "told_events": told_events,
    "when_words": when_words,
    "main_event_line": main_event_line,
    "main_event_evidence": main_event_evidence,
    "listed_entities": listed_entities,
}
