"""Streets and buildings placed at their town (``nlp/facilities.py``). Docs and
gazetteer candidates built by hand; texts written for the tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsdesk.model import Analysis, Article
from newsdesk.nlp.facilities import facilities_at_towns, facility_spans
from newsdesk.nlp.gazetteer import Candidate, load_gazetteer
from newsdesk.nlp.places import resolve_places
from newsdesk.nlp.toponym_cues import Toponym

_VOCAB = spacy.blank("en").vocab


def _doc(text: str, ents: list[tuple[str, str]]) -> Doc:
    """A doc of ``text``'s space-separated words whose entities are the given (text, label), found in order."""
    words = text.split()
    doc = Doc(_VOCAB, words=words)
    spans, at = [], 0
    for text, label in ents:
        n = len(text.split())
        i = next(i for i in range(at, len(words)) if words[i : i + n] == text.split())
        spans.append(Span(doc, i, i + n, label=label))
        at = i + n
    doc.ents = spans
    return doc


def _town(name: str, pid: int) -> Candidate:
    return Candidate(pid, pid, name, "city", "US", "FL", 25.8 + pid, -80.1, 90_000)


def _toponym(doc: Doc, text: str, nth: int = 0) -> Toponym:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    return Toponym((start, start + len(text)), text, text.lower())


@pytest.mark.parametrize(
    ("words", "ents", "named"),
    [
        ("The museum opens on Collins Avenue in Miami Beach .", [("Collins Avenue", "FAC")], "Collins Avenue"),
        ("He is at Derry 's Altnagelvin Hospital .", [("Derry 's Altnagelvin Hospital", "ORG")],
         "Altnagelvin Hospital"),
        ("Police went to N. Bedford Drive .", [("N. Bedford Drive", "PERSON")], "N. Bedford Drive"),
        ("Mass at the Holy Redeemer Church .", [("the Holy Redeemer Church", "ORG")], "Holy Redeemer Church"),
        # A denomination, a space station, a highway, a firm: no building in a town.
        ("A ruling by the Catholic Church .", [("the Catholic Church", "ORG")], None),
        ("Crew of the International Space Station .", [("the International Space Station", "FAC")], None),
        ("A crash on Interstate 45 .", [("Interstate 45", "FAC")], None),
        ("A report by the Pew Research Center .", [("the Pew Research Center", "ORG")], None),
    ],
)
def test_names_of_streets_and_buildings(words, ents, named):
    doc = _doc(words, ents)
    assert [doc.text[s:e] for s, e in facility_spans(doc, [])] == ([named] if named else [])


def test_a_building_a_toponym_covers_is_that_toponym():
    doc = _doc("Fans met at Kyiv Stadium .", [("Kyiv Stadium", "FAC")])
    assert facility_spans(doc, [(doc.text.index("Kyiv"), doc.text.index("Kyiv") + 15)]) == []


@pytest.mark.parametrize(
    ("words", "ents", "towns", "expected"),
    [
        # The town the text puts it in, after it or as its owner, over the article's own town.
        ("Orlando police said a museum on Collins Avenue in Miami Beach opened , Orlando said .",
         [("Orlando", "GPE"), ("Collins Avenue", "FAC"), ("Miami Beach", "GPE"), ("Orlando", "GPE")],
         [("Orlando", 0), ("Miami Beach", 0), ("Orlando", 1)], "Miami Beach"),
        ("Orlando said Miami 's Jamsil Stadium is full , Orlando said .",
         [("Orlando", "GPE"), ("Miami 's Jamsil Stadium", "FAC"), ("Orlando", "GPE")],
         [("Orlando", 0), ("Miami", 0), ("Orlando", 1)], "Miami"),
        # Else the town the article names most ...
        ("In Orlando , crews closed Royal Street ; Orlando and Tampa agreed .",
         [("Orlando", "GPE"), ("Royal Street", "FAC"), ("Orlando", "GPE"), ("Tampa", "GPE")],
         [("Orlando", 0), ("Orlando", 1), ("Tampa", 0)], "Orlando"),
        # ... but not where two towns tie, nor a name the model never tagged as a place
        # (a person's, "Rod" of "Rod Stewart", taken for a town).
        ("In Orlando and Tampa , crews closed Royal Street .",
         [("Orlando", "GPE"), ("Tampa", "GPE"), ("Royal Street", "FAC")], [("Orlando", 0), ("Tampa", 0)], None),
        ("Rod sang at the Princes Theatre ; Rod bowed .",
         [("Rod", "PERSON"), ("the Princes Theatre", "ORG"), ("Rod", "PERSON")], [("Rod", 0), ("Rod", 1)], None),
    ],
)
def test_a_building_is_placed_at_its_town(words, ents, towns, expected):
    doc = _doc(words, ents)
    toponyms = [_toponym(doc, name, nth) for name, nth in towns]
    choice = {t.key: _town(t.text, i) for i, t in enumerate(dict((t.key, t) for t in toponyms).values())}
    got = facilities_at_towns(doc, toponyms, choice, load_gazetteer())
    assert [c.name for _, c in got] == ([expected] if expected else [])


@pytest.mark.slow
def test_a_street_gets_its_towns_point_marked_as_such(nlp):
    text = "Two cyclists were hurt on Collins Avenue in Miami Beach when a delivery van swerved."
    places = {p.text: p for p in resolve_places(Analysis(article=Article(id="t", text=text)), nlp(text)).places}
    street, town = places["Collins Avenue"], places["Miami Beach"]
    assert (street.name, street.lat, street.lon, street.precision) == (town.name, town.lat, town.lon, "town")
    assert town.precision == "place"
