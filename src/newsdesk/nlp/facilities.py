"""Streets and buildings placed at the town they are in.

No installed gazetteer holds streets, squares, bridges, stadiums or hospitals (GeoNames'
``cities500`` is populated places only), yet news names them more than any other kind of
place in local reports: of GeoWebNews' gold toponyms that newsdesk missed, one in four
is one ("Royal Street", "Jamsil Stadium", "Altnagelvin Hospital"; issue 6). An analyst
mapping events wants them on the map at least at their town, so a name of this kind
that no gazetteer entry covers is placed at the town the text puts it in ("Collins
Avenue in Miami Beach", "Seoul's Jamsil Stadium") or, failing that, at the article's
own town: its dateline's, else the town it names most. Such a place says so with its
``precision`` ("town": the town's point, not the building's).
"""

from __future__ import annotations

from collections import Counter

from newsdesk.nlp.coherence import TOWN_KINDS
from newsdesk.nlp.doccache import doc_ents, doc_text
from newsdesk.nlp.gazetteer import Candidate, Gazetteer
from newsdesk.nlp.toponym_cues import DOTTED, Toponym, datelines

# The last words of names of streets and buildings as English news writes them ("Royal
# Street", "Collins Ave.", "Court Square", "Jamsil Stadium", "Meydan Racecourse"). Not
# "park", "center", "hall", "tower" or "house": they end the names of national parks,
# organisations and firms as often ("Zion National Park", "Pew Research Center").
# Roads numbered across states ("Interstate 45", "Route 31") have no town.
FACILITY_WORDS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "square", "plaza", "bridge",
    "stadium", "arena", "racecourse", "hospital", "airport", "station", "prison", "jail", "mall", "church",
    "cathedral", "mosque", "synagogue", "temple", "theatre", "theater", "cinema", "hotel", "museum", "courthouse",
    "library", "cemetery", "graveyard",
})
_LABELS = frozenset({"FAC", "ORG", "PERSON", "GPE", "LOC"})
# Words that make "Church" a denomination, not a building ("the Catholic Church", "the
# United Methodist Church").
DENOMINATIONS = frozenset({
    "catholic", "roman", "methodist", "united", "anglican", "orthodox", "episcopal", "lutheran", "baptist",
    "presbyterian", "evangelical", "reformed", "apostolic", "pentecostal", "protestant", "coptic", "christian",
})
# What may stand between a building and its town: "Collins Avenue in Miami Beach",
# "Oulton Park, Cheshire", "Seoul's Jamsil Stadium".
_TOWN_AFTER = frozenset({",", "in", "in the", ", in"})
_TOWN_BEFORE = frozenset({"'s", "’s"})


def facility_spans(doc, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of entities named like a street or a building that overlap no toponym found:
    the name after its owner's "'s" and "the" ("Derry's Altnagelvin Hospital")."""
    out = []
    for ent in doc_ents(doc):
        if ent.label_ not in _LABELS or ent[-1].lower_.rstrip(".") not in FACILITY_WORDS:
            continue
        start = max((t.i + 1 for t in ent if t.text in _TOWN_BEFORE), default=ent.start)  # after an owner's "'s"
        if start < ent.end and ent.doc[start].lower_ == "the":
            start += 1
        name = ent.doc[start : ent.end]
        words = all(t.is_alpha or t.is_punct or DOTTED.fullmatch(t.text) for t in name)  # "N. Bedford Drive"
        if len(name) < 2 or not name[0].text[:1].isupper() or not words:
            continue
        if all(t.lower_ in DENOMINATIONS for t in name[:-1]) or name[-2].lower_ == "space":  # a space station
            continue
        span = (name.start_char, name.end_char)
        if not any(s < span[1] and span[0] < e for s, e in taken):
            out.append(span)
    return out


def local_town(doc, towns: list[tuple[Toponym, Candidate]], gaz: Gazetteer) -> Candidate | None:
    """The article's own town: its dateline's, else the town it names strictly most often,
    if the model tagged one of its mentions a place (GPE, LOC): a person's name taken for a
    town ("Rod" of "Rod Stewart", named five times) must not carry every street."""
    lines = {t.span for t in datelines(doc_text(doc), gaz, party=False)}
    dated = [c for t, c in towns if t.span in lines]
    if dated:
        return dated[0]
    counts = Counter(c.id for _, c in towns)
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2)
    if rest and rest[0][1] == n:
        return None
    gpe = [(e.start_char, e.end_char) for e in doc_ents(doc) if e.label_ in ("GPE", "LOC")]
    tagged = any(c.id == best and any(s < t.span[1] and t.span[0] < e for s, e in gpe) for t, c in towns)
    return next(c for _, c in towns if c.id == best) if tagged else None


def facilities_at_towns(doc, toponyms: list[Toponym], choice: dict[str, Candidate], gaz: Gazetteer):
    """(span, town) for each street or building of the text that no toponym covers."""
    text = doc_text(doc)
    towns = [(t, c) for t in toponyms if (c := choice.get(t.key)) is not None and c.kind in TOWN_KINDS]
    local = None
    out = []
    for span in facility_spans(doc, [t.span for t in toponyms]):
        town = next((c for t, c in towns if t.span[0] >= span[1] and text[span[1] : t.span[0]].strip() in _TOWN_AFTER
                     and t.span[0] - span[1] <= 8), None)
        town = town or next((c for t, c in towns if t.span[1] <= span[0] and text[t.span[1] : span[0]].strip()
                             in _TOWN_BEFORE), None)
        if town is None:
            local = local if local is not None else (local_town(doc, towns, gaz) or False)
            town = local or None
        if town is not None:
            out.append((span, town))
    return out
