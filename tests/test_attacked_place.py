"""An attack whose recipient names a place with "of" happens there (facts/events)."""

from __future__ import annotations

import pytest

from newsdesk.facts.events import find_events
from newsdesk.model import Analysis, Article, article_id
from newsdesk.nlp.entities import find_mentions
from newsdesk.nlp.places import resolve_places


@pytest.mark.parametrize(("text", "place"), [
    ("The Front for Change in Chad, a rebel group, attacked the village of Ndjala on Sunday.", "Ndjala"),
    ("Gunmen attacked the village of Ndjala in eastern Chad.", "Ndjala"),
    ("The army shelled the village.", None),
])
def test_an_attack_on_the_village_of_x_happens_in_x(nlp, text, place):
    doc = nlp(text)
    analysis = find_events(find_mentions(Analysis(article=Article(id=article_id(text), text=text)), doc), doc)
    assert [e.place for e in analysis.events if e.type == "ASSAULT"] == [place]


@pytest.mark.parametrize(("text", "place"), [
    # The attack is a noun in the clause of the killing; "on" it names where.
    ("At least 14 people were killed in the attack on the village of Ndjala, the army said.", "Ndjala"),
    # The model types Kidal NORP here; the places stage placed it.
    ("Six people were killed in an air strike on the town of Kidal on Tuesday, officials said.", "Kidal"),
    ("Six people were killed in an air strike on Kidal on Tuesday, officials said.", "Kidal"),
    # "on" that is not an attack's names no place.
    ("Gunmen killed six people on the road to the border on Tuesday.", None),
])
def test_a_killing_in_an_attack_on_a_place_happens_there(nlp, text, place):
    doc = nlp(text)
    analysis = resolve_places(find_mentions(Analysis(article=Article(id=article_id(text), text=text)), doc), doc)
    analysis = find_events(analysis, doc)
    assert [e.place for e in analysis.events if e.type == "ASSAULT"] == [place]
