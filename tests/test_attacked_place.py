"""An attack whose recipient names a place with "of" happens there (facts/events)."""

from __future__ import annotations

import pytest

from newsdesk.facts.events import find_events
from newsdesk.model import Analysis, Article, article_id
from newsdesk.nlp.entities import find_mentions


@pytest.mark.parametrize(("text", "place"), [
    ("The Front for Change in Chad, a rebel group, attacked the village of Ndjala on Sunday.", "Ndjala"),
    ("Gunmen attacked the village of Ndjala in eastern Chad.", "Ndjala"),
    ("The army shelled the village.", None),
])
def test_an_attack_on_the_village_of_x_happens_in_x(nlp, text, place):
    doc = nlp(text)
    analysis = find_events(find_mentions(Analysis(article=Article(id=article_id(text), text=text)), doc), doc)
    assert [e.place for e in analysis.events if e.type == "ASSAULT"] == [place]
