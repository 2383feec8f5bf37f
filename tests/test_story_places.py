"""Story events at places one inside another (issues 6 and 7), on hand-built analyses whose
places are the shipped gazetteer's: a release told "in Mali" by one report and "in
Djenné" by another is one row at Djenné; releases in two towns of Mali are two rows."""

from __future__ import annotations

import pytest

from newsdesk.corpus.compare import build_dossier
from newsdesk.corpus.story_places import holds, same_or_nested, site
from newsdesk.model import Analysis, Article, Event, Place
from newsdesk.nlp.gazetteer import load_gazetteer, name_key


def _place(aid: str, text: str, start: int, kind: str | None = None) -> Place:
    """``text`` resolved as the places stage would: to its gazetteer place of ``kind``
    (else its most populous one)."""
    c = next(c for c in load_gazetteer().lookup(name_key(text)) if kind is None or c.kind == kind)
    return Place(aid, (start, start + len(text)), text, c.name, c.lat, c.lon, c.country, c.geonameid)


# What every report of the release below says, unless a case says otherwise.
_TOLD = {"actor": "the kidnappers", "recipient": "engineers", "when": "2031-05-09"}


def _report(aid: str, where: str, kind: str | None = None, **told) -> Analysis:
    text = f"The kidnappers freed two engineers in {where} on Friday, officials said."
    place = _place(aid, where, text.index(where), kind)
    event = Event(aid, (4, len(text) - 1), "RETREAT", mode="release", place=place.name, **{**_TOLD, **told})
    return Analysis(Article(aid, text, published="2031-05-10"), places=(place,), events=(event,))


def _site(name: str, kind: str | None = None):
    return site(_place("a", name, 0, kind))


@pytest.mark.parametrize(
    ("outer", "inner", "held"),
    [
        (("Mali", "country"), ("Djenné", None), True),
        (("Mopti", "admin1"), ("Djenné", None), True),  # Djenné lies in the Mopti region
        (("Mali", "country"), ("Mopti", "admin1"), True),
        (("Mopti", "admin1"), ("Mopti", "city"), True),  # the region holds its namesake town
        (("Gao", "admin1"), ("Djenné", None), False),  # another region of the same country
        (("Azerbaijan", "country"), ("Djenné", None), False),
        (("Djenné", None), ("Mali", "country"), False),  # a town holds nothing
        (("Djenné", None), ("Mopti", "city"), False),  # two towns of one region
        (("Nagorno-Karabakh", "area"), ("Khankendi", None), False),  # the gazetteer holds nothing in an area
        (("Texas", "admin1"), ("Houston", None), True),
    ],
)
def test_a_region_or_country_holds_the_places_the_gazetteer_puts_in_it(outer, inner, held):
    assert holds(_site(*outer), _site(*inner)) is held


def test_two_names_of_one_place_are_one_site():
    assert _site("Stepanakert").key == _site("Khankendi").key
    assert same_or_nested(_site("Stepanakert"), _site("Khankendi"))


@pytest.mark.parametrize(
    ("reports", "rows"),
    [
        ([("Mali", "country"), ("Djenné", None)], [("Djenné", 2)]),  # the country holds the town
        ([("Djenné", None), ("Mali", "country")], [("Djenné", 2)]),  # whichever comes first
        ([("Mopti", "admin1"), ("Djenné", None)], [("Djenné", 2)]),  # so does its region
        ([("Mali", "country"), ("Mopti", "admin1"), ("Djenné", None)], [("Djenné", 3)]),
        ([("Djenné", None), ("Gao", "city")], [("Djenné", 1), ("Gao", 1)]),  # two towns stay apart
        # one name that two reports resolved apart (the region, its town) is one place in a story
        ([("Mopti", "admin1"), ("Mopti", "city")], [("Mopti", 2)]),
        # a country that fits releases in two of its towns joins neither
        ([("Mali", "country"), ("Djenné", None), ("Gao", "city")], [("Djenné", 1), ("Gao", 1), ("Mali", 1)]),
        ([("Gao", "admin1"), ("Djenné", None)], [("Djenné", 1), ("Gao", 1)]),  # another region's town
        ([("Azerbaijan", "country"), ("Djenné", None)], [("Azerbaijan", 1), ("Djenné", 1)]),
    ],
)
def test_a_release_told_at_a_country_or_region_joins_the_one_at_a_town_inside_it(reports, rows):
    analyses = [_report(aid, where, kind) for aid, (where, kind) in zip("abc", reports, strict=False)]
    events = build_dossier(analyses, [])["events"]
    assert sorted((e["place"], e["num_articles"]) for e in events) == rows


@pytest.mark.parametrize(
    ("differs", "rows"),
    [
        ({}, 1),
        ({"actor": None}, 1),  # the country's report leaves out who freed them: it still fits
        ({"actor": None, "when": None}, 1),  # whom is enough
        # but a country with nothing else both say anchors nothing: the release near Djenné
        # may be one of several in Mali
        ({"actor": None, "recipient": None, "when": None}, 2),
        ({"when": "2031-04-02"}, 2),  # a release a month before is another
        ({"actor": "the army"}, 2),  # the army's rescue is not the kidnappers' release
        ({"recipient": "nurses"}, 2),
    ],
)
def test_a_country_joins_a_town_inside_it_only_where_all_else_both_say_fits(differs, rows):
    country, town = _report("a", "Mali", "country", **differs), _report("b", "Djenné")
    events = build_dossier([country, town], [])["events"]
    assert len(events) == rows
    if rows == 1:
        [row] = events
        assert (row["place"], row["actor"], row["when"]) == ("Djenné", "the kidnappers", "2031-05-09")


def test_a_place_the_reports_name_two_ways_is_one_place():
    """One report names the town Stepanakert, the other Khankendi: one gazetteer place. An
    event's place is the name the report wrote where the places stage named none."""
    a = _report("a", "Stepanakert")
    a = Analysis(a.article, places=a.places, events=tuple(
        Event(e.article_id, e.span, e.type, e.mode, e.actor, e.recipient, "Stepanakert", e.when) for e in a.events))
    events = build_dossier([a, _report("b", "Khankendi")], [])["events"]
    assert [e["num_articles"] for e in events] == [2]
