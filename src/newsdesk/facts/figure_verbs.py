"""What the verb above a count of people says they are, where figures.py's casualty words
say nothing: soldiers "taken prisoner" or "captured" are captives, no troops an army has;
people who "took part in" or "joined" a march are its protesters.

Kept apart from figures.py, whose walks up the parse call these on the counted noun or
the verb above it.
"""

from __future__ import annotations

# Verbs whose object (or passive subject) is taken captive: "the attackers captured five
# soldiers", "12 workers were abducted".
CAPTURE_VERBS = frozenset({"capture", "abduct", "kidnap"})
# "were taken prisoner", "held hostage", "took them captive": take or hold, and the noun
# that makes a captive.
_HOLDING_VERBS = frozenset({"take", "hold"})
_CAPTIVE_NOUNS = frozenset({"prisoner", "hostage", "captive"})
# Nouns of people a count of captives can be of (lemmas): a captured village or a seized
# tonne of goods is no captive.
_PEOPLE = frozenset({
    "soldier", "troop", "serviceman", "servicemen", "fighter", "marine", "peacekeeper", "officer", "policeman",
    "guard", "personnel", "people", "person", "civilian", "passenger", "worker", "student", "child", "woman",
    "man", "tourist", "journalist", "villager", "resident", "pupil", "girl", "boy", "hostage", "crew", "sailor",
})
# A gathering whose participants are protesters: "took part in the march", "joined the rally".
PROTEST_NOUNS = frozenset({"march", "rally", "protest", "demonstration", "demo", "vigil", "sit-in"})


def captured(noun, last) -> bool:
    """Whether a counted noun of people counts captives: the object or passive subject of
    a verb of capture ("captured five soldiers", "five soldiers were taken prisoner"), or a
    noun a participle of capture marks ("five captured soldiers"). ``last``: the number's
    last token, before which a modifier would be no part of the count."""
    if noun.lemma_.lower() not in _PEOPLE and noun.lower_ not in _PEOPLE:
        return False
    if any(m.dep_ == "amod" and m.i > last.i and m.lemma_.lower() in CAPTURE_VERBS for m in noun.lefts):
        return True
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    return lemma in CAPTURE_VERBS or (
        lemma in _HOLDING_VERBS and any(c.lemma_.lower() in _CAPTIVE_NOUNS for c in verb.children if c.i > noun.i))


def joins_a_protest(verb) -> bool:
    """Whether a verb's subject joins a protest: "120,000 people took part in the march",
    "150,000 had joined Saturday's march"."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "join":
        return any(o.lemma_.lower() in PROTEST_NOUNS for o in objects)
    if lemma != "take" or not any(o.lower_ == "part" for o in objects):
        return False
    return any(p.lemma_.lower() in PROTEST_NOUNS for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
               for p in c.children if p.dep_ == "pobj")
