"""The dateline's places (issue 6): a place named in the dateline that cleaning took out
of the text has its span in the dateline's words (``Place.in_dateline``), and no reader
of the text's spans takes it for words of the text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdesk.corpus.relate import remap
from newsdesk.corpus.story_places import event_site
from newsdesk.facts.events import _place_at
from newsdesk.model import Analysis, Article, Event, Place, Removal, article_id
from newsdesk.report.export import article_dict
from newsdesk.web.highlight import annotations

# A hand-built article: the dateline's town at (0, 6) of its words, and the text's own
# place at the same offsets of the text.
_TEXT = "Ardove port reopened on Friday after the storm."
_AID = article_id(_TEXT)
_DATED = Place(_AID, (0, 6), "MIRSK", "Mirsk", 50.97, 15.38, "PL", 3091, in_dateline=True)
_SAID = Place(_AID, (0, 6), "Ardove", "Ardove", 51.0, 15.0, "PL", 7777)
_ARTICLE = Article(id=_AID, text=_TEXT, dateline="MIRSK", removed=(Removal("dateline", "MIRSK, Poland —"),))


def _analysis(*places: Place, events=()) -> Analysis:
    return Analysis(article=_ARTICLE, places=places, events=events)


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        ((_DATED,), None),  # no place of the text at offset 0
        ((_DATED, _SAID), _SAID),
    ],
)
def test_an_event_never_takes_the_datelines_place_by_offset(places, expected):
    assert _place_at(_analysis(*places), 2) == expected


@pytest.mark.parametrize(
    ("places", "highlighted"),
    [
        ((_DATED,), []),
        ((_DATED, _SAID), [(0, 6)]),
    ],
)
def test_the_datelines_place_is_not_highlighted_in_the_text(places, highlighted):
    record = article_dict(_analysis(*places), story_id=None, sources=[])
    assert [p["in_dateline"] for p in record["places"]] == [p.in_dateline for p in places]
    assert [(s, e) for s, e, layer, _ in annotations(record) if layer == "place"] == highlighted


@pytest.mark.parametrize(
    ("places", "name"),
    [
        ((_DATED,), "Mirsk"),  # named only in the dateline: resolved there
        ((_DATED, replace(_SAID, text="Mirsk", name="Mirsk", geonameid=3091)), "Mirsk"),
        ((), "Mirsk"),  # not resolved at all: by its name
    ],
)
def test_an_events_place_named_in_the_dateline_is_resolved_there(places, name):
    event = Event(_AID, (0, 20), "ASSAULT", place="Mirsk")
    found = event_site(_analysis(*places, events=(event,)), event)
    assert found.name == name
    assert found.key == ("id:3091" if places else "name:mirsk")


@pytest.mark.parametrize(
    ("copy_dateline", "kept"),
    [
        ("MIRSK, Poland —", [_DATED.span]),
        ("LUBAN, Poland —", []),  # another dateline: the original's dateline place is not the copy's
        (None, []),
    ],
)
def test_a_copy_keeps_the_datelines_place_only_with_the_same_dateline(copy_dateline, kept):
    removed = (Removal("dateline", copy_dateline),) if copy_dateline else ()
    text = _TEXT + " Ferries ran again."
    copy = Article(id=article_id(text), text=text, removed=removed)
    runs = [((0, len(_TEXT)), (0, len(_TEXT)))]
    moved = remap(_analysis(_DATED, _SAID), copy, runs)
    assert [p.span for p in moved.places if p.in_dateline] == kept
    assert [p.span for p in moved.text_places] == [_SAID.span]
    assert all(p.article_id == copy.id for p in moved.places)


def test_the_maps_list_names_a_dateline_town_as_the_text_does():
    from newsdesk.web.app import _places

    def place(text: str, dated: bool) -> dict:
        return {"text": text, "name": "Kyiv", "lat": 50.45, "lon": 30.52, "in_dateline": dated}

    [kyiv] = _places([{"places": [place("KYIV", True), place("Kyiv", False)]}, {"places": [place("Kiev", False)]}])
    assert (kyiv["mentions"], kyiv["aliases"]) == (3, ["Kyiv", "Kiev"])


@pytest.mark.parametrize(
    ("label", "countries"),
    [
        # a people's word at the dateline place's offsets in the text leaves out the text's
        # place there, not the dateline's
        ("NORP", {"PL": 2}),
        ("GPE", {"PL": 3}),
    ],
)
def test_a_datelines_place_counts_for_where_whatever_the_text_holds_at_its_offsets(store, label, countries):
    from newsdesk.corpus.stories import _countries
    from newsdesk.model import Mention

    mention = Mention(_AID, (0, 6), "Ardove", label, "gpe:ardove")
    port = replace(_SAID, span=(7, 11), text="port")
    with store.begin() as tx:
        tx.save_analysis(replace(_analysis(_DATED, _SAID, port), mentions=(mention,)), seq=1)
        assert _countries(tx, _AID) == countries
