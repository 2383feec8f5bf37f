"""The main event of an article: the one event its lead reports (``python -m evals main_event``).

Method (issue 7), after Giveme5W1H (Hamborg et al. 2019), which answers who / what / when /
where from the lead with candidates scored by position, salience and agreement:

1. Choice. The candidates are the shown (asserted or claimed) events of the lead and,
   given the article's parse, the main clause of each of its sentences (facts/clauses.py:
   Giveme5W1H's subject and verb phrase; a clause whose verb is an event's trigger is that
   event): a lead often reports its main event in words no PLOVER category covers
   ("Toblerone changes the shape of its bars"), and its headline's clause beats an event
   further down ("Police name the victims" over "the crash killed seven"). A clause that
   reports someone's words ("X said that ...") is no candidate while the lead has another:
   the lead's event is what happened, not that someone spoke of it (an event of the
   reported clause stays a candidate); nor is an event of a clause subordinate to a main
   clause ("[two were killed] when insurgents struck", "after X defeated Y"): a lead's
   main clause says what happened, its subordinates when, why or after what. Each is scored
   by its position (news puts its main event first), whether it has an actor, the
   salience of that actor (how often the article names it again) and its agreement with
   the title (a lead event that repeats the headline's words is the headline's event).
2. Completion. A chosen event without a place or a point in time takes them only where the
   text links them to it: a place or date of its own sentence, the article's dateline
   ("BERLIN —"), or a day named in the lead; a country gives way to a town in it that the
   sentence names; with none of these, the first toponym of the lead that says where
   ("in the UK"). The publication date is never the event's time by itself: only a time
   expression of the text ("on Tuesday", "today") is, and not one after publication.

The chosen event keeps its span (the evidence); ``MainEvent`` says where its completed
place and time were read (their spans), so every answer stays traced to the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from newsdesk.clean.lexicon import DATELINE
from newsdesk.corpus.relate import sentence_spans
from newsdesk.facts.clauses import Clause, clauses, subordinate
from newsdesk.model import Analysis, DateRef, Event, Place, Span
from newsdesk.nlp.gazetteer import load_gazetteer, name_key

# The modalities under which the text reports an event as having happened.
SHOWN = ("asserted", "claimed")
# The lead: a title and first sentence or two (~400 characters, about 70 words); measured
# on Giveme5W1H's articles, 250-400 characters kept the main event's precision highest.
LEAD_CHARS = 400
# Where a lead date or a dateline may still complete the main event: the title, a
# standfirst and the first paragraph (on Giveme5W1H's gold articles, 59 of 85 gold
# "when" phrases start in the first 800 characters; measured with evals/main_event.py).
CONTEXT_CHARS = 800
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
# day relative to an undated article (``P-1D``, ``WXX-2``; see model.DateRef).
_DAY = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|P(?:-\d+|0)D|WXX-\d)")  # not "P1D": "daily" is no day
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Where a paragraph starts (a dateline opens one).
_PARAGRAPH = re.compile(r"(?:^|\n)[ \t]*")
# Entity labels a completed place may carry: a nationality ("German") resolved to its
# country is not where something happened.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# How large a kind of place is (nlp/gazetteer.py); a town or a building ranks 0.
_RANK = {"area": 1, "admin2": 1, "admin1": 2, "country": 3, "continent": 4}
# The preposition that makes a building's name a place: "at the",
# "in the", "outside" right before it (AT_WINDOW characters, the longest such lead-in).
_AT = re.compile(r"\b(?:at|in|inside|outside|near)(?: the)?\s+$", re.IGNORECASE)
_AT_THE = re.compile(r"\b(?:at|in|inside|outside|near) the\s+$", re.IGNORECASE)
AT_WINDOW = 12
# How far before a toponym its locative preposition may stand ("in north-western ").
LOCATIVE_WINDOW = 24
# A toponym that says where ("in the UK", "near Ardo", with a compass word "in northern
# Velmia"), not whose ("US President", "the Afghan city").
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|across|throughout)(?: the)?"
    r"(?:\s+(?:central|(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?))?\s+$",
    re.IGNORECASE,
)
# "MIRSK (HPA)": the agency that cleaning keeps beside a dateline's place (clean/text.py).
DATELINE_AGENCY = re.compile(r"\s*\([^()]*\)")
# What a web copy may leave before a dateline in its paragraph: a caption's "Photo", a
# byline ("By A and B WASHINGTON, Nov 6 (Reuters) -"); no sentence (within DATELINE_REACH
# characters of the paragraph's start, the longest such byline seen).
_BEFORE_DATELINE = re.compile(r"(?:[^\n.!?]*\s)?")
DATELINE_REACH = 80
# A photo credit's closing bracket, after which a web copy may run the dateline on.
_AFTER_CREDIT = re.compile(r"\)[ \t]+")


@dataclass(frozen=True, slots=True)
class MainEvent:
    """The article's main event, with the place and time completed from linked text.

    ``place_span`` / ``when_span`` are where the text names the place and the time (None
    when the event had them itself and its sentence does not name them, or when the
    place is the article's dateline, which cleaning keeps out of the text).
    """

    event: Event
    place: str | None = None
    place_span: Span | None = None
    when: str | None = None
    when_span: Span | None = None

    @property
    def completed(self) -> Event:
        """The event with its completed place and time."""
        return replace(self.event, place=self.place, when=self.when)


def main_event(analysis: Analysis, doc=None) -> Event | None:
    """The article's main event, place and time completed; None when the lead reports none."""
    found = find_main_event(analysis, doc)
    return found.completed if found else None


def find_main_event(analysis: Analysis, doc=None) -> MainEvent | None:
    """The best-scored shown event of the lead, completed (see the module docstring).
    With the article's spaCy ``doc``, the main clauses of the lead are candidates too."""
    lead = [e for e in analysis.events if e.modality in SHOWN and e.span[0] < LEAD_CHARS]
    if doc is not None:
        found = clauses(analysis, doc, LEAD_CHARS)
        lead = merge_clauses(lead, found)
        reports = {c.event.span for c in found if c.reporting}
        lead = [e for e in lead if e.span not in reports] or lead
        lead = [e for e in lead if not subordinate(doc, e.span[0], found)] or lead
    if not lead:
        return None
    salience = _salience(analysis)
    title = _words(analysis.article.title or "")
    best = max(lead, key=lambda e: (_score(analysis, e, salience, title), -e.span[0]))
    return complete(analysis, best)


# -- choice -----------------------------------------------------------------------------


def merge_clauses(events: list[Event], found: list[Clause]) -> list[Event]:
    """The lead's events and its main clauses (facts/clauses.py); a clause whose verb is an
    event's trigger is that event, with the clause's words and, where the event has
    none, the clause's actor and recipient. A passive clause's subject is no actor, where
    the events stage read it as one (in a headline's participle: "Embassy stormed")."""
    by_start = {e.span[0]: e for e in events}
    out = list(events)
    for clause in found:
        event = by_start.get(clause.verb)
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
    "Hillary Clinton" / "Clinton"), not a modifier ("victims of the Croydon crash")."""
    return actor.endswith(mention) or mention.endswith(actor)


def _title_agreement(analysis: Analysis, event: Event, title: set[str]) -> float:
    """Share of the event's words (its span and actor) that the title uses too."""
    text = analysis.article.text
    mine = _words(text[event.span[0] : event.span[1]] + " " + (event.actor or ""))
    return len(mine & title) / len(mine) if mine and title else 0.0


def _score(analysis: Analysis, event: Event, salience: dict[str, float], title: set[str]) -> float:
    position = 1 - event.span[0] / LEAD_CHARS
    return (
        W_POSITION * position
        + W_ACTOR * bool(event.actor)
        + W_SALIENCE * _actor_salience(analysis, event, salience)
        + W_TITLE * _title_agreement(analysis, event, title)
    )


# -- completion -------------------------------------------------------------------------


def complete(analysis: Analysis, event: Event) -> MainEvent:
    """The event with a place and a point in time taken from the text linked to it."""
    sentence = _sentence_of(analysis.article.text, event.span)
    place, place_span = _place(analysis, sentence, event.place)
    if _is_day(event.when):
        when, when_span = event.when, None
    else:
        when, when_span = _when(analysis, sentence)
    return MainEvent(event, place, place_span, when, when_span)


def _sentence_of(text: str, span: Span) -> Span:
    return next((s for s in sentence_spans(text) if s[0] <= span[0] < s[1]), span)


def _inside(span: Span, outer: Span) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _is_day(when: str | None) -> bool:
    """Whether an event's time is a point in time, not a duration ("over 100 hours")."""
    return bool(when and _DAY.match(when))


def _toponyms(analysis: Analysis) -> list[Place]:
    """Places that the entity stage also read as a place (not "German" or a person)."""
    labels = {m.span: m.label for m in analysis.mentions}
    return [p for p in analysis.places if labels.get(p.span) in PLACE_LABELS]


def _place(analysis: Analysis, sentence: Span, own: str | None) -> tuple[str | None, Span | None]:
    """The event's own place, else the first toponym or building of its sentence, else the
    dateline's place; a country or a region gives way to a town in it that the sentence
    names ("in Afghanistan's north, in Mazar-i-Sharif"), as Giveme5W1H prefers the
    smaller area."""
    toponyms = [p for p in _toponyms(analysis) if _inside(p.span, sentence)]
    here = [(p.span, p.name, _RANK.get(_kind(p), 0), p.country) for p in toponyms]
    here += [(span, name, 0, None) for span, name in _buildings(analysis) if _inside(span, sentence)]
    here.sort()
    if own:
        first = next((h for h in here if h[1] == own), (None, own, 0, None))
    elif here:
        first = here[0]
    else:
        return _dateline(analysis) if _dateline(analysis)[0] else _lead_place(analysis)
    inside = [h for h in here if h[2] < first[2] and h[3] and h[3] == first[3]]
    span, name, _, _ = min(inside, key=lambda h: (h[2], h[0])) if inside else first
    return name, span


def _lead_place(analysis: Analysis) -> tuple[str | None, Span | None]:
    """The first place of the lead after a locative preposition: where a news lead's event
    happened, when its own sentence and the dateline name no place ("Toblerone shrinks
    its bars in the UK"). The preposition says it is a place, so a resolved place counts
    whatever the model's label ("across Chicago" where "Chicago Cubs" made it an
    organisation), and so does a toponym the places stage left unresolved ("at
    Interlagos"); a nationality does not."""
    text = analysis.article.text
    labels = {m.span: m.label for m in analysis.mentions}
    found = [(p.span, p.name) for p in analysis.places if labels.get(p.span) != "NORP"]
    found += [(m.span, m.text) for m in analysis.mentions if m.label in PLACE_LABELS]
    said = [f for f in found if f[0][0] < LEAD_CHARS and _said_where(text, f[0][0])]
    span, name = min(said, default=(None, None))
    return name, span


def _said_where(text: str, start: int) -> bool:
    """Whether a locative preposition (maybe with a compass word) stands before ``start``."""
    return bool(_LOCATIVE.search(text, max(0, start - LOCATIVE_WINDOW), start))


def _kind(place: Place) -> str | None:
    """The gazetteer's kind of a resolved place: city, area, admin1, country, continent."""
    found = load_gazetteer().lookup(name_key(place.name))
    return next((c.kind for c in found if c.geonameid == place.geonameid), None)


def _buildings(analysis: Analysis) -> list[tuple[Span, str]]:
    """Named buildings after a locative preposition ("met at the White House"): no
    gazetteer holds them, and the model often tags them as organisations, which they are
    when they speak ("the White House said") but not after "at the". An organisation
    without "the" after the preposition modifies a noun instead ("in Taliban raids")."""
    text = analysis.article.text
    found = []
    for m in analysis.mentions:
        before = text[max(0, m.span[0] - AT_WINDOW) : m.span[0]]
        if (m.label == "FAC" and _AT.search(before)) or (m.label == "ORG" and _AT_THE.search(before)):
            found.append((m.span, m.text))
    return found


def _dateline(analysis: Analysis) -> tuple[str | None, Span | None]:
    """The dateline's place: cleaning's, else the first of the context's (``_datelines``)
    whose place is known."""
    article = analysis.article
    if article.dateline:
        return DATELINE_AGENCY.sub("", article.dateline).strip().title(), None
    text = article.text
    for line in _datelines(text):
        if found := _dateline_place(analysis, line):
            return found
    return None, None


def _datelines(text: str) -> Iterator[re.Match]:
    """Datelines of the context: opening a paragraph (after what a web copy may leave
    before one), or right after a photo credit's bracket ("(Photo: A. Vell) ARDO --")."""
    for m in _PARAGRAPH.finditer(text, 0, CONTEXT_CHARS):
        for line in DATELINE.finditer(text, m.end(), m.end() + DATELINE_REACH):
            if _BEFORE_DATELINE.fullmatch(text, m.end(), line.start()):
                yield line
    for m in _AFTER_CREDIT.finditer(text, 0, CONTEXT_CHARS):
        if line := DATELINE.match(text, m.end()):
            yield line


def _dateline_place(analysis: Analysis, line: re.Match) -> tuple[str, Span] | None:
    """The place of a dateline that the places stage resolved or the gazetteer knows (so
    that "BREAKING NEWS:" or "RIGHT NOW -" is no place)."""
    starts = {p.span[0]: p for p in analysis.places}
    if place := starts.get(line.start("place")):
        return place.name, place.span
    # the model tags few places in capitals ("LONDON --"): the gazetteer knows them
    if known := load_gazetteer().lookup(name_key(line["place"])):
        return known[0].name, line.span("place")
    return None


def _when(analysis: Analysis, sentence: Span) -> tuple[str | None, Span | None]:
    """A day named in the event's sentence, else the latest day named in the lead: news
    reports the latest, and an earlier day of a lead is background ("Clinton blamed her
    defeat in Tuesday's election", then "on Saturday"; on Giveme5W1H's half A, 22 -> 25
    of 28 times right against the first day of the lead)."""
    days = [d for d in analysis.dates if _is_day(d.value) and _on_or_before(analysis, d)]
    here = [d for d in days if _inside(d.span, sentence)]
    lead = sorted((d for d in days if d.span[0] < CONTEXT_CHARS), key=_latest_first)
    found = (here or lead or [None])[0]
    return (found.value, found.span) if found else (None, None)


def _latest_first(day: DateRef) -> tuple[int, int]:
    """Sort key: the latest day first, then the first named; relative days (an undated
    article's "P-1D", "WXX-2") keep the order of the text."""
    try:
        order = -date.fromisoformat((day.value or "")[:10]).toordinal()
    except ValueError:
        order = 0
    return order, day.span[0]


def _on_or_before(analysis: Analysis, day: DateRef) -> bool:
    """A reported event happened by publication: a later day is a plan, not the event."""
    published = (analysis.article.published or "")[:10]
    if not (_ISO_DAY.match(published) and _ISO_DAY.match(day.value or "")):
        return True  # nothing to compare: an undated article, or a relative day
    return day.value[:10] <= published
