"""Events in crisis reports the older tests cover little (issue 7, a fresh-text round):
strikes that kill, accidents, deployments, sanctions, hostage swaps, coups.

Sentences are written for these tests (invented places and people); the spaCy model is
the session ``nlp`` fixture.
"""

from __future__ import annotations

import pytest

from newsdesk.facts.events import find_events
from newsdesk.model import Analysis, Article, article_id
from newsdesk.nlp.entities import find_mentions


def analyse(nlp, text: str) -> Analysis:
    doc = nlp(text)
    analysis = find_mentions(Analysis(article=Article(id=article_id(text), text=text)), doc)
    return find_events(analysis, doc)


@pytest.mark.parametrize(
    "text",
    [
        "The health ministry said three civilians had been killed in the strikes near the town of Halvik.",
        "Two children were wounded in Velmian strikes on the camp overnight.",
        "Four people died in the strikes, medics said.",
    ],
)
def test_a_strike_people_are_killed_or_hurt_in_is_an_attack(nlp, text):
    types = {e.type for e in analyse(nlp, text).events}
    assert "ASSAULT" in types and "PROTEST" not in types


@pytest.mark.parametrize(
    "text",
    [
        "A methane explosion ripped through the Dorvan colliery late on Friday, killing 19 miners.",
        "A gas explosion at a bakery in Tarvik killed four workers.",
        "A gas cylinder blast killed three diners in a restaurant in Halvik.",
        # the same accident told again: no attack either
        "A boiler explosion wrecked the laundry on Monday. The blast was heard across the valley.",
    ],
)
def test_a_gas_or_methane_explosion_is_an_accident_not_an_attack(nlp, text):
    assert [e for e in analyse(nlp, text).events if e.type == "ASSAULT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb explosion killed 12 people in the market. The blast shattered windows.",
        "Two roadside blasts killed six soldiers near Tarvik.",
    ],
)
def test_a_bomb_blast_stays_an_attack(nlp, text):
    assert any(e.type == "ASSAULT" and e.mode == "explosives" for e in analyse(nlp, text).events)
