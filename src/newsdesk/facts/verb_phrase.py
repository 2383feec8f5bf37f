"""The verb phrase of a lead's main clause: what happened, as a careful reader marks it
(issue 7, the main event; facts/clauses.py finds the clause).

The verb with its auxiliaries, objects and complements and its first preposition of
argument, without adjuncts of time or circumstance, clauses that comment on its nouns or
what a comma of the verb's own or a headline's separator sets off (see ``verb_phrase``).
Moved out of facts/clauses.py, past the ~800 lines a newcomer reads in one sitting.
"""

from __future__ import annotations

from newsdesk.facts.lexicon import FEELING_VERBS, PARTICLES
from newsdesk.facts.syntax import _lemma

# A noun's part of speech, as a headline's subject ends in one.
HEADS = frozenset({"NOUN", "PROPN"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# The verb's dependents that say what was done: particles, objects and complements.
VP_DEPS = frozenset({"dobj", "dative", "prt", "attr", "oprd", "acomp", "xcomp", "ccomp", "neg", "agent"})
VP_LEFT = frozenset({"aux", "auxpass", "neg"})
# Prepositions that open an adjunct of time or circumstance, not an argument of the verb
# ("win the Series after a showdown", "stands by its decision after a review"); any
# preposition does whose object is a time ("on Monday": ``_adjunct``). "because [of]"
# says why ("recalls cars [because of a fault]"), the why of a 5W1H answer, as "despite"
# says against what.
ADJUNCT_PREPS = frozenset({"after", "before", "during", "since", "until", "following", "amid", "despite", "as",
                           "because"})
# Prepositions that open an adjunct of place when their object is a place's name ("derails
# [in Ardo]", "opened fire [near Velm]"): where it happened is the main event's own answer
# (facts/main.py), not part of what happened, as a time is not. Not "at", which names a
# venue ("meet at the White House", kept by Giveme5W1H's coders), nor "to" / "from" / "into",
# whose place is where someone goes, an argument of the verb ("moved to Ardo").
PLACE_PREPS = frozenset({"in", "near", "outside", "inside", "across", "throughout"})
PLACE_ENTITIES = frozenset({"GPE", "LOC"})
# Prepositions whose object, a length of time ("jailed for 12 years", "sentenced to five
# years", "banned for six months"), says how long the verb's event holds: a sentence's or
# a ban's length is part of what happened, and no point in time that answers when.
SPAN_PREPS = frozenset({"for", "to"})
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute"})
# Prepositions that say why someone feels as a verb of feeling says ("angered over the
# cuts", "shocked at the news", "worried about jobs").
CAUSE_PREPS = frozenset({"over", "at", "about"})
# Punctuation that ends no verb phrase: what stands before a clause the phrase leaves out.
TRAILING = frozenset({",", ";", ":", "-", "–", "—"})
# What a phrase of the verb phrase leaves out: clauses about its nouns ("victims of the
# crash that killed seven").
PHRASE_CUT = frozenset({"relcl", "acl", "advcl", "parataxis"})


def _in(tok, seg) -> bool:
    return seg.start <= tok.i < seg.end


def _feels(verb) -> bool:
    """A participle of a verb of feeling without its agent ("Fans are outraged [over the
    change]"; with one, "angered by the council", the council did it): it says how its
    subject feels (``lexicon.FEELING_VERBS``)."""
    return (verb.tag_ == "VBN" and _lemma(verb) in FEELING_VERBS
            and not any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in verb.children))


def verb_phrase(verb, seg) -> tuple[int, int]:
    """The span of the verb with its auxiliaries, objects, complements and first
    preposition of argument, up to an adjunct of time or circumstance: what the parse
    attaches to the verb after one is the adjunct's ("found dead in a well [after a long
    search]", where the model may read "search" as the verb's object)."""
    toks = [verb, *(c for c in verb.children if c.dep_ in VP_LEFT and c.i < verb.i)]
    feels = _feels(verb)
    # a point in time set right after the verb ("searched [on Thursday] for a gunman",
    # "promised [on Monday] to resign") ends no phrase: news puts its day there, and what
    # follows is still the verb's
    adjuncts = [c.i for c in verb.children
                if c.i > verb.i and c.dep_ == "prep" and _adjunct(c, feels) and not _dated_right_after(c, verb)
                and not _placed(c)]
    # a comma of the verb's own after its words sets off what follows from the phrase: a
    # noun phrase that comments on the whole ("bought Velmio for $2bn[, its largest deal]",
    # "cut 400 jobs[, the third round this year]", which the parse may take for a second
    # object or hang on the first) or a clause after it
    comma = min((c.i for c in verb.children if c.i > verb.i and c.dep_ == "punct" and c.text in TRAILING),
                default=seg.end)
    # nor does it run past a separator that ends a headline's words, wherever the parse
    # hangs it: a site's name ("win the league [- BBC News]", "[| Reuters]") or a label
    # in brackets ("[(VIDEO)]")
    comma = min([comma, *(t.i for t in verb.doc[verb.i + 1 : seg.end] if _separator(t))])
    end = min(adjuncts, default=seg.end)
    preps = 0
    for child in verb.children:
        if child.i < verb.i or child.i > end or not _in(child, seg):
            continue
        if child.dep_ in VP_DEPS or _particle(child, verb):
            toks.extend(_phrase(child, seg))
        elif child.dep_ == "prep" and not _adjunct(child, feels) and not preps:
            toks.extend(_phrase(child, seg) + _lost_object(child, verb, seg))
            preps += 1
        elif _run_on_noun(child, toks, seg):
            toks.extend(_phrase(child, seg))
        elif _infinitive_after(child, toks, seg):  # "to" and the infinitive's own phrase
            end_char = verb_phrase(child, seg)[1]
            toks.extend(t for t in seg if child.left_edge.i <= t.i and t.idx < end_char)
    toks = sorted((t for t in toks if t.i < comma), key=lambda t: t.i)
    while len(toks) > 1 and toks[-1].text in TRAILING:  # "removed the roof[,] which ..."
        toks.pop()
    return toks[0].idx, max(t.idx + len(t) for t in toks)


def _placed(prep) -> bool:
    """Whether a preposition opens an adjunct of place and nothing else ("march [in
    Ardo] against the cuts"): it is left out of the phrase, but what the verb takes after
    it is still the verb's, as it is after a day set right after the verb."""
    return (prep.lower_ in PLACE_PREPS and prep.lower_ not in ADJUNCT_PREPS
            and any(c.dep_ == "pobj" and c.ent_type_ in PLACE_ENTITIES for c in prep.children))


def _run_on_noun(tok, toks: list, seg) -> bool:
    """Whether the small model hung the words right after the phrase so far on the verb as
    an adverbial noun, where they are its object or the end of its last noun ("quake
    strikes [southern Peru]", "resigns over expenses [row]"): a noun phrase that starts
    where the phrase ends and names no time ("won 2-1 [last week]")."""
    return (tok.dep_ == "npadvmod" and tok.pos_ in HEADS and _in(tok, seg)
            and tok.left_edge.i == max(t.i for t in toks) + 1
            and not any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree))


def _infinitive_after(tok, toks: list, seg) -> bool:
    """Whether an infinitive right where the phrase so far ends is what the verb led to
    ("rally [to beat Broncos]", "came from behind [to beat Ardo 2-1]"), which the small
    model may read as a clause of purpose (advcl) where it is the verb's complement."""
    return (tok.dep_ == "advcl" and tok.tag_ == "VB" and _in(tok, seg)
            and tok.left_edge.lower_ == "to" and tok.left_edge.i == max(t.i for t in toks) + 1)


def _separator(tok) -> bool:
    """A bar, an opening bracket, or a dash set off by spaces (not "start-up")."""
    if tok.text in ("|", "("):
        return True
    return tok.text in ("-", "–", "—") and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def _particle(tok, verb) -> bool:
    """Whether an adverb right after the verb is its particle, which the small model tags
    an adverb in a headline ("nurses walk [out] in London", advmod): the verb's meaning
    is the two words ("walk out", "step down")."""
    return tok.dep_ == "advmod" and tok.i == verb.i + 1 and tok.lower_ in PARTICLES


def _dated_right_after(prep, verb) -> bool:
    """Whether a preposition whose object is a time ("on Thursday") follows the verb with
    nothing but its auxiliaries' words between ("were searching on Thursday", not
    "found a boy on Thursday")."""
    if prep.lower_ in ADJUNCT_PREPS or not any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME")
                                               for c in prep.children):
        return False
    return all(t.dep_ in ("neg", "advmod", "prt") for t in verb.doc[verb.i + 1 : prep.i])


def _lost_object(prep, verb, seg) -> list:
    """The object of a preposition that the parse left without one, hung on the verb as an
    adverb instead: the verb's next dependent right after it, with its words ("trapped
    in [well]", "fell down an abandoned [well]": the small model reads the noun "well" as
    the adverb). A preposition ends no phrase of what happened."""
    if any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        return []
    after = [c for c in verb.children if c.i > prep.i and _in(c, seg)]
    lost = min(after, key=lambda c: c.i, default=None)
    if lost is None or lost.dep_ not in ("advmod", "npadvmod") or lost.left_edge.i != prep.i + 1:
        return []
    return [t for t in lost.subtree if _in(t, seg)]


def _adjunct(prep, feels: bool = False) -> bool:
    """A preposition that opens an adjunct of time, place or circumstance: one of
    ADJUNCT_PREPS, one whose object is a time ("was arrested [on Monday]", "met [in May]"),
    or one of PLACE_PREPS whose object is a place's name ("derails [in Ardo]"); after a
    verb of feeling (``feels``, ``_feels``), one of CAUSE_PREPS: what they feel it over is
    why ("are angered [over rail cuts]"), the why of a 5W1H answer, not what happened."""
    if prep.lower_ in ADJUNCT_PREPS or (feels and prep.lower_ in CAUSE_PREPS):
        return True
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if prep.lower_ in SPAN_PREPS and any(_length(c) for c in objects):
        return False  # "jailed [for 12 years]", "sentenced [to five years]": how long, no when
    return any(c.ent_type_ in ("DATE", "TIME") for c in objects) or (
        prep.lower_ in PLACE_PREPS and any(c.ent_type_ in PLACE_ENTITIES for c in objects))


def _length(noun) -> bool:
    """Whether a preposition's object is a length of time counted in units ("12 years",
    "five months"), not a point in time ("last year", "May")."""
    return noun.lemma_ in TIME_UNITS and any(c.dep_ == "nummod" for c in noun.children)


def _phrase(tok, seg) -> list:
    """A dependent's words, without its clauses, adjuncts and the next link of a chain of
    prepositions ("at the House [for talks with X]"; "of" phrases stay: "head of the FBI"),
    nor a conjunct that is the subject of the next clause (``_next_subject``)."""
    out = [tok]
    cut = [c for c in tok.children if c.dep_ == "conj" and _next_subject(c)]
    for child in tok.children:
        if not _in(child, seg) or (child.dep_ in PHRASE_CUT and child.i > tok.i and not _defining(child, tok)):
            continue
        if child in cut or (child.dep_ == "cc" and any(c.left_edge.i == child.i + 1 for c in cut)):
            continue
        if child.dep_ == "prep" and (_adjunct(child) or (tok.dep_ == "pobj" and child.lower_ != "of")):
            continue
        out.extend(_phrase(child, seg))
    return out


def _next_subject(noun) -> bool:
    """Whether a noun the parse coordinated with an object is the subject of the clause
    coordinated after it ("changes its logo [and customers] are unhappy"): a verb right
    after the noun's words, coordinated with another and without a subject of its own."""
    doc = noun.doc
    if noun.right_edge.i + 1 >= len(doc):
        return False
    verb = doc[noun.right_edge.i + 1]
    return (verb.pos_ in ("VERB", "AUX") and verb.dep_ == "conj"
            and not any(c.dep_ in SUBJECTS for c in verb.children))


def _defining(clause, noun) -> bool:
    """Whether a noun's clause says which thing the verb phrase is about, so belongs to it:
    a noun's infinitive complement ("decision not to charge him", "a bid to end the
    strike"), or a restrictive relative clause of the verb's object ("lifted a ban that
    had kept boats in port": no comma, not "which"). A non-restrictive one adds a comment
    ("describes the storm, which ..."), a participle or an adverbial clause a circumstance."""
    if (clause.dep_ in ("acl", "relcl") and noun.pos_ == "NOUN" and clause.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)):
        return True  # (an infinitive the parse reads as a relative clause too: "first woman to lead")
    return clause.dep_ == "relcl" and noun.dep_ == "dobj" and _restrictive(clause, noun)


def _restrictive(clause, noun) -> bool:
    """A relative clause without a comma after its noun and not opened by "which", nor by
    "who" ("reach a boy [who fell into a well]"): a clause about a person tells who they
    are, background to the event, not which thing the verb acts on."""
    first = clause.doc[min(t.i for t in clause.subtree)]
    between = clause.doc[noun.i + 1 : first.i]
    return (first.lower_ not in ("which", "who", "whom", "whose") and not any(t.text == "," for t in between)
            and first.i > noun.i)
