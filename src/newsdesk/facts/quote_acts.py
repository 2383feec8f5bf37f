"""Objects of verbs of words that are acts, not words said: an act called ("called a
strike"), an amount raised ("raised its fares"), a deed owned ("claimed responsibility"),
an act done with words ("declared a state of emergency", "asked the EU for help", "denied
the charges") and a target of force ("attacked southern Israel"). Part of the quotes stage
(``quotes._content_of``), kept apart so that each file reads in one sitting.
"""

from __future__ import annotations

from newsdesk.facts.quote_words import lemma
from newsdesk.nlp.facilities import FACILITY_WORDS

# Acts a verb of words calls or raises ("called a strike", "raised a strike", "called a
# meeting"): the object is the act, not words. Not when the verb names it ("called the
# vote a sham": an "oprd" says what, and that is a stance).
_CALLED_ACTS = frozenset({"strike", "walkout", "protest", "rally", "march", "demonstration", "boycott", "shutdown",
                          "election", "referendum", "vote", "meeting", "ceasefire", "truce", "halt", "curfew"})


def calls_an_act(verb) -> bool:
    """Only "call" and "raise": "backed the vote", "opposed the referendum" are stances
    (PolNeAR codes them; applied to every stance verb this lost two of its attributions)."""
    if lemma(verb) not in ("call", "raise"):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in _CALLED_ACTS:
        return False
    return not any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in verb.children)


# Amounts and levels one raises ("raised the price of bread", "raised its fares", "raised
# the death toll to 40"): a number put up, no words. Only these: PolNeAR's annotators mark
# a plan's "raise taxes" or "raise money" as its content, so other objects stay open.
_RAISED_AMOUNTS = frozenset({
    "price", "fare", "tariff", "rate", "cost", "fee", "wage", "salary", "pension", "rent", "level", "limit",
    "ceiling", "threshold", "toll", "number", "count", "output", "production", "supply",
})


def raises_a_thing(verb) -> bool:
    """ "raised its pump price" made the price the company's words: what "raise" puts up
    (``_RAISED_AMOUNTS``) is a number, not a thing said."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return lemma(verb) == "raise" and obj is not None and obj.lemma_.lower() in _RAISED_AMOUNTS


def owns_a_deed(verb) -> bool:
    """"A group calling itself BlackHarbor claimed responsibility on Monday" made a quote
    "responsibility": claiming or denying responsibility or credit owns a deed, it reports
    no words of its own (what it owns is in its "for" phrase, if anywhere)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return (lemma(verb) in ("claim", "deny", "take", "accept") and obj is not None
            and obj.lemma_.lower() in ("responsibility", "credit") and not any(obj.children))


# Acts done with words, whose object is the act or the thing sought, never words said
# (an act is no quote unless it says words): a state decreed ("declared a state of
# emergency", "imposed a curfew"), help sought ("asked the EU for help", "appealed for
# aid"), and a charge denied ("denied the charges": the charge is the accuser's words, the
# denier's own would be a clause, "denied that ..."). Not a deed denied ("denied any
# involvement in the attacks"), a claim about it, as PolNeAR codes it. Verb lemma -> the
# heads of such objects.
_DECREED = frozenset({"emergency", "war", "law", "curfew", "ceasefire", "truce", "independence", "lockdown",
                      "mourning", "holiday", "blockade", "quarantine", "disaster", "siege",
                      "incident"})  # "declared a critical incident": a hospital's alert level
_SOUGHT = frozenset({"help", "aid", "assistance", "funds", "funding", "money", "loan", "reinforcements",
                     "equipment", "protection", "asylum", "refuge", "supplies", "food", "shelter"})
_CHARGES = frozenset({"charge", "allegation", "accusation"})
_ACTS_DONE = {
    **dict.fromkeys(("declare", "announce", "order", "impose", "proclaim", "lift", "extend"), _DECREED),
    **dict.fromkeys(("ask", "appeal", "call", "request", "beg", "plead"), _SOUGHT),
    "deny": _CHARGES,
}


def does_an_act(verb) -> bool:
    """Whether the verb's object, or its "for" phrase, is an act or a thing sought
    (``_ACTS_DONE``): "a state of emergency" by its "of" noun, "the EU for help" by the "for"."""
    heads = _ACTS_DONE.get(lemma(verb))
    if heads is None:
        return False
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [g for c in (*verb.children, *nouns) if c.dep_ == "prep" and c.lower_ == "for"
              for g in c.children if g.dep_ == "pobj"]
    nouns += [g for n in nouns if n.lemma_.lower() == "state" for c in n.children if c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]  # "a state of emergency"
    return any(n.lemma_.lower() in heads or n.lower_ in heads for n in nouns)


# Verbs of words that are also verbs of force ("attacked the plan" / "attacked the base").
FORCE_VERBS = frozenset({"attack", "hit", "blast", "slam", "strike", "target", "assail"})
# What force, not words, is aimed at: places and things that are raided or shelled, and
# the buildings whose names the places stage reads ("stormed the prison", "attacked a
# clinic", "hit the market": a raid, never a stance on the building).
_TARGETS = FACILITY_WORDS | frozenset({
    "base", "convoy", "position", "checkpoint", "village", "town", "city", "camp", "post", "outpost", "compound",
    "building", "ship", "vessel", "tanker", "airport", "airfield", "port", "hospital", "school", "embassy",
    "station", "barracks", "border", "territory", "district", "neighbourhood", "neighborhood", "area", "region",
    "clinic", "market", "office", "headquarters", "facility", "terminal", "depot", "warehouse", "factory",
    "refinery", "pipeline", "plant", "home", "house", "farm", "bus", "truck", "car", "train", "aircraft", "plane",
})
_COMPASS = frozenset({"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west"})


def physical_target(verb) -> bool:
    """The object of a verb of force is a place or a thing that force is aimed at: a
    part of a country ("southern Israel"), a LOC or FAC name, or a target noun ("the base").
    A country or a person alone stays open ("attacked Mexico over trade" is words)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if obj.ent_type_ in ("LOC", "FAC") or obj.lemma_.lower() in _TARGETS:
        return True
    named = obj.ent_type_ == "GPE" or obj.pos_ == "PROPN"  # "northern Varga", whatever the model typed it
    return named and any(c.dep_ == "amod" and c.lower_ in _COMPASS for c in obj.children)


# Verbs of words in their other senses, told by their objects: people admitted ("the
# centre was admitting 90 patients a day"), pictures posted ("posting pictures of the
# men"), a person rung ("Blinken called Bazoum and said ..."). Verb lemma -> object heads.
# Not "shared a video" or "published photos": PolNeAR's annotators mark what is shown as
# content (adding them lost dev attributions).
_PEOPLE = frozenset({"patient", "people", "person", "student", "pupil", "child", "refugee", "migrant",
                     "casualty", "case", "member", "applicant", "visitor", "passenger"})
_IMAGES = frozenset({"picture", "photo", "photograph", "image", "video", "footage", "clip", "selfie"})
_OTHER_SENSES = {"admit": _PEOPLE, "post": _IMAGES}


def another_sense(verb) -> bool:
    """Whether the verb of words is used in a sense that says nothing (``_OTHER_SENSES``);
    "call" rings someone: its object a name (the model types some people ORG) or "him",
    with nothing said of them ("called him a liar" and "called on" keep their words).
    ("did not comment on the accusation" stays: PolNeAR marks such a topic, and dropping
    it lowered dev precision.)"""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    heads = _OTHER_SENSES.get(lemma(verb))
    if heads is not None:
        return obj.lemma_.lower() in heads or obj.lower_ in heads
    rung = obj.ent_type_ == "PERSON" or obj.pos_ == "PROPN" or obj.lower_ in ("him", "her")
    return (lemma(verb) == "call" and rung
            and not any(c.dep_ in ("oprd", "xcomp", "ccomp", "prep", "dative") for c in verb.children))
