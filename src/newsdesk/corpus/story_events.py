"""Story events: the event mentions of a story's articles merged into the events they tell,
with their support (mentions, articles, independent sources), whether a report disputes
them, and whether the story reports them or recalls them (``merge_events``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from newsdesk.corpus.sources import DERIVED, find, union
from newsdesk.corpus.story_places import Site, event_sites, holds, identities, same_or_nested, unresolved
from newsdesk.facts.lexicon import PROTESTERS
from newsdesk.model import Analysis, Event, Relation, Span
from newsdesk.nlp.dates import ISO_DAY

if TYPE_CHECKING:
    from newsdesk.corpus.compare import ReportTime

_YEARISH = re.compile(r"\d{3}[\dX]")  # a year or a decade: "2020", "199X"
# An event dated this long before a story's first report is one the story recalls (the
# last war, an earlier ceasefire), not one it reports: a month is longer than the span of
# most breaking stories, shorter than the gap to the background events news recalls.
BACKGROUND_DAYS = 30


# Words for a crowd, not a body that acts: one report's "people" who marched are another's
# "protesters" or "thousands". A crowd tells two events apart no more than an unsaid actor.
_CROWDS = PROTESTERS | {"people", "thousands", "hundreds", "dozens", "tens", "residents", "supporters"}
# Types whose actor is mostly a crowd, and of which a story mostly tells one per place: a
# report of "the march" that names no place is the story's one march, where it has one. Not
# ASSAULT: a landmine blast that names no place is no part of the day's one offensive.
_CROWD_TYPES = frozenset({"PROTEST"})


def _actor(e: Event) -> str | None:
    """The event's actor, unless it names a crowd ("people", "the protesters")."""
    return None if not e.actor or e.actor.casefold().split()[-1] in _CROWDS else e.actor


def _event_keys(e: Event, site: Site | None) -> list[tuple]:
    """What an event reads as: one key for each identity of its place (its gazetteer place,
    its name); two events that share one are one."""
    key = (e.type, e.mode, *((x or "").casefold() for x in (_actor(e), e.recipient)))
    if not (e.actor or e.place):
        # Nothing says two mentions that name neither who acts nor where ("an attack",
        # "attacks on civilians") are one event: keep each apart.
        return [(*key, e.article_id, e.span)]
    return [(*key, place) for place in (identities(site) if site else ("",))]


def event_groups(events: list[Event], relations: Iterable[Relation],
                 sites: list[Site | None] | None = None) -> list[int]:
    """For each event, the index of the first event of its group: one event told by
    several articles. ``sites`` are the events' places as resolved in their reports
    (``story_places.event_sites``); without them, places compare by name. Events are one
    when they read alike (type, mode, actor, recipient, place: two names of one place are
    one place), or when a copy retells its original's sentence (a near copy's shared run, a
    rewrite's aligned sentence: ``Relation.evidence``) and the two sentences hold events
    of the same type and modality in the same order (``_aligned``): a rewrite's "killed
    six individuals" is its original's "killed six people". Then a group that leaves a
    field unsaid joins the groups it fits at its place or at a place inside it (``_told_less``):
    "a drone strike on Kidal on Sunday" is the "army drone strike on Kidal" of another
    report, "hostages freed in Mali" the "hostages freed near Djenné" of another; and a
    denial joins the one event of its actor it denies (``_denials``)."""
    if sites is None:
        sites = [unresolved(e.place) if e.place else None for e in events]
    parent = list(range(len(events)))
    first: dict[tuple, int] = {}
    for i, e in enumerate(events):
        for key in _event_keys(e, sites[i]):
            union(parent, first.setdefault(key, i), i)
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        by_article[e.article_id].append(i)

    def within(article: str, span: Span) -> list[int]:
        return sorted((i for i in by_article.get(article, []) if span[0] <= events[i].span[0] < span[1]),
                      key=lambda i: events[i].span)

    for r in relations:
        if r.kind not in DERIVED:
            continue
        for source_span, copy_span in r.evidence:
            for i, j in _aligned(events, within(r.source, source_span), within(r.copy, copy_span)):
                union(parent, i, j)
    _told_less(events, parent, sites)
    _told_less(events, parent, sites, nested=True)
    _one_crowd(events, parent, sites)
    _denials(events, parent, sites)
    for rejection, denied in denial_wrappers(events).items():
        union(parent, denied, rejection)
    roots = [find(parent, i) for i in range(len(events))]
    first_of: dict[int, int] = {}
    return [first_of.setdefault(r, i) for i, r in enumerate(roots)]


def _aligned(events: list[Event], told: list[int], retold: list[int]) -> list[tuple[int, int]]:
    """The events of a sentence and of its retelling that tell one another, in order: each
    retold event with the next told one of its type and modality. A rewrite that drops an
    event of the sentence ("but only after they laid down their arms") still retells the
    others."""
    pairs, start = [], 0
    for j in retold:
        kind = (events[j].type, events[j].modality)
        i = next((k for k in range(start, len(told)) if (events[told[k]].type, events[told[k]].modality) == kind), None)
        if i is not None:
            pairs.append((told[i], j))
            start = i + 1
    return pairs


# Modalities under which a report says an event took place: one source's "the army
# shelled the town" and another's "residents said the town was shelled" tell one event.
_TOOK_PLACE = frozenset({"asserted", "claimed"})
_TOLD = ("mode", "actor", "recipient", "when")


def _told_less(events: list[Event], parent: list[int], sites: list[Site | None], nested: bool = False) -> None:
    """Join each group that leaves a field unsaid (no actor, no mode, no day...) to the
    other groups it fits, where those fit one another too: the same type at the same
    place, all said to have taken place, and no field that two give and that differs. A
    strike in a town with strikes on two days, or by two armies, fits both and stays apart.
    Place is what anchors a fit; a type and a day alone would join a landmine blast to the
    offensive of the same day.

    ``nested``: then, a group that says only the region or the country of its place, or
    leaves a field unsaid, joins likewise the groups it fits at places inside its own: a
    release "in Mali" is the release "near Djenné" where the story has no other there
    that fits; a release in a country with releases in two of its towns stays apart. A
    region or a country anchors less than a town does, so the two must also both say who,
    to whom or when (``_backed``): "a rally in Michigan" and "a rally in Grand Rapids"
    that say nothing else may be two of a campaign's rallies. A second pass, so that what
    reports at one place tell together is settled first."""
    told = {root: said for root, (es, said) in _groups(events, parent, sites).items()
            if all(e.modality in _TOOK_PLACE for e in es) and said["place"]}
    # Only groups of one type at one place (or at places inside it) can fit: look there only.
    at = defaultdict(list)

    def index(root: int) -> None:
        place = told[root]["place"]
        for key in (*identities(place), *(place.within if nested else ())):
            at[(told[root]["type"], key)].append(root)

    for root in told:
        index(root)
    for root in list(told):
        if root not in told or ((told[root]["place"].rank == 0 or not nested) and all(told[root][f] for f in _TOLD)):
            continue
        here = dict.fromkeys(r for key in identities(told[root]["place"]) for r in at[(told[root]["type"], key)])
        fits = [other for other in here if other != root and other in told and _fits(told[root], told[other])
                and (not nested or _backed(told[root], told[other]))]
        if fits and all(_fits(told[x], told[y]) for i, x in enumerate(fits) for y in fits[i + 1 :]):
            for other in fits:
                union(parent, root, other)
                # The joined group says what any of them said, at the finer place: a later
                # fit must fit all of it.
                told[root] = _joined(told[root], told[other])
                del told[other]
            index(root)


def _backed(a: dict, b: dict) -> bool:
    """Two groups at one place, or at places one inside the other that both say more: who
    acts, on whom or when (that they fit, ``_fits`` tells)."""
    return not set(identities(a["place"])).isdisjoint(identities(b["place"])) or any(
        a[f] and b[f] for f in ("actor", "recipient", "when"))


def _one_crowd(events: list[Event], parent: list[int], sites: list[Site | None]) -> None:
    """Join each crowd's event that names no place ("120,000 people took part in the
    march", "people had joined Saturday's march") to the one placed group of its type that
    it fits, where the story has only one: a story of marches in two towns keeps it apart."""
    told = {root: said for root, (es, said) in _groups(events, parent, sites).items()
            if said["type"] in _CROWD_TYPES and all(e.modality in _TOOK_PLACE for e in es)}
    placed = [root for root, said in told.items() if said["place"]]
    for root, said in told.items():
        if said["place"] or said["actor"]:
            continue
        fits = [other for other in placed if _fits({**said, "place": told[other]["place"]}, told[other])]
        if len(fits) == 1 and len([r for r in placed if told[r]["type"] == said["type"]]) == 1:
            union(parent, fits[0], root)


# Modalities under which a report says an event did not take place.
_DENIED = frozenset({"denied", "negated"})


def _denials(events: list[Event], parent: list[int], sites: list[Site | None]) -> None:
    """Join a denial ("the army denied carrying out the strike") to the one event of its
    type and actor that others say took place, where nothing else they both give differs:
    one row the reader sees disputed, not a claim and a denial in rows apart."""
    groups = _groups(events, parent, sites)
    by = defaultdict(list)  # the groups said to have taken place, by type and actor
    for r, (es, said) in groups.items():
        if said["actor"] and any(e.modality in _TOOK_PLACE for e in es):
            by[(said["type"], said["actor"].casefold())].append(r)
    for root, (es, said) in groups.items():
        if not said["actor"] or not all(e.modality in _DENIED for e in es):
            continue
        fits = [r for r in by[(said["type"], said["actor"].casefold())] if _fits(said, groups[r][1], anchor="actor")]
        if len(fits) == 1:
            union(parent, fits[0], root)


def _groups(events: list[Event], parent: list[int], sites: list[Site | None]) -> dict[int, tuple[list[Event], dict]]:
    """Each group's events, and what the group says: each field as its first event that
    gives it; the place as its finest site (a town its country holds, not the country)."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        groups[find(parent, i)].append(i)

    def value(e: Event, f: str):
        return _actor(e) if f == "actor" else getattr(e, f)

    out = {}
    for root, members in groups.items():
        es = [events[i] for i in members]
        said = {f: next((value(e, f) for e in es if value(e, f)), None) for f in ("type", *_TOLD)}
        said["place"] = None
        for i in members:
            said["place"] = _finer(said["place"], sites[i])
        out[root] = (es, said)
    return out


def _joined(said: dict, other: dict) -> dict:
    """What two groups say together: each field as either gives it, the place as the finer."""
    return {f: _finer(said[f], other[f]) if f == "place" else said[f] or other[f] for f in said}


def _finer(place: Site | None, other: Site | None) -> Site | None:
    """The place of the two that the other holds; the first where neither holds the other."""
    return other if place is None or (other is not None and holds(place, other)) else place


def _fits(a: dict, b: dict, anchor: str = "place") -> bool:
    """Same type and the same ``anchor`` (place, or actor), and no field both give that
    differs; a place fits the places inside it ("Mali" fits "Djenné")."""
    if a["type"] != b["type"] or not a[anchor] or not b[anchor] or not _same(anchor, a[anchor], b[anchor]):
        return False
    return all(not a[f] or not b[f] or _same(f, a[f], b[f]) for f in ("place", *_TOLD))


def _same(field: str, x, y) -> bool:
    """Two values of ``field`` that two reports of one event may give."""
    if field == "place":
        return same_or_nested(x, y)
    return x.casefold() == y.casefold() or (field == "recipient" and _same_recipient(x, y))


def _same_recipient(x: str, y: str) -> bool:
    """A recipient told by its head noun alone ("the village") is the one its fuller phrase
    names in another report ("the village of Ndjala")."""
    short, full = sorted((x.casefold(), y.casefold()), key=len)
    return re.split(r" (?:of|in|near|at) ", full)[0] == short


def denial_wrappers(events: list[Event]) -> dict[int, int]:
    """The rejections that wrap the act they deny, each to that act: "denied attacking the
    village" is a REJECT around the denied attack, the act's denial and no event of its own;
    it joins the act's row (indices into ``events``)."""
    denied: dict[str, list[int]] = defaultdict(list)
    for j, e in enumerate(events):
        if e.modality in _DENIED and e.type != "REJECT":
            denied[e.article_id].append(j)
    out = {}
    for i, r in enumerate(events):
        if r.type == "REJECT":
            inner = [j for j in denied.get(r.article_id, ()) if r.span[0] <= events[j].span[0]
                     and events[j].span[1] <= r.span[1]]
            if len(inner) == 1:
                out[i] = inner[0]
    return out


# The words of a rejection that name what it rejects as a charge: "denied the accusation",
# "rejected the allegations", "dismissed the claims".
_CHARGES = re.compile(r"\b(?:accusations?|allegations?|charges|claims?)\b", re.IGNORECASE)


def rejected_charges(analyses: list[Analysis]) -> set[tuple[str, Span]]:
    """(article, span) of the events a report's rejection of a charge disputes: "the army
    denied the accusation" disputes what, in the same report, others claim the army did
    (the shelling the rebels accuse it of), though the denial names no act of its own."""
    out = set()
    for a in analyses:
        for r in a.events:
            if r.type != "REJECT" or not r.actor or not _CHARGES.search(a.article.text[r.span[0]:r.span[1]]):
                continue
            who = r.actor.casefold()
            out |= {(e.article_id, e.span) for e in a.events if e.modality == "claimed"
                    and (e.actor or "").casefold() == who and (e.claimed_by or "").casefold() != who}
    return out


def merge_events(analyses: list[Analysis], source_of: dict[str, str], times: dict[str, ReportTime],
                 relations: Iterable[Relation] = ()) -> list[dict]:
    merged: dict[int, dict] = {}
    events = [e for a in analyses for e in a.events]
    sites = event_sites(analyses)
    rejected = rejected_charges(analyses)
    groups = event_groups(events, relations, sites)
    wrappers = denial_wrappers(events)
    # A rejection that wraps the act it denies is a mention of that act's denial, and says
    # nothing of the act's fields: its row is built from the others first.
    for n in sorted(range(len(events)), key=lambda n: n in wrappers):
        e, group = events[n], groups[n]
        if n in wrappers:
            merged[group]["mentions"].append({"article_id": e.article_id, "span": list(e.span), "modality": "denied"})
            continue
        entry = merged.setdefault(
            group,
            {
                "type": e.type, "mode": e.mode, "actor": e.actor, "recipient": e.recipient, "place": e.place,
                "when": e.when, "killed": e.killed, "injured": e.injured, "modality": e.modality,
                "claimed_by": e.claimed_by, "mentions": [], "_sources": set(), "earliest": None,
                "_site": sites[n],
            },
        )
        entry["mentions"].append({"article_id": e.article_id, "span": list(e.span), "modality": e.modality})
        entry["_rejected"] = entry.get("_rejected", False) or (e.article_id, e.span) in rejected
        if entry["modality"] in _DENIED and e.modality not in _DENIED:  # a row says what its reports say took place
            entry["modality"], entry["claimed_by"] = e.modality, e.claimed_by
        entry["_sources"].add(source_of[e.article_id])
        for field in ("actor", "recipient", "when", "mode", "killed", "injured", "claimed_by"):
            entry[field] = entry[field] if entry[field] is not None else getattr(e, field)
        if (finer := _finer(entry["_site"], sites[n])) is not entry["_site"]:  # "near Djenné", not "in Mali"
            entry["place"], entry["_site"] = e.place, finer
        t = times[e.article_id]
        if entry["earliest"] is None or t.key < times[entry["earliest"]].key:
            entry["earliest"] = e.article_id
    out = []
    first = min((t.key[1] for t in times.values() if t.key[0] == 0), default=None)  # the first dated report
    for entry in merged.values():
        entry["num_mentions"] = len(entry["mentions"])
        entry["num_articles"] = len({m["article_id"] for m in entry["mentions"]})
        entry["num_sources"] = len(entry.pop("_sources"))
        del entry["_site"]
        told = {m["modality"] for m in entry["mentions"]}
        rejected_here = entry.pop("_rejected")
        entry["disputed"] = bool(told & _TOOK_PLACE and (told & _DENIED or rejected_here))
        entry["background"] = background(entry["when"], first)
        out.append(entry)
    # What the story reports before what it recalls; then best supported first: more
    # independent sources, then events whose actor the text names and that it asserts,
    # then more mentions.
    return sorted(
        out,
        key=lambda e: (e["background"], -e["num_sources"], not e["actor"], e["modality"] != "asserted",
                       -e["num_mentions"], e["when"] or "~", e["type"]),
    )


def background(when: str | None, first_report: str | None) -> bool:
    """Whether an event is one the story recalls: dated to a year or a decade before its
    first report's year ("the 2020 war" in a 2023 story; with no dated report, any year or
    decade: news dates what it reports by the day and what it recalls by the year), or to
    a day more than ``BACKGROUND_DAYS`` before its first report."""
    if not when:
        return False
    if _YEARISH.fullmatch(when):
        return first_report is None or when < first_report[:4]
    if first_report and ISO_DAY.match(when):
        return date.fromisoformat(when[:10]) < date.fromisoformat(first_report[:10]) - timedelta(BACKGROUND_DAYS)
    return False
