"""Event misses of issue 7 (a later round): a subject that "came under fire", a withdrawal
whose particle the parse took for a preposition, event nouns joined as one object, and a
noun a verb names its object with ("called the truce a surrender").

Sentences are written for these tests (invented places and people); the spaCy model is
the session ``staged`` fixture (conftest).
"""

from __future__ import annotations

import pytest

from newsdesk.facts.events import find_events


def _events(staged, text, kind):
    return [e for e in staged(text, find_events).events if e.type == kind]


@pytest.mark.parametrize(
    ("text", "target", "killed", "injured"),
    [
        ("The patrol came under heavy fire and three soldiers were killed.", "patrol", 3, None),
        ("The convoy came under attack near Tarvik on Monday.", "convoy", None, None),
        ("The village came under shelling overnight, and two children were wounded.", "village", None, 2),
        ("A Velmian outpost came under rocket fire on Sunday.", "outpost", None, None),
    ],
)
def test_what_came_under_fire_is_attacked_by_someone_unnamed(staged, text, target, killed, injured):
    attacks = _events(staged, text, "ASSAULT")
    assert len(attacks) == 1
    attack = attacks[0]
    assert attack.actor is None and target in (attack.recipient or "")
    assert (attack.killed, attack.injured) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        "The patrol came under heavy fire and three soldiers were killed.",
        "The minister came under pressure over the budget.",
    ],
)
def test_the_one_under_fire_or_pressure_is_no_deployment(staged, text):
    assert _events(staged, text, "MOBILIZE") == []
    if "pressure" in text:
        assert _events(staged, text, "ASSAULT") == []


@pytest.mark.parametrize(
    ("text", "actor", "place"),
    [
        ("The rebels pulled out of the town on Sunday.", "rebels", "town"),
        ("Velmian troops pulled back from the ridge.", "Velmian troops", "ridge"),
        ("Government forces have pulled out of two villages near Tarvik.", "Government forces", "villages"),
        ("The militia withdrew from the border villages.", "militia", "villages"),
    ],
)
def test_pulling_out_of_or_back_from_a_place_is_a_withdrawal(staged, text, actor, place):
    retreats = _events(staged, text, "RETREAT")
    assert [(e.mode, e.actor) for e in retreats] == [("withdraw", actor)]
    assert place in (retreats[0].recipient or "")


@pytest.mark.parametrize(
    "text",
    [
        "Forty miners were pulled out of the shaft alive.",  # survivors rescued
        "The delegates walked out of the hall.",  # a room left, no walkout
    ],
)
def test_leaving_a_room_or_a_shaft_is_no_withdrawal(staged, text):
    assert _events(staged, text, "RETREAT") == []


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("The government imposed an asset freeze and travel ban on 11 officers.", "government", "officers"),
        ("The bloc imposed an arms embargo and a travel ban on the junta.", "bloc", "junta"),
        ("Velmia announced an asset freeze and a travel ban against six generals.", "Velmia", "generals"),
    ],
)
def test_joined_event_nouns_share_the_actor_and_target(staged, text, actor, target):
    events = staged(text, find_events).events
    assert len(events) == 2
    assert all(e.actor == actor and target in (e.recipient or "") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The minister called the truce a surrender.",
        "Opposition leaders called the deal a surrender to Velmia.",
        "Rebels called the offensive an invasion.",
    ],
)
def test_a_noun_a_verb_names_its_object_with_is_a_judgement(staged, text):
    spans = [text[e.span[0]:e.span[1]] for e in staged(text, find_events).events]
    assert not any("surrender" in s or "invasion" in s for s in spans)


def test_fire_come_under_where_a_toll_verb_tells_the_attack_is_that_attack(staged):
    text = "Four Velmian border guards were killed on Monday when their jeep came under fire."
    events = staged(text, find_events).events
    assert [e.type for e in events] == ["ASSAULT"]
    assert "guards" in (events[0].recipient or "")
