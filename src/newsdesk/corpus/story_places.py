"""Where a story event's place lies: its place resolved in the report that names it, and
whether one place lies inside another (issues 6 and 7).

An event names its place by a string (``Event.place``); the report's places stage
resolved that name to a gazetteer place (``Analysis.places``). Two reports of one event
may name it at two scales, "freed in Mali" and "freed near Djenné": the country holds
the town, so the two can be one story event (``story_events._told_less``). Two names of
one place (Stepanakert and Khankendi) are one place by their gazetteer id; and one name is
one place in a story, though two reports resolved it apart ("Kunduz" the province in one,
the city in another): two places of one name in one story are seldom two places.

Only the gazetteer's own containment is used: a country holds its first-level regions
and its towns, a region holds the towns whose ``admin1`` it is. An area (Nagorno-Karabakh,
the Gaza Strip) or a continent holds nothing here, because the gazetteer records no
containment for them; a county is held by its region and country but holds nothing,
because the gazetteer gives towns no county.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsdesk.model import Analysis, Event, Place
from newsdesk.nlp.coherence import TOWN_KINDS
from newsdesk.nlp.gazetteer import Candidate, load_gazetteer, name_key

# How many places a region or a country is above a town (``Site.rank``); a place of any
# other kind (a county, an area, an unresolved name) ranks with the towns.
_RANKS = {"admin1": 1, "country": 2}
# Kinds that a region and a country hold: the gazetteer gives them a country and an admin1.
_HELD = frozenset({*TOWN_KINDS, "admin2", "admin1"})
# Closer than this in degrees, two coordinates are the gazetteer's one point read back
# from a store (a row's REAL column, a JSON export): rounding only.
_SAME_POINT = 1e-6


@dataclass(frozen=True, slots=True)
class Site:
    """An event's place as the story compares it.

    ``name`` is the name the event gives it; ``key`` is the place's identity: one for
    every name of one place. ``within`` are the keys of the places that hold it (its
    region, its country), largest last."""

    name: str
    key: str
    rank: int = 0
    within: tuple[str, ...] = ()


def unresolved(name: str) -> Site:
    """A place name the report did not resolve: itself, by its folded letters, and no
    place known to hold it."""
    return Site(name, f"name:{name.casefold()}")


def site(place: Place) -> Site:
    """The resolved ``place`` as a site: its gazetteer identity and the places holding it."""
    c = _candidate(place)
    if c is None or not c.country:
        return Site(place.name, f"id:{place.geonameid}") if place.geonameid is not None else unresolved(place.name)
    country = f"country:{c.country}"
    if c.kind == "country":
        return Site(place.name, country, _RANKS["country"])
    region = f"admin1:{c.country}:{c.admin1}" if c.admin1 else None
    if c.kind == "admin1" and region:
        return Site(place.name, region, _RANKS["admin1"], (country,))
    key = f"id:{c.geonameid}" if c.geonameid is not None else f"{c.kind}:{c.country}:{name_key(c.name)}"
    if c.kind not in _HELD:
        return Site(place.name, key)
    return Site(place.name, key, 0, (region, country) if region else (country,))


def _candidate(place: Place) -> Candidate | None:
    """The gazetteer place ``place`` was resolved to: the one of its name with its id, or,
    for the many regions GeoNames' city table gives no id, with its country and point."""
    for c in load_gazetteer().lookup(name_key(place.name)):
        if c.geonameid != place.geonameid or c.country != place.country:
            continue
        if c.geonameid is not None or (place.lat is not None and place.lon is not None
                                       and abs(c.lat - place.lat) < _SAME_POINT
                                       and abs(c.lon - place.lon) < _SAME_POINT):
            return c
    return None


def identities(s: Site) -> tuple[str, ...]:
    """The keys ``s`` is one place by: its gazetteer identity and its name."""
    return tuple(dict.fromkeys((s.key, unresolved(s.name).key)))


def holds(outer: Site, inner: Site) -> bool:
    """``outer`` is a region or a country that ``inner`` lies in."""
    return outer.key in inner.within


def same_or_nested(a: Site, b: Site) -> bool:
    """One place, or one inside the other: what two reports of one event may both say."""
    return not set(identities(a)).isdisjoint(identities(b)) or holds(a, b) or holds(b, a)


def event_sites(analyses: list[Analysis]) -> list[Site | None]:
    """The site of each event of ``analyses``, in their order (``[e for a in analyses for
    e in a.events]``): its place resolved in the same report, else its name unresolved."""
    return [event_site(a, e) for a in analyses for e in a.events]


def event_site(analysis: Analysis, event: Event) -> Site | None:
    """The site of ``event``'s place: the report's place of that name inside the event's
    span, else the nearest one before it, else the first after it, else the dateline's
    place of that name (its span is in the dateline, not the text: ``Place.in_dateline``).
    The places stage names an event's place by the resolved place's name, or by the words
    where it resolved none."""
    if not event.place:
        return None
    name = event.place.casefold()
    same = [p for p in analysis.places if name in (p.name.casefold(), p.text.casefold())]
    named = sorted((p for p in same if not p.in_dateline), key=lambda p: p.span)
    if not named:
        return replace(site(same[0]), name=event.place) if same else unresolved(event.place)
    start, end = event.span
    inside = [p for p in named if start <= p.span[0] < end]
    before = [p for p in named if p.span[0] < start]
    best = inside[0] if inside else before[-1] if before else named[0]
    # By the name the event gives, which another report may give a place it resolved apart.
    return replace(site(best), name=event.place)
