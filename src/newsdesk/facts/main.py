"""The main event of an article: the one event its lead reports (``python -m evals main_event``).

Method (issue 7), after Giveme5W1H (Hamborg et al. 2019), which answers who / what / when /
where from the lead with candidates scored by position, salience and agreement:

The lead is the headline, then the text's first sentences. Cleaning keeps the headline out
of the text (``Article.title``), so the stage ``find_main`` reads it on its own
(facts/headline.py) and counts the text's offsets after it, as a reader meets them.

1. Choice. The candidates are the shown (asserted or claimed) events of the lead and,
   given the parse, the main clause of each of its sentences (facts/clauses.py:
   Giveme5W1H's subject and verb phrase; a clause whose verb is an event's trigger, or
   stands in its span, is that event): a lead often reports its main event in words no
   PLOVER category covers ("Toblerone changes the shape of its bars"), and its headline's
   clause beats an event further down ("Police name the victims" over "the crash killed
   seven"). A clause that reports someone's words ("X said that ...") is no candidate
   while the lead has another: the lead's event is what happened, not that someone spoke
   of it (an event of the reported clause stays a candidate, and the reported clause
   does where the lead tells nothing itself: "Police say review finds no wrongdoing");
   nor is an event of a clause subordinate to a main clause ("[two were killed] when
   insurgents struck", "after X defeated Y"): a lead's main clause says what happened,
   its subordinates when, why or after what; nor is an event without a verb ("Fatal
   blast at market") while one with a verb remains: a noun phrase names the event, a
   clause says what happened, to whom and when (Giveme5W1H's coders mark a verb phrase
   for what); nor is a negated clause ("Korr has not commented": what did not
   happen), as the events stage reads a negated event. Each is scored
   by its position (news puts its main event first), whether it has an actor, the
   salience of that actor (how often the article names it again) and its agreement with
   the title (a lead event that repeats the headline's words is the headline's event).
2. Completion. A chosen clause whose subject names a happening, not one who acts
   ("Stabbing leaves two injured", facts/clauses.py), takes its who from the lead: the first
   actor its text names ("An armed man attacked ...", or a force of nature: "A strong
   earthquake struck ..."); a headline's actor that describes one person without naming
   anyone ("Tram crash survivor describes ...") is the person the context names as the
   actor of its first clause that reports no words, else the name the context gives the
   actor of a clause on the headline's verb ("German carmaker cuts jobs" | "Velmo said it
   would cut jobs"), as Giveme5W1H's coders answer who with a name. A chosen event without
   a place or a point in time takes them only where the text links them to it: a place or
   date of its own sentence (the headline, for the headline's event), the article's
   dateline ("BERLIN —"), or a day named in the lead; a country gives way to a town in it
   that the sentence names as a place; with none of these, the first toponym of the lead that says where ("in the
   UK"). A toponym that is the actor, or a country that owns it, is who, not where ("EU
   agrees sanctions", "Turkey's army bombs ..."). Whichever it is, a country or a region
   gives way to a town in it that the context names as where ("a blast in Velmia", then
   "the bomb went off in Ardo"), as Giveme5W1H prefers the smaller area. The publication
   date is never the event's time by itself: only a time expression of the text ("on
   Tuesday", "today") is, and not one after publication. Of the event's sentence, the day
   the parse links to its verb comes first, not one of a clause or a phrase below it ("Two
   days after Tuesday's vote, they met on Thursday").

Which toponyms of a sentence or of the lead say where, and the dateline's place, are read in
facts/main_place.py; this module chooses the event and completes it in that order.

The chosen event keeps its span (the evidence); ``model.MainEvent`` says where its
completed place and time were read (their spans, each flagged when it is in the title), so
every answer stays traced to the words it came from.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from newsdesk.corpus.relate import sentence_spans
from newsdesk.facts.arguments import _mention_name, argument, natural_force
from newsdesk.facts.clauses import OTHER, Clause, clauses, dates_verb, head_of, subordinate
from newsdesk.facts.headline import Headline, read_headline
from newsdesk.facts.lexicon import HAPPENINGS, NATURAL_FORCES
from newsdesk.facts.main_place import (
    _POSSESSIVE,
    _RANK,
    LOCATIVE_WINDOW,
    _dateline,
    _in_place,
    _inside,
    _lead_place,
    _place,
    _planned,
    _rank,
    _toponyms,
)
from newsdesk.model import Analysis, DateRef, Event, MainEvent, Place, Span
from newsdesk.nlp.dates import from_an_event
from newsdesk.nlp.doccache import doc_text

# The modalities under which the text reports an event as having happened.
SHOWN = ("asserted", "claimed")
# The lead: a title and first sentence or two (~400 characters, about 70 words); measured
# on Giveme5W1H's articles, 250-400 characters kept the main event's precision highest.
LEAD_CHARS = 400
# Where a lead date or a dateline may still complete the main event: the title, a
# standfirst and the first paragraph (on Giveme5W1H's gold articles, 59 of 85 gold
# "when" phrases start in the first 800 characters; measured with evals/main_event.py).
CONTEXT_CHARS = 800
# The share of a headline's words that a sentence of the text repeats to restate it
# (``_restating``): half. Measured on evals/main_event.py: 0.5 and 0.7 date one more
# headline's event of half A right (when 25 -> 26 of 28) and keep half B's count (25 of
# 30); 0.3 costs half B one right "when".
RESTATES = 0.5
# Weights of the candidate score. Position dominates, as in Giveme5W1H's action
# extractor (position 0.9, frequency 0.095, named entity 0.005). An actor, and one the
# article keeps naming, come next: with an actor term of 0.2, a bare headline event
# ("Fatal attack on consulate") still beats an actor event at the end of the lead, whose
# actor is more often a parse error ("car", "company"). Values chosen on
# evals/main_event.py (precision 0.558 -> 0.575 against a hard "actor first" rule).
# With the lead's clauses as candidates, a grid over the four weights (0.3-3 x 0-0.4 x
# 0-0.5 x 0-0.6) moved half A's precision by at most 0.02, and half B's the other way: kept.
W_POSITION = 0.6
W_ACTOR = 0.2
W_SALIENCE = 0.25
W_TITLE = 0.15
# Words that say nothing about which event a text is about.
_STOP_WORDS = (
    "a an the of in on at to and or for by with from as is was were be been has have had it its his her their this that"
)
_STOP = frozenset(_STOP_WORDS.split(" "))
_WORD = re.compile(r"\w+")
# A point in time at day precision (TIMEX3 ``2016-11-06``, maybe with a time of day), or a
# day relative to an undated article (``P-1D``, ``WXX-2``, or a day without its year,
# ``XXXX-11-02``; see model.DateRef).
_DAY = re.compile(r"^(?:(?:\d{4}|XXXX)-\d{2}-\d{2}|P(?:-\d+|0)D|WXX-\d)")  # not "P1D": "daily" is no day
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Labels of a mention that names whom a headline's description is of ("Clinton aide").
_NAMING_LABELS = frozenset({"PERSON", "ORG"})
# Labels of a name that may act: a person, a body, a country, a people.
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


class Candidate(NamedTuple):
    """A lead's event or main clause, where it was read (the headline or the text) and
    what may rule it out (see ``choosable``): ``verbal`` is whether it is a clause or has a
    verb in its span; ``happening`` whether it is a clause whose subject names a happening
    (facts/clauses.py: "Stabbing leaves two injured"), which scores as a clause with its actor does
    and takes its actor from the lead (``_lead_actor``); ``negated`` whether its verb is
    negated ("Korr has not commented"), which tells what did not happen."""

    event: Event
    in_title: bool = False
    reporting: bool = False
    subordinate: bool = False
    verbal: bool = False
    happening: bool = False
    reported: bool = False
    negated: bool = False


# A reader meets the title, then a paragraph break, then the text: the text's offsets in
# the lead's reading order are shifted by the title and this break (as where cleaning
# found the headline).
BREAK = "\n\n"


def find_main(analysis: Analysis, doc) -> Analysis:
    """Per-article stage (after events): the article's main event, its headline parsed on
    its own (one small parse of a few words per article)."""
    return replace(analysis, main_event=find_main_event(analysis, doc, read_headline(analysis)))


def find_main_event(analysis: Analysis, doc=None, headline: Headline | None = None) -> MainEvent | None:
    """The best-scored shown event of the lead, completed (see the module docstring).
    With the article's spaCy ``doc``, the main clauses of the lead are candidates too;
    with its ``headline`` (``read_headline``), the headline's events and clause."""
    offset = _offset(headline)
    found = lead_candidates(analysis, doc, LEAD_CHARS - offset)
    if headline is not None:
        found = lead_candidates(headline.analysis, headline.doc, LEAD_CHARS, in_title=True) + found
    every, found = found, choosable(found)  # the lead's actors stay known for _lead_actor
    if not found:
        return None
    salience = _salience(analysis)
    title = _words(analysis.article.title or "")
    restated = _restated(analysis, doc, headline, offset)

    def key(c: Candidate) -> tuple[float, int]:
        source = headline.analysis if c.in_title else analysis
        start = _start(c, offset)
        return _score(analysis, source, c, start, salience, title, c.event.span in restated), -start

    best = max(found, key=key)
    main = complete(analysis, best, headline, doc)
    if best.in_title and main.actor is None and best.event.span in restated:
        main = replace(main, actor=restated[best.event.span])
    if best.happening and main.actor is None:
        main = replace(main, actor=_lead_actor(analysis, every, offset, doc))
    elif best.in_title and doc is not None and _described(headline, best.event):
        named = (_named_person(analysis, doc, offset, best.event.actor)
                 or _restating_actor(analysis, doc, offset, headline, best.event))
        main = replace(main, actor=named or main.actor)
    return main


def _restated(analysis: Analysis, doc, headline: Headline | None, offset: int) -> dict[Span, str | None]:
    """The headline's passives without an agent ("Bank robber jailed for 12 years") that the
    lead's sentence restating the headline (``_restating``) tells again in a main clause on
    the same verb, or its participle (``_told_lemmas``): "A man who robbed six banks was
    jailed for 12 years on Monday", "Police have arrested a man"; each with the actor that
    clause names (None for a passive without agent). The lead's telling the headline's event again confirms it as the
    article's news: it scores as an event with an actor would (``_score``), where a clause
    with an actor further down the lead ("Korr, 41, admitted six robberies") would
    otherwise win by a hair; and who did it is who the lead says did it."""
    if headline is None or headline.doc is None or doc is None:
        return {}
    sentence = _restating(analysis, headline, LEAD_CHARS - offset)
    if sentence is None:
        return {}
    told = [c for c in clauses(analysis, doc, sentence[1]) if c.event.span[0] >= sentence[0] and not c.reporting]
    lemmas = {t.idx: _told_lemmas(t) for t in doc if any(c.verb == t.idx for c in told)}
    out: dict[Span, str | None] = {}
    for c in clauses(headline.analysis, headline.doc, LEAD_CHARS):
        if not c.passive or c.event.actor:
            continue
        lemma = next(t.lemma_ for t in headline.doc if t.idx == c.verb)
        again = [t for t in told if lemma in lemmas[t.verb]]
        if again:
            out[c.event.span] = next((t.event.actor for t in again if lemmas[t.verb][lemma] and t.event.actor), None)
    return out


def _told_lemmas(verb) -> dict[str, bool]:
    """The lemmas of what a lead's main clause tells, each with whether the clause's actor
    did it: its verb's, and those of the participles that say what it did ("A bomber blew
    himself up in a mosque, [killing] five": who killed the five of "Five killed in mosque
    bombing" is the bomber) or what was done to it ("A man appeared in court, [charged]
    with murder": the man did not charge himself)."""
    done = {c.lemma_: c.tag_ == "VBG" for c in verb.children if c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN")}
    return done | {verb.lemma_: True}


def _described(headline: Headline, event: Event) -> bool:
    """Whether a headline's actor describes one person (or one firm or body: "German
    carmaker cuts jobs") without naming anyone ("F1 legend
    makes emotional farewell", "Tram crash survivor recalls the night", "Minister
    resigns"): its head a singular common noun, no happening, and no person or body named
    in it ("Clinton aide" names whose aide). A headline drops the name its lead gives."""
    words = (event.actor or "").split()
    if not words or headline.doc is None:
        return False
    head = next((t for t in reversed(headline.doc) if t.text.casefold() == words[-1].casefold()), None)
    start = headline.analysis.article.text.casefold().find(event.actor.casefold())
    # a name of whose the description is ("Clinton aide"), or a name the parse tagged a
    # common noun ("Ardonia expels ..."): a name is no description
    named = any((m.label in _NAMING_LABELS or m.span[0] <= head.idx < m.span[1])
                and start <= m.span[0] < start + len(event.actor)
                for m in headline.analysis.mentions) if start >= 0 and head is not None else True
    return (head is not None and head.tag_ == "NN" and head.lemma_ not in HAPPENINGS | NATURAL_FORCES
            and not named)


def _named_person(analysis: Analysis, doc, offset: int, described: str | None = None) -> str | None:
    """The person the context names as the actor of its first clause or event that is no
    report of words ("Ana Reyes, 30, was on the tram when it derailed"): who the headline's
    description is (``_described``). None where a clause before names no person but
    the ``described`` one again, by the noun the headline gives it ("Court jails mayor" |
    "A court in Velm sentenced Ivo Korr", then "Korr plans to appeal"): the lead's own
    words for who acted, which a person acting later in it is not."""
    plural = {m.text for m in analysis.mentions if _plural_noun(doc, m.span)}
    people = {m.text for m in analysis.mentions if m.label == "PERSON"}
    people = (people | {e.name for e in analysis.entities if e.type == "PERSON"}) - plural
    head = (described or "").split()[-1:]
    told = sorted((c for c in lead_candidates(analysis, doc, CONTEXT_CHARS - offset)
                   if not c.reporting and not c.reported), key=lambda c: c.event.span[0])
    for c in told:
        if person := _person_of(analysis, doc, c, people):
            return person
        if head and head[0].casefold() in _words(c.event.actor or ""):
            return None
    return None


def _plural_noun(doc, span: Span) -> bool:
    """Whether a mention is one word the parse tags a plural common noun ("Fireworks set
    off on stage ...", which the small model may type a person when it opens a sentence):
    no one's name."""
    words = doc.char_span(*span, alignment_mode="expand") if doc is not None else None
    return words is not None and len(words) == 1 and words[0].tag_ == "NNS"


def _restating_actor(analysis: Analysis, doc, offset: int, headline: Headline, event: Event) -> str | None:
    """The name the context gives the actor of a clause on the headline's verb, which
    restates it ("German carmaker cuts 5,000 jobs" | "Velmo said it would cut 5,000
    jobs"), also in a report's words: who a headline's description of a firm, a body or a
    person is, where no person is named as acting first (``_named_person``)."""
    verb = head_of(headline.doc, event.span)
    if verb is None:
        return None
    names = {m.text for m in analysis.mentions if m.label in _ACTOR_LABELS}
    names |= {e.name for e in analysis.entities if e.type in _ACTOR_LABELS}
    found = [c for c in lead_candidates(analysis, doc, CONTEXT_CHARS - offset)
             if not c.reporting and c.event.actor in names
             and (head := head_of(doc, c.event.span)) is not None and head.lemma_ == verb.lemma_]
    first = min(found, key=lambda c: c.event.span[0], default=None)
    return first.event.actor if first else None


def _person_of(analysis: Analysis, doc, candidate: Candidate, people: set[str]) -> str | None:
    """The person a lead clause's actor names: the actor itself, or the person its subject
    names in apposition, set off by commas ("The prime minister of Velmia, Ivo Korr,
    resigned": Ivo Korr; the small model may hang the name on a noun inside the subject,
    "Velmia"). An actor in capitals is the person the article names so elsewhere ("IVO
    KORR made his farewell", a tabloid's opening, which the model tags as no one)."""
    actor = candidate.event.actor
    if actor in people:
        return actor
    if actor and actor.isupper():
        return next((p for p in sorted(people) if p.casefold() == actor.casefold()), None)
    verb = head_of(doc, candidate.event.span)
    subjects = [t for t in verb.children if t.dep_ == "nsubj"] if verb is not None else []
    if not subjects:
        return None
    named = next((t for t in subjects[-1].subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON"
                  and _set_off(t)), None)
    return _mention_name(analysis, named) if named is not None else None


def _set_off(appositive) -> bool:
    """Whether an appositive is set off by a comma before it, as a name in apposition is
    ("the head of Velm Air, Ivo Korr,"), not a name the model took for one ("the budget
    carrier Velm Air", whose "Velm Air" the small model may tag as a person)."""
    start = appositive.left_edge.i
    return start > 0 and appositive.doc[start - 1].text == ","


def _lead_actor(analysis: Analysis, found: list[Candidate], offset: int, doc) -> str | None:
    """Who acted, for a main event whose clause names only a happening ("Stabbing leaves two
    injured"): the actor of the lead's first clause or event that names one ("An armed man
    attacked ..."; a force of nature: ``_with_force``), the lead saying who where the
    headline said what happened. One who
    tells is no one who acted: "Residents said the army carried out the strike" names the
    army, not the residents, where the clause they tell names who acted; they say who
    where their sentence names no one else. ("Two people said to have injuries" tells
    nothing: the two are no tellers.)"""
    text = doc_text(doc) if doc is not None else ""
    found = [_with_force(analysis, doc, c) if c.happening else c for c in found]
    acting = [c for c in found if c.event.actor and not c.happening and not c.in_title and not _copular(doc, c)]
    first = min(acting, key=lambda c: (_sentence_of(text, c.event.span)[0], _tells(doc, c), _start(c, offset)),
                default=None)
    return first.event.actor if first else None


def _copular(doc, candidate: Candidate) -> bool:
    """Whether a lead clause's verb is a copula ("The cause is unknown", "The driver was
    drunk"): it says what its subject is, and no one acts in it."""
    verb = head_of(doc, candidate.event.span) if doc is not None else None
    return verb is not None and verb.lemma_ == "be" and verb.pos_ == "AUX"


def _with_force(analysis: Analysis, doc, candidate: Candidate) -> Candidate:
    """A lead clause whose subject names a happening, with that subject as its actor where
    it is a force of nature ("A strong earthquake struck the region", "Floods swept through
    Ardo"): no one acts in it, and it is who for the disaster, before the rescuers or the
    officials whom the lead names next (as a force that is no happening's word already is:
    "Torrential rain has killed 12")."""
    verb = head_of(doc, candidate.event.span) if doc is not None and not candidate.in_title else None
    # (the last subject: the small model may hang a second noun of the phrase on the verb,
    # "A magnitude [nsubj] 6.8 earthquake [nsubj] struck")
    subjects = [t for t in verb.children if t.dep_ == "nsubj"] if verb is not None else []
    subject = subjects[-1] if subjects else None
    if subject is None or not natural_force(subject):
        return candidate
    return candidate._replace(event=replace(candidate.event, actor=argument(analysis, subject)), happening=False)


def _tells(doc, candidate: Candidate) -> bool:
    """Whether a report of words has the clause it tells in it ("Residents said [the army
    carried out the strike]")."""
    if doc is None or not candidate.reporting:
        return False
    words = doc.char_span(*candidate.event.span, alignment_mode="expand") or ()
    return any(c.dep_ == "ccomp" for t in words for c in t.children)


# -- choice -----------------------------------------------------------------------------


def lead_candidates(analysis: Analysis, doc, end: int, *, in_title: bool = False) -> list[Candidate]:
    """The shown events that start before ``end`` and, with the ``doc``, the main clauses
    of the sentences that do, merged (``merge_clauses``) and marked as reports of words or
    parts of a subordinate clause."""
    events = [e for e in analysis.events if e.modality in SHOWN and e.span[0] < end]
    if doc is None:
        return [Candidate(e, in_title) for e in events]
    found = clauses(analysis, doc, end)
    reports = {c.event.span for c in found if c.reporting}
    happenings = {c.event.span for c in found if c.happening}
    reported = {c.event.span for c in found if c.reported}
    spans = {c.event.span for c in found}
    # "Ardo shooting": the town says where, not who, whether the events stage or the
    # parse (a gerund read as a verb) took it for the actor; the lead says who, as for a
    # clause whose subject names a happening
    towns = [e.span for e in events if _town_before(analysis, e, doc)]
    events = [replace(e, actor=None) if e.span in towns else e for e in events]
    out = []
    for e in merge_clauses(events, found):
        town = _town_before(analysis, e, doc) or any(t[0] <= e.span[0] < t[1] for t in towns)
        e = replace(e, actor=None) if town else e
        out.append(Candidate(e, in_title, e.span in reports, subordinate(doc, e.span[0], found),
                             e.span in spans or _verbal(doc, e.span), not e.actor and (e.span in happenings or town),
                             e.span in reported and e.type == OTHER, _negated(doc, e.span)))
    return out


def _negated(doc, span: Span) -> bool:
    """Whether the verb at the head of the span is negated ("has not commented", "did not
    stop"): the events stage reads its events so (modality "negated", no candidate), a
    lead's main clause (facts/clauses.py) is read here."""
    verb = head_of(doc, span)
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def _town_before(analysis: Analysis, event: Event, doc=None) -> bool:
    """Whether the event's actor is a town or a region named before the rest of its words
    ("Ardo shooting", "Velm tram crash"): it modifies a happening's noun and says where it
    happened (a country may say who: "Velmia strikes", and so may an area of no one country,
    a union of them: "EU agrees sanctions"); who did it the lead says, as for a clause whose
    subject names a happening (``Candidate.happening``). A town that is the subject of a
    verb acts, as a team, a council or a firm named for its town does ("Ardo beat Velm
    3-1", "Ardo bans cars", "Toyota to raise prices"); a gerund is the happening's noun the
    parse read as a verb ("Ardo shooting"), and a participle a noun's modifier. An event
    the events stage gave no actor, for the town it named first as its place, is read so
    too ("Ardo shooting", not "arrested in Ardo")."""
    text, (start, end) = analysis.article.text, event.span

    def where(p: Place) -> bool:  # the town's words stand where an actor's would
        if not event.actor:  # the place the events stage took it for: the event's first words
            return start == p.span[0]
        inside = start <= p.span[0] and p.span[1] < end
        return inside or p.span[1] <= start and not text[p.span[1] : start].strip()  # or right before them

    name = (event.actor or event.place or "").casefold()
    return bool(name) and any(
        name in (p.text.casefold(), p.name.casefold()) and _rank(p) < _RANK["country"] and where(p)
        and not _subject_of_verb(doc, p.span)
        for p in analysis.text_places
    )


# Tags of a verb that a town's name acts in: a tense (past, present, a modal) or the base
# form ("to raise", "will ban"), not a gerund or a participle.
_ACTING = frozenset({"VBD", "VBZ", "VBP", "MD", "VB"})


def _subject_of_verb(doc, span: Span) -> bool:
    """Whether the words at ``span`` head the subject of a verb of ``_ACTING``."""
    words = doc.char_span(*span, alignment_mode="expand") if doc is not None else None
    if not words:
        return False
    head = words.root
    return head.dep_ == "nsubj" and head.head.tag_ in _ACTING


def _verbal(doc, span: Span) -> bool:
    """Whether a verb stands in the span (``Candidate.verbal``)."""
    return any(t.pos_ in ("VERB", "AUX") for t in doc.char_span(*span, alignment_mode="expand") or ())


def choosable(found: list[Candidate]) -> list[Candidate]:
    """The candidates left when negated clauses (what did not happen), then reports of
    words, then events of subordinate clauses, then events without a verb are ruled out,
    as long as others remain (module docstring).
    A clause that a report reports (facts/clauses.py: "Police say [the review finds no
    wrongdoing]") is a claim: no candidate while the lead tells something itself, and
    before the reports when it does not; nor while the text tells something itself only
    after it ("Ivo Korr was arrested at his home, his party said. Police gave no reason."):
    the text's first report is then its news, what follows it background."""
    found = [c for c in found if not c.negated] or found
    told = [c for c in found if not c.reporting and not c.reported]
    told_in_text = [c.event.span[0] for c in told if not c.in_title]
    first = [c for c in found if c.reported and not c.reporting and not c.in_title
             and c.event.span[0] < min(told_in_text, default=0)]  # (not a quotation's: someone's words)
    found = told + first or [c for c in found if c.reported] or found
    found = [c for c in found if not c.subordinate] or found
    return [c for c in found if c.verbal] or found


def _offset(headline: Headline | None) -> int:
    """Where the text starts in the lead's reading order (``BREAK``)."""
    return len(headline.analysis.article.text) + len(BREAK) if headline is not None else 0


def _start(candidate: Candidate, offset: int) -> int:
    """Where a candidate starts in the lead's reading order: the headline first."""
    return candidate.event.span[0] + (0 if candidate.in_title else offset)


def merge_clauses(events: list[Event], found: list[Clause]) -> list[Event]:
    """The lead's events and its main clauses (facts/clauses.py); a clause whose verb is an
    event's trigger is that event, with the clause's words and, where the event has
    none, the clause's actor and recipient; so is a clause whose verb stands in an event's
    span, which the events stage read as a noun phrase ("Rebels attack" of a headline's
    "Rebels attack depot": the model tags the verb a noun, facts/clauses.py reads it again
    as a verb). A passive clause's subject is no actor, where the events stage read it as
    one (in a headline's participle: "Embassy stormed"). An event on a participle that
    shares a passive clause's "were" ("Two were killed and 84 wounded") is part of that
    clause, whose subject the events stage read as an actor ("84")."""
    joined = [v for c in found for v in c.joined]  # "and 84 [were] wounded": the clause's own
    out = [e for e in events if e.span[0] not in joined]
    for clause in found:
        # (an event, not another clause: their verbs are apart)
        around = [e for e in out if e.span[0] <= clause.verb < e.span[1] and e.type != OTHER]
        event = min(around, key=lambda e: e.span[0] != clause.verb, default=None)  # its trigger's first
        if event is None:
            out.append(clause.event)
            continue
        out.remove(event)
        mine = clause.event
        if clause.passive and event.actor in (None, mine.recipient):
            actor, recipient = mine.actor, mine.recipient or event.recipient
        else:
            actor, recipient = event.actor or mine.actor, event.recipient or mine.recipient
        out.append(replace(event, span=mine.span, actor=actor, recipient=recipient))
    return out


def _words(text: str) -> set[str]:
    return {w for w in (m.casefold() for m in _WORD.findall(text)) if w not in _STOP}


def _salience(analysis: Analysis) -> dict[str, float]:
    """Each entity's share of the article's mentions, scaled so the most named one is 1."""
    counts: dict[str, int] = {}
    for m in analysis.mentions:
        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    top = max(counts.values(), default=1)
    return {k: v / top for k, v in counts.items()}


def _actor_salience(analysis: Analysis, event: Event, salience: dict[str, float]) -> float:
    """The salience of the entity the actor names (a mention inside or around the actor)."""
    actor = (event.actor or "").casefold()
    if not actor:
        return 0.0
    named = [m.entity_id for m in analysis.mentions if _names(m.text.casefold(), actor)]
    return max((salience.get(e, 0.0) for e in named), default=0.0)


def _names(mention: str, actor: str) -> bool:
    """Whether a mention names the actor: the same name, its head ("the Brotherhood",
    "Hillary Clinton" / "Clinton"), not a modifier ("victims of the Croydon crash"), nor
    a name after a preposition that ends the actor's phrase ("rescuers in Velmia", "the
    mayor of Ardo": the rescuers and the mayor act, and the text naming Velmia or Ardo
    again says nothing of how central they are). A possessive names its owner ("Ivo Korr's"
    is Ivo Korr, whom the model's entity may take with the "'s")."""
    mention, actor = _POSSESSIVE.sub("", mention), _POSSESSIVE.sub("", actor)
    if mention.endswith(actor):
        return True
    return actor.endswith(mention) and not _PREPOSITION_BEFORE.search(actor, 0, len(actor) - len(mention))


# A preposition before a name that ends an actor's phrase ("in northern Velmia").
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|at|from|near|for|on|with|by|to)\b")


def _title_agreement(text: str, event: Event, title: set[str]) -> float:
    """Share of the event's words (its span in ``text`` and actor) that the title uses too."""
    mine = _words(text[event.span[0] : event.span[1]] + " " + (event.actor or ""))
    return len(mine & title) / len(mine) if mine and title else 0.0


def _score(analysis: Analysis, source: Analysis, candidate: Candidate, start: int, salience: dict[str, float],
           title: set[str], restated: bool = False) -> float:
    """The candidate's score: ``start`` is its place in the lead's reading order, ``source``
    the analysis it was read from (the article's or its headline's). A clause whose subject
    names a happening scores as one with an actor: it is as whole a clause, whose "who"
    the rest of the lead says (``_lead_actor``); so does a headline's event that the lead
    tells again (``restated``: ``_restated``)."""
    event = candidate.event
    position = 1 - start / LEAD_CHARS
    return (
        W_POSITION * position
        + W_ACTOR * (bool(event.actor) or candidate.happening or restated)
        + W_SALIENCE * _actor_salience(analysis, event, salience)
        + W_TITLE * _title_agreement(source.article.text, event, title)
    )


# -- completion -------------------------------------------------------------------------


# A non-restrictive relative clause that ends the span ("its operations in the region,
# which it calls counter-terrorist measures,"): it says what someone calls the event or
# adds background, not what happened.
_RELATIVE_TAIL = re.compile(r",\s+(?:which|who|whom|whose)\b[^,]*,?\s*$")


def without_relative_tail(text: str, span: Span) -> Span:
    """``span`` without a relative clause set off by a comma at its end, nor the comma."""
    m = _RELATIVE_TAIL.search(text, span[0], span[1])
    if m is None or m.start() == span[0]:
        return span
    return span[0], len(text[: m.start()].rstrip(" ,;:"))


def _as_written(words: str | None, form: str, title: str) -> str | None:
    """A headline's ``words`` as the title writes them: the parse read the title in sentence
    case (``headline.parse_form``, of the same length), so an actor named only in the
    headline would read "Lady gaga"."""
    at = form.find(words) if words else -1
    return title[at : at + len(words)] if at >= 0 and len(form) == len(title) else words


def complete(analysis: Analysis, candidate: Candidate, headline: Headline | None = None, doc=None) -> MainEvent:
    """The chosen candidate as the record, with a place and a point in time taken from the
    text linked to it: its sentence (the headline, for a headline's event), then the
    dateline and the rest of the lead (``_lead_place``, ``_when``). With the text's
    ``doc``, a day of the sentence that dates the event's own verb comes first
    (``_day_of_verb``)."""
    event, in_title = candidate.event, candidate.in_title
    source = headline.analysis if in_title and headline is not None else analysis
    text = source.article.text
    sentence = (0, len(text)) if in_title else _sentence_of(text, event.span)
    place, place_span = _place(source, sentence, event.place, event.actor)
    place_in_title = in_title and place_span is not None
    if place is None:
        place, place_span, place_in_title = _where_in_lead(analysis, headline)
    place, place_span, place_in_title = _narrowed(analysis, headline, place, place_span, place_in_title)
    verb = None if in_title or doc is None else head_of(doc, event.span)
    if (day := _day_of_verb(analysis, sentence, verb)) is not None:
        when, when_span, when_in_title = day.value, day.span, False
    elif _is_day(event.when):
        when, when_span, when_in_title = event.when, None, False
    else:
        when, when_span, when_in_title = _when(analysis, headline, sentence if not in_title else None)
    actor, recipient = event.actor, event.recipient
    if in_title and headline is not None and headline.doc is not None:
        actor, recipient = (_as_written(words, headline.doc.text, text) for words in (actor, recipient))
    span = without_relative_tail(text, event.span)
    return MainEvent(
        article_id=analysis.article.id,
        span=span,
        what=text[span[0] : span[1]],
        type=None if event.type == OTHER else event.type,
        mode=event.mode,
        actor=actor,
        recipient=recipient,
        modality=event.modality,
        claimed_by=event.claimed_by,
        place=place,
        when=when,
        in_title=in_title,
        place_span=place_span,
        place_in_title=place_in_title,
        when_span=when_span,
        when_in_title=when_in_title,
    )


def _sentence_of(text: str, span: Span) -> Span:
    return next((s for s in sentence_spans(text) if s[0] <= span[0] < s[1]), span)


def _is_day(when: str | None) -> bool:
    """Whether an event's time is a point in time, not a duration ("over 100 hours")."""
    return bool(when and _DAY.match(when))


def _narrowed(analysis: Analysis, headline: Headline | None, name: str | None, span: Span | None,
              in_title: bool) -> tuple[str | None, Span | None, bool]:
    """A country or region gives way to a town in it that the context names as a place
    (the first: "a blast in Velmia" in the headline, "in Ardo" in the lead's second
    sentence), as a country gives way in the event's sentence (``_place``); not to a town
    where a plan is to happen ("talks will be held in Ardo": ``main_place._planned``)."""
    source = headline.analysis if in_title and headline is not None else analysis
    chosen = next((p for p in _toponyms(source) if p.span == span), None)
    rank = _rank(chosen) if chosen is not None and chosen.country else 0
    if rank < _RANK["admin1"]:
        return name, span, in_title
    end = CONTEXT_CHARS - _offset(headline)
    inside = [
        p for p in _toponyms(analysis)
        if p.span[0] < end and p.country == chosen.country and _rank(p) < rank and _in_place(analysis, p.span[0])
        and not _planned(analysis.article.text, p.span[0])
    ]
    if not inside:
        return name, span, in_title
    town = min(inside, key=lambda p: (_rank(p), p.span))
    return town.name, town.span, False


def _where_in_lead(analysis: Analysis, headline: Headline | None) -> tuple[str | None, Span | None, bool]:
    """(place, span, whether the span is in the title) for an event whose sentence names
    no place: the dateline's place, else the lead's first place said as where (the
    headline's first)."""
    offset = _offset(headline)
    name, span = _dateline(analysis, CONTEXT_CHARS - offset)
    if name:
        return name, span, False
    if headline is not None:
        name, span = _lead_place(headline.analysis, LEAD_CHARS)
        if name:
            return name, span, True
    name, span = _lead_place(analysis, LEAD_CHARS - offset)
    return name, span, False


def _when(analysis: Analysis, headline: Headline | None, sentence: Span | None) -> tuple[str | None, Span | None, bool]:
    """(day, span, whether the span is in the title): a day named in the event's
    ``sentence`` of the text (None for a headline's event: the headline is its sentence,
    and the context's sentence that restates it, ``_restating``, is its sentence in the
    text), else the latest day named in the lead, the headline's and the context's: news
    reports the latest, and an earlier day of a lead is background ("Clinton blamed her
    defeat in Tuesday's election", then "on Saturday"; on Giveme5W1H's half A, 22 -> 25 of
    28 times right against the first day of the lead)."""
    offset = _offset(headline)
    days = [(d, False, d.span[0] + offset) for d in _days(analysis)]
    titled = [(d, True, d.span[0]) for d in _days(headline.analysis)] if headline is not None else []
    here = titled if sentence is None else [t for t in days if _inside(t[0].span, sentence)]
    if sentence is None and not here and (restating := _restating(analysis, headline, CONTEXT_CHARS - offset)):
        # the latest of its days, for the background it may carry as the lead does
        here = sorted((t for t in days if _inside(t[0].span, restating)), key=_latest_first)
    lead = sorted(titled + [t for t in days if t[2] < CONTEXT_CHARS], key=_latest_first)
    if sentence is None and here:  # the restating sentence's day of the event, not of its telling
        here = [t for t in here if not _dates_telling(analysis.article.text, t[0].span[0])] or here
    # "shelled the town a week before the ceasefire talks": a time counted from an event, in
    # words only; the sentence's over a day of the lead (which may be the report's), the
    # lead's where it names no day
    scopes = ([sentence] if sentence is not None else []) + ([] if lead else [(0, CONTEXT_CHARS - offset)])
    if not here and (counted := next(filter(None, (_counted_from_an_event(analysis, s) for s in scopes)), None)):
        return None, counted.span, False
    found = (here or lead or [None])[0]
    return (found[0].value, found[0].span, found[1]) if found else (None, None, False)


def _counted_from_an_event(analysis: Analysis, within: Span) -> DateRef | None:
    """The first time ``within`` a span of the text counted from an event the text names
    ("two days after the vote"), which has no calendar value (``dates.from_an_event``)."""
    text = analysis.article.text
    return next((d for d in analysis.dates if d.value is None and _inside(d.span, within)
                 and from_an_event(d.text, text[d.span[1] :])), None)


# A day right after a verb of saying dates the telling, not the event told ("drowned late
# on Wednesday, the agency said on Friday").
_TELLING = re.compile(r"\b(?:said|says|told \w+|announced|reported|added|confirmed)\s+(?:on\s+|late\s+)?$",
                      re.IGNORECASE)


def _dates_telling(text: str, start: int) -> bool:
    return _TELLING.search(text, max(0, start - LOCATIVE_WINDOW), start) is not None


def _day_of_verb(analysis: Analysis, sentence: Span, verb) -> DateRef | None:
    """The first day of the event's sentence that the parse links to the event's ``verb``
    (``clauses.dates_verb``): the time of the main clause, over a day that the events stage may
    have read from a clause or a phrase below it ("Two days after Tuesday's vote, the
    leaders met on Thursday"). None without the verb."""
    if verb is None:
        return None
    return next((d for d in _days(analysis) if _inside(d.span, sentence) and dates_verb(verb, d.span[0])), None)


def _restating(analysis: Analysis, headline: Headline | None, end: int) -> Span | None:
    """The sentence of the text before ``end`` that restates the headline: the first with
    the most of the headline's words, at least RESTATES of them ("Ardo opens new bridge
    over the Velm" | "The town of Ardo opened its new bridge over the Velm on Wednesday").
    A headline drops its day; the lead's sentence that tells the same event
    names it."""
    if headline is None:
        return None
    title, text = _words(headline.analysis.article.text), analysis.article.text
    found, most = None, 0.0
    for sentence in sentence_spans(text):
        if sentence[0] >= end or not title:
            break
        share = len(_words(text[sentence[0] : sentence[1]]) & title) / len(title)
        if share > most:
            found, most = sentence, share
    return found if most >= RESTATES else None


def _days(analysis: Analysis) -> list[DateRef]:
    """The analysis's points in time at day precision, on or before publication."""
    return [d for d in analysis.dates if _is_day(d.value) and _on_or_before(analysis, d)]


def _latest_first(day: tuple[DateRef, bool, int]) -> tuple[int, int]:
    """Sort key of (day, in title, place in the lead's reading order): the latest day
    first, then the first named; relative days (an undated article's "P-1D", "WXX-2")
    keep the order of the lead."""
    try:
        order = -date.fromisoformat((day[0].value or "")[:10]).toordinal()
    except ValueError:
        order = 0
    return order, day[2]


def _on_or_before(analysis: Analysis, day: DateRef) -> bool:
    """A reported event happened by publication: a later day is a plan, not the event."""
    published = (analysis.article.published or "")[:10]
    if not (_ISO_DAY.match(published) and _ISO_DAY.match(day.value or "")):
        return True  # nothing to compare: an undated article, or a relative day
    return day.value[:10] <= published
