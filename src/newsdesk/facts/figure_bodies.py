"""Bodies counted as the dead: "recovered three bodies", "the bodies of 12 people", "27
bodies received at the hospital" count people killed; "two governing bodies" and bodies
"counted twice" in a toll do not.

Kept apart from figures.py, whose ``_quantity`` asks ``the_dead`` of a counted noun.
"""

from __future__ import annotations

# Bodies are the dead where something shows they are people's, not bodies of people ("two
# governing bodies"): "dead bodies", "the bodies of 12 people", or a verb of finding the dead
# ("rescuers recovered three bodies", "two bodies were pulled from the rubble").
BODY_NOUNS = frozenset({"body", "corpse", "remains"})
_RECOVERY_VERBS = frozenset({"recover", "find", "pull", "retrieve", "discover", "exhume", "identify", "bury", "dig",
                             "remove", "wash", "collect", "count", "extract", "bring", "repatriate", "return", "lie"})
# Verbs that hand the dead on, to a morgue or a hospital: "the morgue received 27 bodies",
# "bodies taken to the hospital". Only with the bodies as what is handed on (an object, a
# passive's subject, a participle after them): "two bodies received funding" are agencies.
_HANDED_ON_VERBS = frozenset({"receive", "take", "carry", "transport", "deliver", "transfer", "send", "admit"})
# A count corrected, not made: bodies "counted twice", "listed by mistake", "wrongly recorded"
# were in a toll in error, and their number is how far the toll was off, no toll itself.
# Repetition marks a correction only on a verb of counting ("found again" may be a new find);
# a word of error does on any.
_COUNTING_VERBS = frozenset({"count", "list", "record", "register", "tally", "include", "report"})
_REPEATED = frozenset({"twice", "double", "again"})
_IN_ERROR = frozenset({"wrongly", "mistakenly", "erroneously", "incorrectly", "falsely", "error", "mistake"})


def _a_body(noun) -> bool:
    """"bodies", "corpses", "remains" (whose lemma the model gives as the verb's, "remain")."""
    return noun.lemma_.lower() in BODY_NOUNS or noun.lower_ in BODY_NOUNS


def the_dead(noun) -> bool:
    """Whether a counted noun counts dead people: bodies shown to be the dead ("dead bodies",
    "rescuers recovered three bodies", "the morgue received 22 bodies"), or the people of
    "the bodies of 12 people"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _a_body(noun.head.head):
        return True  # "the bodies of 12 people", "the remains of three climbers"
    if not _a_body(noun):
        return False
    if any(c.dep_ == "amod" and c.lemma_.lower() == "dead" for c in noun.children):
        return True
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and _a_verb_of_the_dead(c) for c in noun.children):
        return True  # "27 bodies received at the hospital", "the bodies recovered from the mine"
    verb = noun.head
    while noun.dep_ == "conj" and verb.head.i != verb.i:  # "found two bodies and three survivors"
        noun, verb = verb, verb.head
    if verb.lemma_.lower() in _HANDED_ON_VERBS and (noun.dep_ in ("dobj", "nsubjpass") or _bare_participle(noun, verb)):
        return True
    return (noun.dep_ in ("dobj", "nsubjpass", "nsubj") and verb.lemma_.lower() in _RECOVERY_VERBS
            and not _counted_in_error(verb))


def _bare_participle(noun, verb) -> bool:
    """"31 bodies received at the clinic bore wounds", parsed with the bodies as the subject
    of "received": a participle with no auxiliary after its noun is a passive one."""
    return noun.dep_ == "nsubj" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _a_verb_of_the_dead(verb) -> bool:
    """A verb of finding or handing on bodies, not one of counting them in error."""
    lemma = verb.lemma_.lower()
    return lemma in _HANDED_ON_VERBS or (lemma in _RECOVERY_VERBS and not _counted_in_error(verb))


def _counted_in_error(verb) -> bool:
    """"two bodies were counted twice", "were wrongly listed", "recorded by mistake": a
    correction of a count (``_REPEATED``, ``_IN_ERROR``)."""
    words = {c.lower_ for c in verb.children if c.dep_ in ("advmod", "npadvmod")}
    words |= {g.lower_ for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")
              for g in c.children if g.dep_ == "pobj"}
    repeated = verb.lemma_.lower() in _COUNTING_VERBS and bool(words & _REPEATED)
    return repeated or bool(words & _IN_ERROR)
