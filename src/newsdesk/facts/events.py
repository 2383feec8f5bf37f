"""Events: who did what to whom, where and when, coded in PLOVER categories and modes.

Method (issue 7): a trigger is a verb or noun of the lexicon (``lexicon.py``); its actor
and recipient (``arguments.py``), place, time and toll come from the dependency parse of
the trigger's own clause, or from a short explicit chain (an ``xcomp`` inherits its
governor's subject; a conjoined verb shares its subject). Precision first: GDELT's coded conflict rows were
judged ~76 % not real events at the coded place by a public audit because actor, action
and place were taken from unrelated parts of one article, so nothing here looks beyond
the trigger's clause.

Modality says whether the paper asserts the event: ``asserted``, ``claimed`` (someone's
words: "X said", "according to X"), ``denied``, ``demanded``, ``threatened``, ``future``,
``hypothetical`` or ``negated`` ("Armenia does not participate in military operations"
is not Armenia fighting); ``modality.py`` reads it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from newsdesk.facts import lexicon as lx
from newsdesk.facts.arguments import _noun_arguments, _verb_arguments, argument, natural_force
from newsdesk.facts.modality import claimant, modality
from newsdesk.facts.subjects import _subject, forces_owner
from newsdesk.facts.syntax import (
    PASSIVE_SUBJECTS,
    PLACE_LABELS,
    SUBJECTS,
    TIME_LABELS,
    _child,
    _clause_verb,
    _lemma,
    ranked_since,
    split_from_its_subject,
)
from newsdesk.facts.triggers import Trigger, absorbed, another_target, reported_must, triggers, verb_trigger
from newsdesk.model import Analysis, Event, Place
from newsdesk.nlp.doccache import doc_ents, doc_text, sentences
from newsdesk.nlp.places import place_kinds
from newsdesk.nlp.toponym_cues import ATTACKS_ON

# Fallback number words when no figure covers a toll; the figures stage reads the rest.
_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
NUMBER_WORDS = {w: i for i, w in enumerate(_SMALL_NUMBERS.split())}
# Bounds of the store's columns (store/schema.py: events.when is VARCHAR(40), tolls INTEGER);
# PostgreSQL rejects longer strings and larger integers, so such values are left out.
WHEN_MAX = 40
TOLL_MAX = 10_000_000
# Prepositions whose object says where the event happened ("marched through the city of
# Nakuru": a march, a convoy or a raid that goes through a place happens there).
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "through",
                            "from"})


# -- place, time, toll ------------------------------------------------------------------


def _span_of(tokens) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def _within(span, outer) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


# Nouns of a settlement or an area that name it with "of": "near the town of Kidal", "in
# the province of Idlib" (the place is then the "of" phrase's, the preposition the noun's).
_PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "district", "state", "county", "area",
                          "capital", "port", "suburb", "neighbourhood", "neighborhood", "governorate",
                          "municipality", "island", "enclave", "settlement", "camp"})


def _locative(ent) -> bool:
    head = ent.root
    of = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if of is not None and of.head.lemma_.lower() in _PLACE_NOUNS:
        head = of.head  # "the town of Kidal": where the town is said to be
    if head.dep_ != "pobj":
        return False
    prep = head.head
    # "killed in an air strike on the town of Kidal": an attack "on" a place is there.
    return prep.lower_ in LOCATIVE_PREPS or (prep.lower_ == "on" and prep.head.lemma_.lower() in ATTACKS_ON)


def _place(analysis: Analysis, clause, skip: set[int], aside=()) -> str | None:
    """A place said where the event happened: a toponym in the clause after "in", "near"..."""
    # The model's places, and names of another type that the places stage placed ("the town
    # of Kidal", Kidal typed NORP).
    placed = {p.span for p in analysis.text_places}
    ents = [e for e in doc_ents(clause.doc) if (e.label_ in PLACE_LABELS or (e.start_char, e.end_char) in placed)
            and clause.start <= e.start and e.end <= clause.end and not _inside(e.start_char, aside)]
    for ent in ents:
        if ent.root.i in skip or not _locative(ent):
            continue
        resolved = _place_at(analysis, ent.start_char)
        return resolved.name if resolved is not None else _with_of_place(ent, ents)
    return None


def _place_at(analysis: Analysis, offset: int) -> Place | None:
    """The place the places stage resolved at character ``offset``, if any."""
    return next((p for p in analysis.text_places if p.span[0] <= offset < p.span[1]), None)


def _attacked_place(analysis: Analysis, recipient) -> str | None:
    """The place an attack's recipient names with "of": "attacked the village of Ndjala"
    happened in Ndjala, whatever wider area the clause names ("in eastern Chad") or a
    name in the actor's phrase ("the Front for Change in Chad")."""
    if recipient is None or recipient.lemma_.lower() not in _PLACE_NOUNS:
        return None
    of = next((c for c in recipient.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    name = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
    if name is None:
        return None
    # a name the places stage placed, or one the model typed a place
    resolved = _place_at(analysis, name.idx)
    if resolved is not None:
        return resolved.name
    return argument(analysis, name) if name.ent_type_ in PLACE_LABELS else None


def _with_of_place(ent, ents) -> str:
    """An unresolved place name with the place its "of" names, which the model cut off
    ("the Gulf of" + "Oman": "Gulf of Oman", not "Gulf", another sea)."""
    doc = ent.doc
    of = ent.end - 1 if ent[-1].lower_ == "of" else ent.end
    if of >= len(doc) or doc[of].lower_ != "of":
        return ent.text
    after = next((e for e in ents if e.start == of + 1), None)
    # A name the model typed otherwise ("Hormuz" as PERSON): the proper nouns after "of".
    end = after.end if after is not None else _proper_run_end(doc, of + 1)
    if end == of + 1:
        return ent.text
    start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
    return doc[start:end].text


def _proper_run_end(doc, i: int) -> int:
    """The end of the run of capitalised proper nouns from token ``i`` (``i`` if none)."""
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        i += 1
    return i


def _when(analysis: Analysis, clause, aside=()) -> str | None:
    """The first time in the clause: a resolved date's value, else the words of a time span
    the dates stage did not read. A span it read as no date ("the past nine months", "a
    44-day war": a length of time, value None) is no answer to "when". Nor is "now"
    (PRESENT_REF): the report's own time, what an event with no time is dated by; and a vague
    time ("recently", PAST_REF) answers only where the clause names no calendar time."""
    span = (clause.start_char, clause.end_char)
    dated = [d for d in analysis.dates if _within(d.span, span) and not _inside(d.span[0], aside)]
    values = [d.value for d in dated if d.value and d.value != "PRESENT_REF"]
    texts = [v for v in values if not v.endswith("_REF")]
    texts += [e.text for e in doc_ents(clause.doc) if e.label_ in TIME_LABELS and clause.start <= e.start
              and e.end <= clause.end and not any(d.span[0] < e.end_char and e.start_char < d.span[1] for d in dated)
              and not _inside(e.start_char, aside)]
    texts += [v for v in values if v.endswith("_REF")]
    return next((t for t in texts if t and len(t) <= WHEN_MAX), None)


def _number(tok) -> int | None:
    text = tok.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(tok.lower_)


def _toll_kind(tok) -> str | None:
    """"killed" or "injured" if the number is tied to such a word within three steps up."""
    for up in (tok, tok.head, tok.head.head, tok.head.head.head):
        word = {up.lower_, _lemma(up)}
        if word & lx.KILLED_WORDS:
            return "killed"
        if word & lx.INJURED_WORDS:
            return "injured"
    return None


def _toll(analysis: Analysis, clause, aside=()) -> dict[str, int]:
    span = (clause.start_char, clause.end_char)
    out: dict[str, int] = {}
    for fig in analysis.figures:
        if fig.quantity in ("killed", "injured") and _within(fig.span, span) and not _inside(fig.span[0], aside):
            out.setdefault(fig.quantity, int(fig.value))
    for tok in clause:
        if _inside(tok.idx, aside):
            continue
        if tok.ent_type_ in TIME_LABELS:
            continue  # a year or a time is no toll: "the first official killed since 2021"
        if tok.like_num and (value := _number(tok)) is not None and (kind := _toll_kind(tok)):
            out.setdefault(kind, value)
    return {k: v for k, v in out.items() if 0 <= v <= TOLL_MAX}


# -- assembling events ------------------------------------------------------------------


def _clause(trig: Trigger):
    """The tokens the event's place, time and toll are read from: the trigger's clause; for
    an event noun in a phrase of time, the noun's own words ("On Monday, a day before the
    offensive, it let aid in": Monday is the letting's day, not the offensive's)."""
    if _time_frame(trig) is not None:
        return _words_of(trig.head)
    return _words_of(trig.light or (trig.head if trig.verbal else _clause_verb(trig.head)))


# Prepositions that set one act's time by another's: "after the clashes", "since the
# invasion", "two days before the vote".
_TIME_PREPS = frozenset({"after", "before", "since", "until", "following"})


def _time_frame(trig: Trigger):
    """The preposition of time an event noun is the object of, or None."""
    noun = trig.head
    if trig.verbal or noun.dep_ != "pobj" or noun.head.lower_ not in _TIME_PREPS:
        return None
    return noun.head


# Counted spans that move a day: "a day before", "two weeks after".
_DAYS_IN = {"day": 1, "week": 7}


def _framed_time(analysis: Analysis, trig: Trigger) -> str | None:
    """The day of an event noun a phrase of time counts from the clause's day: "On Monday,
    a day before the offensive" puts the offensive on Tuesday, "on Friday, two days after
    the attack" the attack on Wednesday. Only a counted span of days or weeks beside a day
    the clause names; anything vaguer ("weeks after the war") leaves the time open."""
    prep = _time_frame(trig)
    # the parse hangs the span above the preposition ("a day | before X") or below it
    span = next((t for t in (prep.head, *prep.children) if t.dep_ == "npadvmod"), None)
    if span is None or _lemma(span) not in _DAYS_IN:
        return None
    count = next((_number(c) for c in span.children if c.dep_ in ("nummod", "det")), None)
    count = 1 if count is None and any(c.lower_ in ("a", "one") for c in span.children) else count
    verb = _clause_verb(prep)
    words = _words_of(verb)
    day = _when(analysis, words, [_span_of(list(prep.subtree))])
    if not count or day is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return None
    shift = timedelta(days=count * _DAYS_IN[_lemma(span)])
    moved = date.fromisoformat(day) + (shift if prep.lower_ in ("before", "until") else -shift)
    return moved.isoformat()


def _words_of(root):
    """The span of a word and all that hangs on it."""
    toks = list(root.subtree)
    return root.doc[toks[0].i : toks[-1].i + 1]


# Dependents that are clauses of their own, with their own times.
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl"})


def _other_acts(trig: Trigger) -> list[tuple[int, int]]:
    """Conjoined acts on targets of their own, events of their own: the toll in them is
    theirs ("shelled the town and attacked the airport, killing five": the five were the
    airport attack's, not both). Their time and place may be the sentence's, and stay. So
    is the toll of what an "after" or "before" phrase names."""
    if not trig.verbal:
        return []
    anchor = trig.light or trig.head
    # "arrested 43 people after clashes left four dead": the dead are the clashes', at
    # another time; the arrest killed no one
    return [_span_of(list(c.subtree)) for c in anchor.children
            if another_target(c, anchor) and verb_trigger(c) is not None
            or c.dep_ == "prep" and c.lower_ in _OTHER_TIME or _clause_of_another_time(c)]


def _clause_of_another_time(child) -> bool:
    """A clause "after"/"before"/"while" … tells another act, with its own toll: "arrested
    37 people after rival supporters fought, leaving two dead" (the dead are the fight's).
    So does a finite clause with no subject behind an "after" phrase, which the parse split
    from it ("deployed the army after days of clashes left 105 dead": "left" hangs on
    "deployed", its subject inside "after days of clashes")."""
    return _marked_another_time(child) or split_from_its_subject(child)


def _marked_another_time(clause) -> bool:
    """An adverbial clause opened by "after", "before", "while" … (``_OTHER_TIME``)."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _OTHER_TIME for c in clause.children)


def _asides(trig: Trigger, clause) -> list[tuple[int, int]]:
    """Relative clauses inside the event's clause that describe a participant: their time,
    place and toll are not the event's ("Tamar Ruiz, who had joined the rally on Monday, was
    arrested": the arrest is not dated Monday). One on the event's own noun describes the
    event ("the truce that ended the 2020 war", "the attack that killed five") and stays."""
    anchor = trig.light or trig.head
    verb = anchor if trig.verbal else _clause_verb(anchor)
    own = [_span_of(list(c.subtree)) for c in anchor.children if c.i > anchor.i and _own_clause(c)
           and not (trig.category == "ASSAULT" and _its_toll(c))]
    # A frame set into the clause is the reporter's, with its own phrases: "..., the army
    # said, in the heaviest fighting this year" does not date the event this year.
    own += [_span_of(list(c.subtree)) for c in anchor.children if c.dep_ == "parataxis" and _lemma(c) in lx.REPORTING]
    if not trig.verbal:  # a noun's verb's report after it: "denied the accusation and said ... killing 17"
        own += [_span_of(list(c.subtree)) for c in verb.children if c.i > anchor.i and c.dep_ == "conj"
                and _lemma(c) in lx.REPORTING]
    own += [_span_of(list(t.subtree)) for t in clause if ranked_since(t)]  # "the deadliest attack since 2019"
    # A clause of another time with a doer of its own tells another act, at its own place and
    # time: "Fighting resumed on Wednesday, two days after the army signed a truce in Doha".
    own += [_span_of(list(c.subtree)) for c in verb.children
            if _marked_another_time(c) and _child(c, SUBJECTS) is not None and c.i != anchor.i
            and not (c.left_edge.i <= anchor.i <= c.right_edge.i)]
    return own + [_span_of(list(t.subtree)) for t in clause if _describes(t) and t.head.i != trig.head.i
                  and not (t.left_edge.i <= anchor.i <= t.right_edge.i)]


def _describes(tok) -> bool:
    """A relative clause, or a past participle that stands for one ("a nurse abducted by
    gunmen in January was freed on Monday": the abduction's January is not the release's)."""
    return tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBN")


def _own_clause(conj) -> bool:
    """A verb coordinated after the event's that is a clause of its own, with its own time
    and place: one that reports ("accused police of brutality and said they would march on
    Saturday") or has its own auxiliary or subject ("have been charged and will appear in
    court on Monday"). "stormed the village and burned the school on Monday" shares them."""
    if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX"):
        return False
    return _lemma(conj) in lx.REPORTING or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass")
                                                for c in conj.children)


def _its_toll(conj) -> bool:
    """A passive toll joined to an attack, with no doer of its own: "came under heavy fire
    and three soldiers were killed" (the dead are the attack's, though the clause has its
    own subject)."""
    return (_lemma(conj) in lx.TOLL_VERBS and _child(conj, ("nsubjpass",)) is not None
            and _child(conj, ("agent",)) is None)


def _instrument_time(analysis: Analysis, trig: Trigger) -> str | None:
    """The time of the means for the act it serves: "police used tear gas on Tuesday to
    disperse the protesters" disperses them on Tuesday. Only the time said of the means'
    verb itself, not one of its other clauses."""
    anchor = trig.light or trig.head
    head = anchor.head
    if not trig.verbal or anchor.dep_ not in ("xcomp", "advcl") or _lemma(head) not in lx.INSTRUMENT_VERBS:
        return None
    own = [_span_of(list(c.subtree)) for c in head.children if c.dep_ in _CLAUSAL]
    return _when(analysis, _words_of(head), own)


def _when_of(analysis: Analysis, trig: Trigger, clause, aside) -> str | None:
    if _time_frame(trig) is not None:  # "the offensive" of "a day before the offensive"
        return _when(analysis, clause) or _framed_time(analysis, trig)
    if _fills_a_stretch_before(trig):
        return _when(analysis, _words_of(trig.head))
    return _described_time(analysis, trig) or _when(analysis, clause, aside) or _instrument_time(analysis, trig)


def _fills_a_stretch_before(trig: Trigger) -> bool:
    """An event noun that fills a stretch of time an act comes after ("deployed the army on
    Saturday after days of clashes"): the clashes ran for days before Saturday, so the
    clause's day is not theirs. Its toll and place may still be the clause's."""
    noun = trig.head
    if trig.verbal or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    stretch = noun.head.head
    return (stretch.dep_ == "pobj" and _lemma(stretch) in lx.SPANS_OF_TIME
            and stretch.head.lower_ in ("after", "following", "since"))


def _described_time(analysis: Analysis, trig: Trigger) -> str | None:
    """An event noun's own time, from the clause that describes it: "called on Friday for an
    inquiry into the air strike that hit the market on Tuesday" dates the strike Tuesday,
    not Friday, the call's day."""
    if trig.verbal:
        return None
    described = (c for c in trig.head.children if c.dep_ in ("relcl", "acl") and c.i > trig.head.i)
    return next((t for c in described if (t := _when(analysis, _words_of(c))) is not None), None)


def _inside(char: int, spans) -> bool:
    return any(s <= char < e for s, e in spans)


def _event_span(trig: Trigger) -> tuple[int, int]:
    """The words that say the event: the trigger with its objects ("shelled the town")."""
    if not trig.verbal:
        return _span_of(list(trig.head.subtree))
    verb = trig.light or trig.head
    toks = [verb, trig.head]
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("dobj", "dative", "prt", "prep", "agent", "attr", "oprd",
                                               "acomp", "xcomp", "ccomp"):
            toks.extend(child.subtree)
            if child.dep_ in ("xcomp", "ccomp"):
                break
    start, end = _span_of(toks)
    text = doc_text(verb.doc)
    cut = text.find("\n", start, end)  # a title or paragraph ends the event's words
    return start, (cut if cut > start else end)


def _mode(trig: Trigger, clause) -> str | None:
    """The trigger's own mode, or for an ASSAULT the most specific weapon in the clause;
    a demonstration where stones fly is a riot (PLOVER PROTEST/riot: "protest violently")."""
    if trig.category == "PROTEST" and trig.mode == "demo" and any(_lemma(t) in lx.RIOT_WORDS for t in clause):
        return "riot"
    if trig.category == "MOBILIZE" and trig.mode is None:  # "ordered patrols by police" (PLOVER mode police)
        forces = (lx.FORCE_NOUNS[_lemma(t)] for t in clause if _lemma(t) in lx.FORCE_NOUNS)
        return next(forces, None)
    if trig.category != "ASSAULT" or trig.mode not in (None, "destroy"):
        return trig.mode
    other = _other_clauses(trig, clause) | _phrase_words(trig)
    found = {lx.WEAPON_MODES[_lemma(t)] for t in clause
             if _lemma(t) in lx.WEAPON_MODES and not _cease_fire(t) and t.i not in other and not _drone_kind(t)
             and not _a_pit(t) and not _a_blaze(t)}
    return next((m for m in lx.MODE_RANK if m in found), trig.mode)


def _drone_kind(tok) -> bool:
    """"suicide" of "a suicide drone": the kind of drone (a loitering munition, PLOVER's
    drone mode), no suicide attack."""
    return tok.dep_ in ("amod", "compound") and _lemma(tok.head) in ("drone", "uav")


def _a_blaze(tok) -> bool:
    """"a fire at a textile factory", "the fire": a blaze, no firearms. Gunfire is told
    without an article ("opened fire", "came under heavy fire", "sniper fire")."""
    return (_lemma(tok) == "fire" and tok.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the", "this", "that") for c in tok.children)
            and not any(c.dep_ in ("compound", "amod") and _lemma(c) in lx.WEAPON_MODES for c in tok.children))


def _a_pit(tok) -> bool:
    """A mine dug for what is in the ground, no landmine: one of a mineral ("a gold mine",
    lexicon.MINERALS), one with an owner ("the mine's owner"), one things happen at ("a
    tunnel collapsed at the mine"). "hit a mine", "killed by a mine" stay a weapon."""
    if _lemma(tok) != "mine":
        return False
    if any(_lemma(c) in lx.MINERALS or c.dep_ == "case" for c in tok.children):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("at", "inside", "into")


def _phrase_words(trig: Trigger) -> set[int]:
    """The words that make the trigger a phrase of the lexicon ("fire" of "set fire to"):
    they name the act, not a weapon ("set fire to ballot boxes" was firearms)."""
    head = trig.head
    return {c.i for c in head.children if (_lemma(head), c.lower_) in lx.PHRASAL}


def _other_clauses(trig: Trigger, clause) -> set[int]:
    """Tokens of the clauses inside the event's that have a doer of their own: their
    weapons are theirs, not the event's ("attacked the village after rebels fired
    rockets", "clashed with police who had fired tear gas"). A clause on the event's own
    noun describes the event ("an attack that used drones") and stays, and so does a
    "when" clause, which tells how ("was wounded when soldiers shelled the school")."""
    anchor = trig.light or trig.head
    out: set[int] = set()
    for t in clause:
        if t.i == anchor.i or t.dep_ not in _CLAUSAL or t.i in out or (t.dep_ == "relcl" and t.head.i == trig.head.i):
            continue
        if t.dep_ == "advcl" and not _marked_another_time(t):
            continue  # "was wounded when soldiers shelled the school": the shelling is how
        if t.dep_ == "relcl" or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            out.update(c.i for c in t.subtree)
    return out


# Markers of a clause at another time, or beside the event: its act is another one.
_OTHER_TIME = frozenset({"after", "before", "while", "since", "until", "whereas", "although", "though"})


def _attacker_mode(mode: str | None, actor) -> str | None:
    """A weapon named as the one who attacks says how, over a verb's own mode: "army
    aircraft bombed a market" is an air strike (the verb alone: explosives), "a suicide
    bomber blew himself up" a suicide attack. Only a more specific mode (``MODE_RANK``), and
    not when the verb's own mode is one of the attacker's weapons."""
    if actor is None or (mode is not None and mode not in lx.MODE_RANK):
        return mode
    named = {lx.WEAPON_MODES[_lemma(t)] for t in actor.subtree if _lemma(t) in lx.WEAPON_MODES}
    if mode in named:  # "helicopters and tanks shelled": the verb says which of them did it
        return mode
    best = next((m for m in lx.MODE_RANK if m in named), None)
    if best is None or (mode is not None and lx.MODE_RANK.index(best) >= lx.MODE_RANK.index(mode)):
        return mode
    return best


def _cease_fire(tok) -> bool:
    """The "fire" of "cease-fire", which the tokenizer splits at the hyphen."""
    return tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "cease"


def _category(trig: Trigger, mod: str) -> tuple[str, str | None, str]:
    """CAMEO's rules for intents and refusals (the event is the statement, asserted):
    not cooperating is a REJECT ("will not accept"); an intent to cooperate an AGREE
    (CAMEO 03: "will provide aid", "ready to withdraw"); an intent to coerce or attack a
    THREATEN (CAMEO 13: "plans to impose restrictions"). Else category and modality stay."""
    cooperative = trig.category in lx.COOPERATIVE or trig.category == "SUPPORT"
    if cooperative and mod == "negated" and trig.verbal:  # a refusal is a verb: "will not accept"
        return "REJECT", None, "asserted"
    if _governed_by_trigger(trig) or not trig.verbal:  # "its operations will continue" is no threat
        return trig.category, trig.mode, mod
    if mod == "future" and _condition(trig) == "unless":  # "will withdraw its force unless ...": an ultimatum
        return "THREATEN", None, "asserted"
    if cooperative and mod == "future":
        return "AGREE", None, "asserted"  # CAMEO 032 "express intent to ... (such as policy support)"
    if trig.category in lx.THREATENING and (mod == "future" or (mod == "hypothetical" and _conditional(trig))):
        return "THREATEN", None, "asserted"  # "may halt mediation if ...": a conditional threat
    return trig.category, trig.mode, mod


def _condition(trig: Trigger) -> str | None:
    """The subordinator of a condition on the trigger's verb ("if", "unless"), or None."""
    verb = trig.light or trig.head
    for clause in verb.children:
        mark = _child(clause, ("mark",)) if clause.dep_ == "advcl" else None
        if mark is not None and mark.lower_ in ("if", "unless"):
            return mark.lower_
    return None


def _conditional(trig: Trigger) -> bool:
    """A conditional act in the actor's reported words ("may halt mediation if ..., the
    minister said"); the paper's own "could attack if" is a hypothesis, not a threat."""
    verb = trig.light or trig.head
    if not (verb.dep_ in ("ccomp", "parataxis") and _lemma(verb.head) in lx.REPORTING):
        return False
    clauses = (c for c in verb.children if c.dep_ == "advcl")
    return any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for c in clauses for m in c.children)


def _demand(trig: Trigger):
    """"Libya must hand over the suspects, the minister said": a REQUEST by the minister of
    Libya (CAMEO 10). Returns (actor, recipient) tokens, or None."""
    verb = trig.light or trig.head
    if not trig.verbal or not reported_must(verb):
        return None
    return _subject(verb.head)[0], _child(verb, SUBJECTS | PASSIVE_SUBJECTS)


def _threat_mode(trig: Trigger) -> str | None:
    """What is threatened: the trigger itself when an intent became a threat, else the act
    the threat verb governs ("threatened to shell the towns" -> violence)."""
    act = trig
    if trig.category == "THREATEN":
        verb = trig.light or trig.head
        comp = _child(verb, ("xcomp", "ccomp"))
        act = verb_trigger(comp) if comp is not None and comp.pos_ in ("VERB", "AUX") else None
        if act is None:
            return None
    return lx.THREAT_MODES_BY_MODE.get(act.mode or "") or lx.THREAT_MODES.get(act.category)


def _targeted(recipient) -> bool:
    if recipient is None or recipient.tag_ in ("NNS", "NNPS") or _child(recipient, ("conj",)) is not None:
        return False
    return recipient.ent_type_ == "PERSON" or _lemma(recipient) in lx.TARGET_TITLES


def _governed_by_trigger(trig: Trigger) -> bool:
    verb = trig.light or trig.head
    return verb.dep_ == "xcomp" and _lemma(verb.head) in lx.VERBS


# Acts that happen at a place and that no state does by its capital's name: "the Paris
# protests", "the Moscow talks" are held there ("Washington sanctions" are the state's).
_HELD_AT = frozenset({"PROTEST", "CONSULT"})


def _town_before_the_noun(analysis: Analysis, actor, triggers: list[Trigger]) -> str | None:
    """The town or region set before an event noun ("Lyon clashes", "the Gaza strikes"):
    where it happened, not who acted; a country so set is the state that acts ("US
    strikes"), and so is a capital, save for acts held at a place (``_HELD_AT``). The
    place's name, else None."""
    nouns = {t.head.i: t.category for t in triggers if not t.verbal}
    if actor is None or actor.dep_ != "compound" or actor.head.i not in nouns:
        return None
    place = _place_at(analysis, actor.idx)
    if place is None:
        return None
    kinds = place_kinds(place)
    state = "country" in kinds or ("capital" in kinds and nouns[actor.head.i] not in _HELD_AT)
    return None if state else place.name


def _first_conjunct_arguments(trig: Trigger):
    """(actor, recipient) of the event noun an event noun is joined to: "imposed an asset
    freeze and travel ban on 11 officers" (the ban is imposed by the same actor on the
    same officers), "the siege and shelling of the city by X". None for a noun that heads
    its own list."""
    first = trig.head
    while not trig.verbal and first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head
    if first.i == trig.head.i:
        return None
    light = verb_trigger(first.head) if first.dep_ in ("dobj", "attr") else None
    if light is not None and light.light is not None and light.head.i == first.i:
        return _verb_arguments(light)
    return _noun_arguments(first) if _lemma(first) in lx.NOUNS else None


def _build(analysis: Analysis, trig: Trigger, merged: list[Trigger]) -> Event:
    clause = _clause(trig)
    actor, recipient = _verb_arguments(trig) if trig.verbal else _noun_arguments(trig.head)
    shared = _first_conjunct_arguments(trig)
    if shared is not None:  # "an asset freeze and travel ban on 11 officers": the ban is the imposer's too
        actor, recipient = actor or shared[0], recipient or shared[1]
    mode_source = trig
    for noun in merged:  # "the Azerbaijani shelling killed two": actor and mode from the noun
        if noun.verbal:
            continue
        n_actor, n_recipient = _noun_arguments(noun.head)
        actor = actor if actor is not None and actor.i != noun.head.i else n_actor
        recipient = recipient if recipient is not None else n_recipient  # "the attack on X killed five"
        mode_source = noun if noun.mode and not mode_source.mode else mode_source  # "hunger strike in protest"
    if (town := _town_before_the_noun(analysis, actor, [trig, *merged])) is not None:
        actor = None
    category, _, mod = _category(trig, modality(trig))
    demand = _demand(trig)
    if demand is not None:
        (actor, recipient), category, mod = demand, "REQUEST", "asserted"
    mode = _mode(mode_source, clause) if category == trig.category else None
    if category == "ASSAULT":
        mode = _attacker_mode(mode, actor)
    if category == "THREATEN":
        mode = _threat_mode(trig)
    elif category == "ASSAULT" and mode is None and _targeted(recipient):
        mode = "targeted"
    aside = _asides(trig, clause)
    place = (_attacked_place(analysis, recipient) if category == "ASSAULT" else None) or town
    place = place or _place(analysis, clause, {t.i for t in (actor, recipient) if t is not None}, aside)
    if place is None and category == "ASSAULT" and recipient is not None and recipient.ent_type_ in PLACE_LABELS:
        place = argument(analysis, recipient)  # the town that was shelled is where it happened
    toll = _toll(analysis, clause, aside + _other_acts(trig))
    return Event(
        article_id=analysis.article.id,
        span=_event_span(trig),
        type=category,
        mode=mode,
        actor=argument(analysis, forces_owner(actor) or actor),  # "its troops": whose
        recipient=argument(analysis, recipient),
        place=place,
        when=_when_of(analysis, trig, clause, aside),
        killed=toll.get("killed"),
        injured=toll.get("injured"),
        modality=mod,
        claimed_by=argument(analysis, claimant(trig)) if mod == "claimed" else None,
    )


def sentence_events(analysis: Analysis, sent) -> list[tuple[int, Event]]:
    """(depth of the trigger in the parse, event) for every event of one sentence."""
    found = triggers(sent)
    verbal = {(t.light or t.head).i: t for t in found if t.verbal}
    merged: dict[int, list[Trigger]] = {}
    kept = []
    for trig in found:
        other = absorbed(trig, verbal)
        if other is not None:
            merged.setdefault((other.light or other.head).i, []).append(trig)
        else:
            kept.append(trig)
    out = []
    for trig in kept:
        anchor = trig.light or trig.head
        event = _build(analysis, trig, merged.get(anchor.i, []))
        if _supported(trig, event, merged.get(anchor.i, [])):
            out.append((_depth(anchor), event))
    return out


def _supported(trig: Trigger, event: Event, merged: list[Trigger]) -> bool:
    """Whether the text supports the event's type: a bare toll verb needs an actor, a
    weapon or a named attack. (PLOVER's "requires_recipient" for AID, COOPERATE and
    SANCTION is not enforced: recipients are found too rarely yet, and enforcing it
    lowered the PLOVER eval's category accuracy from 0.82 to 0.80.)"""
    if trig.verbal and trig.light is None and _lemma(trig.head) in lx.TOLL_VERBS:
        if natural_force(_subject(trig.head)[0]):  # "a gas explosion killed five": the gas's mode is no weapon
            return False
        return event.actor is not None or event.mode is not None or any(not m.verbal for m in merged)
    if trig.verbal and not any(not m.verbal for m in merged):
        # An earthquake, a storm or a flood as the one that strikes, blocks or cuts off, or
        # the "by" agent of a passive (``_subject`` gives it where there is no subject): no
        # one acts, whatever the verb ("A powerful quake struck the coast", "A landslide
        # blocked the highway", "villages cut off by the earthquake"); PLOVER codes
        # political acts.
        return not natural_force(_subject(trig.light or trig.head)[0])
    return True


def _depth(tok) -> int:
    depth = 0
    while tok.head.i != tok.i:
        tok, depth = tok.head, depth + 1
    return depth


def find_events(analysis: Analysis, doc) -> Analysis:
    """Per-article stage: every event of every sentence, in text order."""
    events, notes = [], []
    for sent in sentences(doc):
        try:
            events.extend(e for _, e in sentence_events(analysis, sent))
        except Exception as exc:  # noqa: BLE001 - one odd parse must not cost the article
            notes.append(f"events: sentence at {sent.start_char} skipped ({type(exc).__name__}: {exc})")
    events = sorted((_as_riot(e) for e in events), key=lambda e: e.span)
    events = _quoted(analysis, _retold_attacks(analysis, _stamped(analysis, events)))
    return replace(analysis, events=tuple(events), notes=analysis.notes + tuple(notes))


def _quoted(analysis: Analysis, events: list[Event]) -> list[Event]:
    """An event told inside a quote or reported speech is its speaker's claim, whether or
    not the parse links the words to their frame ('"This is an attack on our democracy,"
    the minister told reporters': the parse hangs the quote on nothing that reports). Only
    what the text asserts becomes claimed; a denial, a threat or a demand stays what it is."""
    quotes = [q for q in analysis.quotes if q.speaker]
    out = []
    for e in events:
        q = next((q for q in quotes if q.span[0] <= e.span[0] and e.span[1] <= q.span[1]), None)
        out.append(replace(e, modality="claimed", claimed_by=q.speaker) if q and e.modality == "asserted" else e)
    return out


def _stamped(analysis: Analysis, events: list[Event]) -> list[Event]:
    """A live page's entries open with a time stamp on a line of its own ("10:42 GMT"):
    an event of the entry that names no time of its own is of the stamp's time."""
    text = analysis.article.text
    stamps = [d for d in analysis.dates if d.value and "T" in d.value and _a_line_alone(text, d.span)]
    if not stamps:
        return events
    out = []
    for e in events:
        before = [d for d in stamps if d.span[1] <= e.span[0]]
        out.append(replace(e, when=before[-1].value) if e.when is None and before else e)
    return out


# "killed in the attack", "wounded during the raid": an attack the text has told before.
_THE_ATTACK = re.compile(r"\b(?:in|during) the (?:\w+ )?(?:attack|raid|assault|ambush|bombing|shelling|strike|"
                         r"airstrike|air strike)\b", re.IGNORECASE)
_TOLD_AS_FACT = frozenset({"asserted", "claimed"})


def _retold_attacks(analysis: Analysis, events: list[Event]) -> list[Event]:
    """A toll "in the attack" that names no attacker is of the attack the article last told,
    where that one names its attacker: "the rebels attacked the village on Sunday ... 14
    people had been killed in the attack" is the rebels' attack, in the village, on Sunday
    (what the toll's clause says of place and time stands). An attack whose place differs,
    or a last attack with no attacker named, leaves the toll as it is."""
    text, out = analysis.article.text, []
    for e in events:
        before = [o for o in out if o.type == "ASSAULT" and o.modality in _TOLD_AS_FACT and o.span[1] <= e.span[0]]
        if (e.type != "ASSAULT" or e.actor or not before or not _THE_ATTACK.search(text[e.span[0]:e.span[1]])
                or before[-1].actor is None or (e.place and before[-1].place and e.place != before[-1].place)):
            out.append(e)
            continue
        told = before[-1]
        out.append(replace(e, actor=told.actor, mode=e.mode or told.mode, place=e.place or told.place,
                           when=e.when or told.when))
    return out


def _a_line_alone(text: str, span: tuple[int, int]) -> bool:
    start, end = span
    return (start == 0 or text[start - 1] == "\n") and text[end:].split("\n", 1)[0].strip() == ""


def _as_riot(event: Event) -> Event:
    """Violence by protesters is a violent protest (see ``lexicon.PROTESTERS``)."""
    words = (event.actor or "").casefold().split()
    if event.type == "ASSAULT" and words and words[-1] in lx.PROTESTERS:
        return replace(event, type="PROTEST", mode="riot")
    return event
