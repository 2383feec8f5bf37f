"""Modality: how the text presents an event (issue 7), from the trigger's clause and the
verbs that govern it: ``asserted``, ``claimed`` (someone's words: "X said", "according to
X"), ``denied``, ``demanded``, ``threatened``, ``future``, ``hypothetical`` or ``negated``
("Armenia does not participate in military operations" is not Armenia fighting); and who
claims a claimed event (``claimant``). Split out of events.py, which assembles events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.facts import lexicon as lx
from newsdesk.facts.arguments import _recipient
from newsdesk.facts.quote_words import NOT_REPORTED_MARKS
from newsdesk.facts.speakers import stranded_subject
from newsdesk.facts.subjects import _resolve_pronoun, _subject
from newsdesk.facts.syntax import SUBJECTS, _child, _clause_verb, _lemma, named_in_apposition

if TYPE_CHECKING:
    from newsdesk.facts.triggers import Trigger

# Subordinators that make their clause a condition rather than a reported fact.
CONDITIONS = frozenset({"if", "unless", "until"})


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children)


def _no_one(verb) -> bool:
    """"Nobody asked us", "No one fired a shot": a subject that is no one negates the act."""
    subject = _child(verb, SUBJECTS | {"nsubjpass"})
    if subject is None:
        return False
    return subject.lower_ in lx.NO_ONE or (subject.lower_ == "one" and _negated(subject))


def _charged(verb, clause) -> bool:
    """What one is accused of is the accuser's claim: "accused rebels of shelling the town"
    (the "of" phrase), and what the parse hangs on the accusing verb as its consequence
    ("…, killing two soldiers", which is the shelling's)."""
    if _lemma(verb) not in lx.CHARGING or _lemma(verb) == "charge" and clause.dep_ != "prep":
        return False
    if clause.dep_ == "prep":
        return clause.lower_ in ("of", "for") and _child(clause, ("pcomp",)) is not None
    if clause.dep_ == "dobj":  # the parse hangs "of shelling" on the accused
        act = _charge_act(verb)
        return act is not None and act.head.head.i == clause.i
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and _charge_act(verb) is not None


def _charge_act(verb):
    """The gerund of an accusation: "shelling" in "accused X of shelling the town"."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
    if prep is None:
        obj = _child(verb, ("dobj",))  # the parse may hang "of" on the accused
        prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None) if obj else None
    return _child(prep, ("pcomp",)) if prep is not None else None


def of_time(clause) -> bool:
    """A clause of time or cause ("hours after a drone struck"), which the small model may
    make a verb of saying's complement: the writer's words, never the reported ones (here,
    and for the quotes stage's content of a frame)."""
    return any(m.dep_ == "mark" and m.lower_ in NOT_REPORTED_MARKS for m in clause.children)


def _reports(verb, clause) -> bool:
    """Whether ``verb`` is a verb of saying that reports ``clause``, its complement ("Troops
    seized the airport, the ministry said"), or a verb of accusing that charges it.
    Not when the clause stands before the verb and
    the verb reports something of its own after it: in "X launches an operation,
    separatists report shelling of Y" the separatists report the shelling, and the
    headline asserts the operation."""
    if _charged(verb, clause):
        return True
    if clause.dep_ not in ("ccomp", "parataxis") or _lemma(verb) not in lx.REPORTING:
        return False
    if of_time(clause):
        return False  # "…, the manager said, hours after a drone struck a vessel": the writer's
    own = (c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "xcomp", "ccomp") and not of_time(c))
    return clause.i > verb.i or next(own, None) is None


def _frame(verb):
    """A verb of saying set into the clause as an aside, which the parser hangs on the
    clause's verb: "Iran's navy seized a tanker, state media said, in retaliation for ..."
    (the clause goes on after it). Not one with its own object or clause."""
    frames = (c for c in verb.children if c.dep_ == "parataxis" and _lemma(c) in lx.REPORTING)
    return next((c for c in frames if _child(c, ("nsubj",)) and not _child(c, ("dobj", "ccomp", "xcomp"))), None)


def _path_to_verb(tok) -> list:
    """The tokens from a noun up to (not including) the verb of its clause."""
    path = []
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
        path.append(tok)
    return path[:-1]


def _purpose(verb) -> bool:
    """An infinitive that says what an act is for ("launched raids to free the hostages",
    "operations to disarm the militias"): the aim is not yet an event that happened."""
    infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return infinitive and verb.dep_ in ("advcl", "acl")


def _told_past_a_purpose(verb) -> bool:
    """A verb in the past joined to an infinitive of purpose, which the parse hangs on it:
    in "fired tear gas to clear the road and arrested 22 people" the arrest is told as done,
    a second act of the police, no part of what the firing was for (that would be "and
    arrest")."""
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBN") and not own_aux and _purpose(verb.head)


def _own_modality(verb) -> str | None:
    if _negated(verb):
        return "negated"
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & lx.FUTURE_AUX or ("would" in auxes and verb.dep_ == "ccomp"):  # reported "will"
        return "future"
    if auxes & lx.HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return "hypothetical"
    return None


def _according_to(verb):
    """The "to" of an "according to X" phrase in the clause, or None."""
    for tok in verb.subtree:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            return tok.nbor()
    return None


def modality(trig: Trigger) -> str:
    """How the text presents the event, from the trigger's clause and its governors."""
    if not trig.verbal and _negated(trig.head):
        return "negated"
    if trig.verbal and _no_one(trig.light or trig.head):
        return "negated"
    if not trig.verbal and any(t.lower_ in CONDITIONS for t in _path_to_verb(trig.head)):
        return "hypothetical"  # "until their surrender", "until the Armenians of X surrender'
    governor = trig.head.head
    # "demanding the resignation"; not "called the seizure unlawful", which says what it is
    if not trig.verbal and trig.head.dep_ == "dobj" and _lemma(governor) in lx.GOVERNOR_MODALITY \
            and _child(governor, ("oprd",)) is None and not named_in_apposition(trig.head):
        return lx.GOVERNOR_MODALITY[_lemma(governor)]
    tok = trig.light or (trig.head if trig.verbal else _clause_verb(trig.head))
    ongoing = not trig.verbal and trig.head.dep_ in SUBJECTS and _lemma(tok) in lx.ASPECTUAL
    for step in range(4):
        own = None if (ongoing and step == 0) else _own_modality(tok)  # "operations will continue"
        if own:
            return own
        if _purpose(tok):  # "calling for him to resign": what a demand is for is demanded
            return lx.GOVERNOR_MODALITY.get(_lemma(tok.head), "hypothetical")
        gov = tok.head
        if _told_past_a_purpose(tok):
            tok = gov.head  # "fired tear gas to clear the road and arrested 22": the arrest is the firing's peer
            continue
        if tok.dep_ in ("xcomp", "ccomp") and _lemma(gov) in lx.GOVERNOR_MODALITY:
            return lx.GOVERNOR_MODALITY[_lemma(gov)]
        if tok.dep_ == "xcomp" and (_lemma(gov) in lx.INTENT_ADJECTIVES or gov.lower_ in lx.SCHEDULED):
            return "future"
        if _reports(gov, tok) or _frame(tok) is not None:
            return "claimed"
        if tok.dep_ not in ("xcomp", "conj", "advcl", "acomp", "pcomp", "pobj", "prep") or gov.i == tok.i:
            break
        if tok.dep_ == "advcl" and _child(tok, ("mark", "advmod")) is not None:
            # "will not cease until they surrender": the negation is not the surrender's,
            # and "until" / "if" make the surrender a condition, not a fact
            mark = _child(tok, ("mark",))
            if mark is not None and mark.lower_ in CONDITIONS:
                return "hypothetical"
            break
        tok = gov
    return "claimed" if _according_to(tok) is not None else "asserted"


def claimant(trig: Trigger):
    """Who claims a claimed event: the subject of the reporting verb above the trigger's
    clause ("Soldiers seized the airport, the ministry said"), or the source of "according
    to X" (a report or a person: "according to the ministry's statement"). None if unnamed."""
    tok = trig.light or (trig.head if trig.verbal else _clause_verb(trig.head))
    for _ in range(4):
        gov = tok.head
        if _reports(gov, tok):  # "…, the police chief, Ana Diaz, said": a name the parse left hanging
            return _resolve_pronoun(_subject(gov)[0]) or stranded_subject(gov)
        if (frame := _frame(tok)) is not None:
            return _resolve_pronoun(_subject(frame)[0])
        if tok.dep_ not in ("xcomp", "conj", "advcl", "acomp", "pcomp", "pobj", "prep") or gov.i == tok.i:
            break
        tok = gov
    source = _child(to, ("pobj",)) if (to := _according_to(tok)) is not None else None
    return _recipient(source) or source  # "according to a report by X": X
