"""Article text cut into segments, each with the annotations that cover it.

Annotations overlap (a quote contains names, a figure sits in an event), so the text is
cut at every span boundary and each piece carries the set of layers over it. The web
page wraps each piece in one element; the text itself is always escaped by Jinja.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.report.export import figure_value, main_event_line

# Layers, in the order their classes are listed; ``section`` is where in the story view
# each layer is explained.
LAYERS = {
    "mention": "entities",
    "place": "map",
    "date": "timeline",
    "quote": "quotes",
    "figure": "figures",
    "event": "events",
    "main": "main-event",
    "flag": "cleaning",
}


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    start: int
    layers: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # what the annotations say, for the hover title


def annotations(article: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, layer, note) for every annotation of an exported article."""
    out = []
    for m in article["mentions"]:
        out.append((*m["span"], "mention", f"{m.get('label', '')} {m['entity_id']}"))
    for p in article["places"]:
        if p.get("in_dateline"):  # its span indexes the dateline's words, not the text
            continue
        where = f" ({p['lat']:.2f}, {p['lon']:.2f})" if p.get("lat") is not None else ""
        out.append((*p["span"], "place", f"place: {p['name']}{where}"))
    for d in article["dates"]:
        out.append((*d["span"], "date", f"date: {d['value'] or '?'}"))
    for q in article["quotes"]:
        out.append((*q["span"], "quote", f"{q['kind']} quote: {q['speaker'] or 'unattributed'}"))
    for f in article["figures"]:
        out.append((*f["span"], "figure", f"{f['quantity']}: {figure_value(f)}"))
    for e in article["events"]:
        out.append((*e["span"], "event", f"event {e['type']}: {e['actor'] or '?'} → {e['recipient'] or '?'}"))
    main = article.get("main_event")
    if main and not main["in_title"]:  # a headline's main event is shown with the title
        out.append((*main["span"], "main", f"main event: {main_event_line(main)}"))
    for f in article["flags"]:
        out.append((*f["span"], "flag", f"flag: {f['kind']}"))
    return out


def segments(text: str, spans: list[tuple[int, int, str, str]]) -> list[Segment]:
    """Cut ``text`` at every boundary; spans outside the text are ignored."""
    spans = [(max(0, s), min(len(text), e), layer, note) for s, e, layer, note in spans if s < e and s < len(text)]
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        over = [(layer, note) for s, e, layer, note in spans if s <= start and end <= e]
        layers = tuple(sorted({layer for layer, _ in over}, key=list(LAYERS).index))
        out.append(Segment(text[start:end], start, layers, tuple(dict.fromkeys(note for _, note in over))))
    return out
