"""Compare: per story, merge what its articles report into one dossier.

``build_dossier(analyses, relations)`` is a pure function of the story's analyses and the
relations between them; the corpus stage ``compare`` stores its result for every story
a batch touched. The dossier holds, in the export contract's shapes:

- ``timeline``: the articles in reporting order, dated by publication or by the text
  (an undated article's own dates and event times are then resolved against the day the
  story gives it: ``anchor_undated``);
- ``figures``: values per quantity and subject, each group judged agree / progression /
  conflict / single;
- ``quotes``: by speaker, the same words from copies merged;
- ``events``: event mentions merged into story events, with counts of articles and of
  independent sources (copies of one original count once);
- ``sources``: outlets, the copy tree, and what each independent source alone reports;
- ``summary``: 3–7 sentences covering the main events and figures, with citations.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypeVar

from spacy.lang.en.stop_words import STOP_WORDS  # a word list only: no model is loaded

from newsdesk.corpus.relate import sentence_spans
from newsdesk.facts.figures import QUANTITY_OF, incident_kind
from newsdesk.model import Analysis, Event, Figure, FigureStatus, Relation, Span
from newsdesk.nlp.dates import anchor_dates

# Relations that make one article a retelling of another: they share one origin, so
# they are one independent source (a wire story run by twenty outlets is one source).
DERIVED = frozenset({"exact_copy", "near_copy", "rewrite"})

# Quantities that only grow as a story goes on: a later, higher value is progress, not a
# contradiction ("two dead" on day one, "27 deaths" on day two).
CUMULATIVE = frozenset({"killed", "injured", "wounded", "missing", "displaced", "arrested", "evacuated", "affected"})

# Quantities that two reports of one event can state about the same thing (tolls, troops,
# population). Durations, distances, money and generic counts in different sentences are
# about different things, so setting them side by side would only invent conflicts.
COMPARABLE = frozenset(QUANTITY_OF.values())

SUMMARY_MIN, SUMMARY_MAX = 3, 7
# The summary tells at most this many developments after the main event, so that figures
# and quotes keep at least three of its seven sentences.
DEVELOPMENTS_MAX = 3

T = TypeVar("T")

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# An undated article's weekday on or before its own day (nlp/dates: "WXX-4", not the
# "WXX-4<" strictly before nor the "WXX-5>" after, "will travel on Friday").
_ON_OR_BEFORE = re.compile(r"WXX-[1-7]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:T[\d:]+)?")
_YEARISH = re.compile(r"\d{3}[\dX]")  # a year or a decade: "2020", "199X"
# An event dated this long before a story's first report is one the story recalls (the
# last war, an earlier ceasefire), not one it reports: a month is longer than the span of
# most breaking stories, shorter than the gap to the background events news recalls.
BACKGROUND_DAYS = 30


# -- independent sources --------------------------------------------------------------


def origins(article_ids: Iterable[str], relations: Iterable[Relation]) -> dict[str, str]:
    """Each article's original: follow copy -> source links to the root (union-find)."""
    parent = {i: i for i in article_ids}
    for r in relations:
        if r.kind in DERIVED and r.source in parent and r.copy in parent:
            _join(parent, r.source, r.copy)
    return {i: _root(parent, i) for i in parent}


def _root(parent: dict, x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _join(parent: dict, a, b) -> None:
    """Union: ``b``'s group joins ``a``'s (the first keeps its root)."""
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[rb] = ra


# -- when each article reports --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportTime:
    """When an article reports: ``key`` sorts, ``label`` shows, ``basis`` says how we know."""

    key: tuple
    label: str
    basis: str  # published | text | unknown


def report_time(analysis: Analysis, seq: int) -> ReportTime:
    """Publication date if given; else the latest ISO date the text resolves to; else
    the latest weekday the text names as on or before its own day (an article reports up
    to its own day; a weekday it looks forward to is no report day).

    Weekdays order undated articles of one story within a week, which is how long most
    breaking stories run; across a longer story they give no order and ``seq`` decides.
    """
    article = analysis.article
    if article.published:
        return ReportTime((0, article.published[:10], seq), article.published[:10], "published")
    # A day, or a day with a clock time ("9 a.m. Tuesday": 2023-09-19T09:00).
    iso = sorted(d.value[:10] for d in analysis.dates if d.value and _ISO_DAY.fullmatch(d.value))
    if iso:
        return ReportTime((0, iso[-1], seq), iso[-1], "text")
    days = {int(d.value[-1]) - 1 for d in analysis.dates if d.value and _ON_OR_BEFORE.fullmatch(d.value)}
    if not days:  # no dates stage ran: the weekdays the text names
        days = {_WEEKDAYS.index(m.group(1).lower()) for m in _WEEKDAY.finditer(article.text)}
    if days:
        day = latest_weekday(days)
        return ReportTime((1, day, seq), f"{_WEEKDAYS[day].title()} (from the text)", "text")
    return ReportTime((2, seq), "undated", "unknown")


def latest_weekday(days: set[int]) -> int:
    """The day a report is written, from the weekdays (0 = Monday) it names as on or before
    it: the one the week's cycle reaches last, i.e. the one before the longest gap. A report
    naming Saturday and Tuesday is written on Tuesday (Saturday is three days before it; a
    Saturday report would have named a Tuesday four days back); Thursday and Monday: Thursday."""
    ordered = sorted(days)
    gaps = [((ordered[(i + 1) % len(ordered)] - d) % 7 or 7, d) for i, d in enumerate(ordered)]
    return max(gaps)[1]


def anchor_weekdays(times: dict[str, ReportTime]) -> dict[str, ReportTime]:
    """Give weekday-only report times a date when the story has dated articles.

    The weekday is taken as the first such day on or after the story's earliest date: an
    undated "Thursday" report in a story that starts on Tuesday 2023-09-19 is 2023-09-21.
    """
    dated = sorted(t.key[1] for t in times.values() if t.key[0] == 0)
    if not dated:
        return times
    first = date.fromisoformat(dated[0])
    out = {}
    for aid, t in times.items():
        if t.key[0] == 1:
            day = first + timedelta(days=(t.key[1] - first.weekday()) % 7)
            iso = day.isoformat()
            t = ReportTime((0, iso, t.key[2]), f"{iso} ({_WEEKDAYS[t.key[1]].title()}, from the text)", "text")
        out[aid] = t
    return out


def anchor_undated(analyses: list[Analysis], times: dict[str, ReportTime]) -> list[Analysis]:
    """The analyses with each undated article that the story gives a day (``anchor_weekdays``)
    resolved against that day: its dates (``nlp.dates.anchor_dates``, which reads each
    expression again in its context) and the times of its events, so the dossier shows
    2023-09-20 where the article alone could only say WXX-3 ("Wednesday"). The article's
    own record keeps the relative values: they are what its text fixes without the story.

    An event's time is a date value of its clause (or the text of a time expression), so it
    is replaced by the anchored value of the same relative value, where that value anchors
    one way only; so is the time a figure holds as of.
    """
    out = []
    for a in analyses:
        t = times[a.article.id]
        if a.article.published or t.key[0] != 0 or not a.dates:
            out.append(a)
            continue
        anchored = anchor_dates(a, date.fromisoformat(t.key[1]))
        seen: dict[str, set[str]] = defaultdict(set)
        for old, new in zip(a.dates, anchored.dates, strict=True):
            if old.value and new.value:
                seen[old.value].add(new.value)
        values = {old: next(iter(new)) for old, new in seen.items() if len(new) == 1}
        events = tuple(replace(e, when=values.get(e.when, e.when)) if e.when else e for e in a.events)
        figures = tuple(
            replace(f, as_of_value=values.get(f.as_of_value, f.as_of_value)) if f.as_of_value else f
            for f in a.figures
        )
        out.append(replace(anchored, events=events, figures=figures))
    return out


# -- figures ----------------------------------------------------------------------------


def rounding(value: float, approximate: bool) -> float:
    """Half the unit of the last significant digit of a round or approximate value.

    "about 2,000" (or a bare "2,000": numbers with two or more trailing zeros are
    usually rounded by the writer) stands for anything within 500 of 2,000.
    """
    if value <= 0 or value != int(value):
        return 0.0
    n, zeros = int(value), 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    if not approximate and zeros < 2:
        return 0.0
    return 10 ** max(zeros, 1) / 2 if approximate else 10**zeros / 2


# Bounds: "at least 21" is a count from 21 up, "up to 40" a count to 40, "18,000 to 20,000"
# any count between. A writer bounds a count they know by a number just under (or over) it,
# so a bound reaches as far as twice (half) its number: "more than 5,300" dead does not
# vouch for a mayor's 18,000 the same day; "at least 21" does for 34. A vague plural is a
# bound reaching to the next unit of counting: "thousands" (at least 2,000, facts/numbers)
# are fewer than ten thousand, five times its value.
BOUND_REACH = 2.0
VAGUE_REACH = 5.0
_LOWER_BOUNDS = frozenset({"at least", "more than"})
_UPPER_BOUNDS = frozenset({"up to", "less than"})


def _is_bound(f: Figure) -> bool:
    return f.qualifier in _LOWER_BOUNDS or f.qualifier in _UPPER_BOUNDS or f.high is not None


def bounds(f: Figure) -> tuple[float, float]:
    """The counts a figure allows: its value within its rounding, a bound's reach, a range."""
    if f.qualifier in _LOWER_BOUNDS:
        return f.value, f.value * (VAGUE_REACH if f.approximate else BOUND_REACH)
    if f.qualifier in _UPPER_BOUNDS:
        return f.value / BOUND_REACH, f.value
    if f.high is not None:
        return f.value, f.high
    tolerance = rounding(f.value, f.approximate)
    return f.value - tolerance, f.value + tolerance


def same_count(a: Figure, b: Figure) -> bool:
    """Two figures state one count: 1,960 and "about 2,000", "at least 21" twice. Rounding
    is the rounder one's: a bare 1,960 is exact, "2,000" is not."""
    if (a.qualifier, a.high) != (b.qualifier, b.high) and (_is_bound(a) or _is_bound(b)):
        return False
    tolerance = max(rounding(a.value, a.approximate), rounding(b.value, b.approximate))
    return math.isclose(a.value, b.value) or abs(a.value - b.value) <= tolerance


def agree(a: Figure, b: Figure) -> bool:
    """Two figures agree when they state one count, or some count satisfies both: "at least
    21" and 34; "18,000 to 20,000" and 19,500."""
    if same_count(a, b):
        return True
    (lo_a, hi_a), (lo_b, hi_b) = bounds(a), bounds(b)
    return (_is_bound(a) or _is_bound(b)) and max(lo_a, lo_b) <= min(hi_a, hi_b)


def _in_flagged_repeat(fig: Figure, analysis: Analysis) -> bool:
    return any(
        f.kind == "repeated_sentence" and f.span[0] <= fig.span[0] and fig.span[1] <= f.span[1]
        for f in analysis.article.flags
    )


def judge(values: list[tuple[Figure, tuple, tuple]]) -> FigureStatus:
    """agree / progression / conflict / single for one quantity's values.

    ``values``: (figure, its source: ``figure_source``, the time it holds as of: ``figure_time``).
    One source is "single", unless its own words date a cut in its toll: the UN's 11,300
    dead "on Saturday" withdrawn for 3,958 "on Monday" is a revision a reader must see, not
    a count that grew. A value its words do not date is left out of that test: "officials
    had earlier put the toll at 21" beside "34 on Wednesday" has only its report's day,
    which is later than the day it was told.
    """
    if len({src for _, src, _ in values}) == 1:
        return "conflict" if _cut_later(values) else "single"
    figs = [f for f, _, _ in values]
    if _every_pair(same_count, figs):
        return "agree"
    by_time: dict[tuple, dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for f, src, t in values:
        by_time[t][src].append(f)
    if len(by_time) > 1 and figs[0].quantity in CUMULATIVE:
        times = sorted(by_time)
        # One source giving two numbers on one day counts two things (a blast's six dead
        # and the day's toll); two sources on one day must agree, or they conflict.
        same_time_agree = all(_sources_agree(by_source) for by_source in by_time.values())
        day = {t: [x for fs in by_time[t].values() for x in fs] for t in times}
        rising = all(
            max(x.value for x in day[a]) <= min(x.value for x in day[b]) for a, b in zip(times, times[1:], strict=False)
        )
        if same_time_agree and rising:
            return "progression"
    # Bounds that differ agree while one count satisfies them all ("at least 21" and 34 on
    # one day); over days, a rising toll was a progression first.
    if _every_pair(agree, figs):
        return "agree"
    return "conflict"


def _every_pair(test: Callable[[Figure, Figure], bool], figs: list[Figure]) -> bool:
    return all(test(a, b) for i, a in enumerate(figs) for b in figs[i + 1 :])


def _cut_later(values: list[tuple[Figure, tuple, tuple]]) -> bool:
    """A cumulative count whose every value of a later day is below every value of an
    earlier one, the days being those its words name."""
    if values[0][0].quantity not in CUMULATIVE:
        return False
    by_time: dict[tuple, list[Figure]] = defaultdict(list)
    for f, _, t in values:
        if f.as_of_value and _ISO_DAY.match(f.as_of_value):
            by_time[t].append(f)
    times = sorted(by_time)
    return any(
        max(x.value for x in by_time[b]) < min(x.value for x in by_time[a])
        for i, a in enumerate(times) for b in times[i + 1 :]
    )


def _sources_agree(by_source: dict[str, list[Figure]]) -> bool:
    """Every two sources share at least one agreeing value."""
    groups = list(by_source.values())
    return all(
        any(agree(x, y) for x in a for y in b) for i, a in enumerate(groups) for b in groups[i + 1 :]
    )


def deciding_pair(values: list[tuple[Figure, tuple, tuple]], status: FigureStatus) -> list[int] | None:
    """The two values (indices, earlier first) a reader must see to check the verdict: two
    sources that disagree on one day, else a count that fell, else any two that disagree;
    a progression's first and last; a source's own dated cut. None for agree and single."""
    pairs = [(i, j) for i in range(len(values)) for j in range(i + 1, len(values))]
    figs = [f for f, _, _ in values]
    if status == "progression":
        return [0, len(values) - 1]
    if status == "conflict":
        apart = [(i, j) for i, j in pairs if not agree(figs[i], figs[j])]
        same_day = [(i, j) for i, j in apart if values[i][2] == values[j][2] and values[i][1] != values[j][1]]
        fell = [(i, j) for i, j in apart if values[i][2] < values[j][2] and figs[j].value < figs[i].value]
        return list(next(iter(same_day or fell or apart), ())) or None
    return None


def figure_time(f: Figure, t: ReportTime) -> tuple:
    """When a figure holds: the day its own words name ("as of Tuesday morning", "a day
    earlier") when its article is dated and the day is not after the report; else the
    report's time. Six dead "on Tuesday morning" in Wednesday's report are Tuesday's toll,
    and sit before Wednesday's 27."""
    if t.key[0] == 0 and f.as_of_value and _ISO_DAY.match(f.as_of_value) and f.as_of_value[:10] <= t.key[1]:
        return (0, f.as_of_value[:10])
    return t.key[:2]


def figure_source(f: Figure, origin: str) -> tuple[str, str | None]:
    """Who a figure's value is from: its article's original (``origins``) and, where the text
    names one, the reporter. A spokesman's 5,300 dead and a mayor's 18,000 in one article are
    two sources that can disagree; a copy that keeps the attribution is its original's source."""
    return origin, f.reported_by.casefold() if f.reported_by else None


def first_told(values: list[tuple[Figure, tuple, tuple]]) -> list[tuple[Figure, tuple, tuple]]:
    """Each value at the time its original first gave it. A rewrite published a day later
    retells its original's "two dead so far", with or without the ombudsman's name: that is
    the original's count of the day before, not a second count that conflicts with the new
    day's 27."""
    out, told = [], defaultdict(list)
    for f, src, t in sorted(values, key=lambda v: v[2]):
        t = next((t0 for f0, t0 in told[src[0]] if agree(f0, f)), t)
        told[src[0]].append((f, t))
        out.append((f, src, t))
    return out


# Words that count people without saying which: "six people", "six individuals", "30
# others" and a bare "six dead" are one subject, so a rewrite's "individuals" meets its
# original's "people". Civilians, police officers, children stay apart.
_ANYONE = frozenset({"people", "persons", "individuals", "others", "victims"})


def subject_key(subject: str | None) -> str | None:
    words = (subject or "").casefold().split()
    if not words or (words[-1] in _ANYONE and all(w in ("other", "more") for w in words[:-1])):
        return None
    return subject


def compare_figures(analyses: list[Analysis], source_of: dict[str, str], times: dict[str, ReportTime]) -> list[dict]:
    """Values grouped by quantity, subject and the kind of incident they count the victims of
    (``incident_kind``): the six dead of two landmine blasts are a part of an offensive's
    toll, set beside other counts of blasts only."""
    groups: dict[tuple[str, str | None, str | None], list[tuple[Figure, tuple, tuple]]] = defaultdict(list)
    for a in analyses:
        t = times[a.article.id]
        for f in a.figures:
            if f.background or f.quantity not in COMPARABLE or _in_flagged_repeat(f, a):
                continue
            key = (f.quantity, subject_key(f.subject), incident_kind(f.incident))
            groups[key].append((f, figure_source(f, source_of[a.article.id]), figure_time(f, t)))
    out = []
    for (quantity, subject, incident), values in sorted(groups.items(), key=lambda kv: tuple(x or "" for x in kv[0])):
        values = sorted(first_told(values), key=lambda v: (v[2], times[v[0].article_id].key))
        out.append(
            {
                "quantity": quantity,
                "subject": subject,
                "incident": incident,
                "status": (status := judge(values)),
                "because": deciding_pair(values, status),
                "values": [
                    {
                        "value": f.value,
                        "approximate": f.approximate,
                        "qualifier": f.qualifier,
                        "unit": f.unit,
                        "article_id": f.article_id,
                        "span": list(f.span),
                        "as_of": f.as_of or times[f.article_id].label,
                        "as_of_value": f.as_of_value,
                        "day": t[1] if t[0] == 0 else None,
                        "high": f.high,
                        "subject": f.subject,
                        "reported_by": f.reported_by,
                    }
                    for f, _, t in values
                ],
            }
        )
    return out


# -- quotes and events ----------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text))


def quotes_by_speaker(analyses: list[Analysis], outlet: dict[str, str]) -> list[dict]:
    speakers: dict[str, dict] = {}
    for a in analyses:
        for q in a.quotes:
            key = q.speaker_entity_id or (q.speaker or "").casefold() or "(unattributed)"
            entry = speakers.setdefault(
                key, {"speaker": q.speaker, "speaker_entity_id": q.speaker_entity_id, "quotes": []}
            )
            same = next((x for x in entry["quotes"] if _words(x["text"]) == _words(q.text)), None)
            if same is None:
                same = {"text": q.text, "kind": q.kind, "citations": [], "outlets": []}
                entry["quotes"].append(same)
            same["citations"].append({"article_id": q.article_id, "span": list(q.span)})
            if outlet[q.article_id] not in same["outlets"]:
                same["outlets"].append(outlet[q.article_id])
    return sorted(speakers.values(), key=lambda s: (-len(s["quotes"]), s["speaker"] or "~"))


def _event_key(e: Event) -> tuple:
    key = (e.type, e.mode, *((x or "").casefold() for x in (e.actor, e.recipient, e.place)))
    if not (e.actor or e.recipient or e.place):
        # Nothing says two bare mentions ("an attack") are one event: keep each apart.
        key += (e.article_id, e.span)
    return key


def event_groups(events: list[Event], relations: Iterable[Relation]) -> list[int]:
    """For each event, the index of the first event of its group: one event told by
    several articles. Events are one when they read alike (type, mode, actor, recipient,
    place), or when a copy retells its original's sentence (a near copy's shared run, a
    rewrite's aligned sentence: ``Relation.evidence``) and the two sentences hold events
    of the same type and modality in the same order (``_aligned``): a rewrite's "killed
    six individuals" is its original's "killed six people"; or when a group that leaves a field unsaid fits
    one other group only, at the same place (``_told_less``): "a drone strike on Kidal on
    Sunday" is the "army drone strike on Kidal" of another report."""
    parent = list(range(len(events)))
    first: dict[tuple, int] = {}
    for i, e in enumerate(events):
        _join(parent, first.setdefault(_event_key(e), i), i)
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        by_article[e.article_id].append(i)

    def within(article: str, span: Span) -> list[int]:
        return sorted((i for i in by_article.get(article, []) if span[0] <= events[i].span[0] < span[1]),
                      key=lambda i: events[i].span)

    for r in relations:
        if r.kind not in DERIVED:
            continue
        for source_span, copy_span in r.evidence:
            for i, j in _aligned(events, within(r.source, source_span), within(r.copy, copy_span)):
                _join(parent, i, j)
    _told_less(events, parent)
    _denials(events, parent)
    roots = [_root(parent, i) for i in range(len(events))]
    first_of: dict[int, int] = {}
    return [first_of.setdefault(r, i) for i, r in enumerate(roots)]


def _aligned(events: list[Event], told: list[int], retold: list[int]) -> list[tuple[int, int]]:
    """The events of a sentence and of its retelling that tell one another, in order: each
    retold event with the next told one of its type and modality. A rewrite that drops an
    event of the sentence ("but only after they laid down their arms") still retells the
    others."""
    pairs, start = [], 0
    for j in retold:
        kind = (events[j].type, events[j].modality)
        i = next((k for k in range(start, len(told)) if (events[told[k]].type, events[told[k]].modality) == kind), None)
        if i is not None:
            pairs.append((told[i], j))
            start = i + 1
    return pairs


# Modalities under which a report says an event took place: one source's "the army
# shelled the town" and another's "residents said the town was shelled" tell one event.
_TOOK_PLACE = frozenset({"asserted", "claimed"})
_TOLD = ("mode", "actor", "recipient", "when")


def _told_less(events: list[Event], parent: list[int]) -> None:
    """Join each group that leaves a field unsaid (no actor, no mode, no day...) to the
    other groups it fits, where those fit one another too: the same type at the same
    place, all said to have taken place, and no field that two give and that differs. A
    strike in a town with strikes on two days, or by two armies, fits both and stays apart.
    Place is what anchors a fit; a type and a day alone would join a landmine blast to the
    offensive of the same day."""
    groups: dict[int, list[Event]] = defaultdict(list)
    for i, e in enumerate(events):
        groups[_root(parent, i)].append(e)
    told = {
        root: {f: next((getattr(e, f) for e in es if getattr(e, f)), None) for f in ("type", "place", *_TOLD)}
        for root, es in groups.items() if all(e.modality in _TOOK_PLACE for e in es) and es[0].place
    }
    for root in list(told):
        if root not in told or all(told[root][f] for f in _TOLD):
            continue
        fits = [other for other, o in told.items() if other != root and _fits(told[root], o)]
        if fits and all(_fits(told[x], told[y]) for i, x in enumerate(fits) for y in fits[i + 1 :]):
            for other in fits:
                _join(parent, root, other)
                # The joined group says what any of them said: a later fit must fit all of it.
                told[root] = {f: told[root][f] or told[other][f] for f in told[root]}
                del told[other]


# Modalities under which a report says an event did not take place.
_DENIED = frozenset({"denied", "negated"})


def _denials(events: list[Event], parent: list[int]) -> None:
    """Join a denial ("the army denied carrying out the strike") to the one event of its
    type and actor that others say took place, where nothing else they both give differs:
    one row the reader sees disputed, not a claim and a denial in rows apart."""
    groups: dict[int, list[Event]] = defaultdict(list)
    for i, e in enumerate(events):
        groups[_root(parent, i)].append(e)
    said = {root: {f: next((getattr(e, f) for e in es if getattr(e, f)), None) for f in ("type", "place", *_TOLD)}
            for root, es in groups.items()}
    took_place = [r for r, es in groups.items() if any(e.modality in _TOOK_PLACE for e in es)]
    for root, es in groups.items():
        if not said[root]["actor"] or not all(e.modality in _DENIED for e in es):
            continue
        fits = [r for r in took_place if _fits(said[root], said[r], anchor="actor")]
        if len(fits) == 1:
            _join(parent, fits[0], root)


def _fits(a: dict, b: dict, anchor: str = "place") -> bool:
    """Same type and the same ``anchor`` (place, or actor), and no field both give that differs."""
    if a["type"] != b["type"] or not a[anchor] or not b[anchor] or a[anchor].casefold() != b[anchor].casefold():
        return False
    return all(not a[f] or not b[f] or a[f].casefold() == b[f].casefold() for f in ("place", *_TOLD))


def merge_events(analyses: list[Analysis], source_of: dict[str, str], times: dict[str, ReportTime],
                 relations: Iterable[Relation] = ()) -> list[dict]:
    merged: dict[int, dict] = {}
    events = [e for a in analyses for e in a.events]
    for e, group in zip(events, event_groups(events, relations), strict=True):
        entry = merged.setdefault(
            group,
            {
                "type": e.type, "mode": e.mode, "actor": e.actor, "recipient": e.recipient, "place": e.place,
                "when": e.when, "killed": e.killed, "injured": e.injured, "modality": e.modality,
                "claimed_by": e.claimed_by, "mentions": [], "_sources": set(), "earliest": None,
            },
        )
        entry["mentions"].append({"article_id": e.article_id, "span": list(e.span), "modality": e.modality})
        if entry["modality"] in _DENIED and e.modality not in _DENIED:  # a row says what its reports say took place
            entry["modality"], entry["claimed_by"] = e.modality, e.claimed_by
        entry["_sources"].add(source_of[e.article_id])
        for field in ("actor", "recipient", "place", "when", "mode", "killed", "injured", "claimed_by"):
            entry[field] = entry[field] if entry[field] is not None else getattr(e, field)
        t = times[e.article_id]
        if entry["earliest"] is None or t.key < times[entry["earliest"]].key:
            entry["earliest"] = e.article_id
    out = []
    first = min((t.key[1] for t in times.values() if t.key[0] == 0), default=None)  # the first dated report
    for entry in merged.values():
        entry["num_mentions"] = len(entry["mentions"])
        entry["num_articles"] = len({m["article_id"] for m in entry["mentions"]})
        entry["num_sources"] = len(entry.pop("_sources"))
        told = {m["modality"] for m in entry["mentions"]}
        entry["disputed"] = bool(told & _TOOK_PLACE and told & _DENIED)
        entry["background"] = background(entry["when"], first)
        out.append(entry)
    # What the story reports before what it recalls; then best supported first: more
    # independent sources, then events whose actor the text names and that it asserts,
    # then more mentions.
    return sorted(
        out,
        key=lambda e: (e["background"], -e["num_sources"], not e["actor"], e["modality"] != "asserted",
                       -e["num_mentions"], e["when"] or "~", e["type"]),
    )


def background(when: str | None, first_report: str | None) -> bool:
    """Whether an event is one the story recalls: dated to a year or a decade before its
    first report's year ("the 2020 war" in a 2023 story; with no dated report, any year or
    decade: news dates what it reports by the day and what it recalls by the year), or to
    a day more than ``BACKGROUND_DAYS`` before its first report."""
    if not when:
        return False
    if _YEARISH.fullmatch(when):
        return first_report is None or when < first_report[:4]
    if first_report and _ISO_DAY.match(when):
        return date.fromisoformat(when[:10]) < date.fromisoformat(first_report[:10]) - timedelta(BACKGROUND_DAYS)
    return False


# -- sources ----------------------------------------------------------------------------------


def sources_tree(analyses: list[Analysis], source_of: dict[str, str], relations: list[Relation]) -> list[dict]:
    """One entry per independent source: its original, its copies, what only it reports."""
    by_root: dict[str, list[Analysis]] = defaultdict(list)
    for a in analyses:
        by_root[source_of[a.article.id]].append(a)
    facts: dict[str, set[str]] = {
        root: {f"{f.quantity}={f.value:g}" for a in group for f in a.figures if not f.background}
        | {f"quote:{' '.join(sorted(_words(q.text)))}" for a in group for q in a.quotes}
        for root, group in by_root.items()
    }
    kinds = {(r.source, r.copy): r.kind for r in relations}
    out = []
    for root, group in by_root.items():
        others = set().union(*(v for k, v in facts.items() if k != root))
        out.append(
            {
                "original": root,
                "outlets": sorted({a.article.source for a in group if a.article.source}),
                "copies": [
                    {"article_id": a.article.id, "kind": kinds.get((root, a.article.id), "derived")}
                    for a in group
                    if a.article.id != root
                ],
                "only_here": sorted(facts[root] - others),
            }
        )
    return out


# -- summary ------------------------------------------------------------------------------------


def main_event_key(type_: str | None, what: str) -> tuple[str, str]:
    """What two articles' main events must share to be one story event: the PLOVER type,
    or for events of no type the same words."""
    return ("type", type_) if type_ else ("what", what.casefold())


def agreeing(items: list[T], key: Callable[[T], tuple], n_articles: int) -> list[T]:
    """The largest group of ``items`` whose main events agree (one ``key``, made with
    ``main_event_key``): a story's main event, given where two or more of its articles
    agree, or where the story has one article; else empty."""
    groups: dict[tuple, list[T]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    best = max(groups.values(), key=len, default=[])
    return best if len(best) >= 2 or n_articles == 1 else []


def main_sentence(analyses: list[Analysis], times: dict[str, ReportTime]) -> tuple[str, Span] | None:
    """The article and span of the text that states the story's main event (``agreeing``),
    in the earliest report that states it in its text; where no two reports agree on it,
    the earliest report's own: what the story first told is the event, later reports tell
    what followed ("dams burst, thousands feared dead", then the tolls, then the revision).
    A headline is no sentence of the summary; a news body restates its headline's event in
    its lead, the first sentence (the inverted pyramid)."""
    with_main = [a for a in analyses if a.main_event is not None]
    agreed = agreeing(with_main, lambda a: main_event_key(a.main_event.type, a.main_event.what), len(analyses))
    if not agreed and with_main:
        agreed = [min(with_main, key=lambda a: times[a.article.id].key)]
    stated = [(a.article.id, span) for a in agreed if (span := _stated_in_text(a)) is not None]
    return min(stated, key=lambda s: (times[s[0]].key, s[1][0]), default=None)


def developments(analyses: list[Analysis], times: dict[str, ReportTime], main: tuple[str, Span] | None,
                 ) -> list[tuple[str, Span]]:
    """What followed the main event: the sentence stating each other main event the story's
    reports lead with, as its earliest report states it, in time order (the ceasefire and
    the talks after an offensive; a revised toll after a flood), at most
    ``DEVELOPMENTS_MAX``."""
    main_article = next((a for a in analyses if main and a.article.id == main[0]), None)
    told = {main_event_key(main_article.main_event.type, main_article.main_event.what)} if main_article else set()
    out = []
    for a in sorted((a for a in analyses if a.main_event is not None), key=lambda a: times[a.article.id].key):
        key = main_event_key(a.main_event.type, a.main_event.what)
        if key not in told and (span := _stated_in_text(a)) is not None:
            told.add(key)
            out.append((a.article.id, span))
    return out[:DEVELOPMENTS_MAX]


def _stated_in_text(a: Analysis) -> Span | None:
    main = a.main_event
    if not main.in_title:
        return main.span
    return next(iter(sentence_spans(a.article.text)), None)


def summarize(analyses: list[Analysis], times: dict[str, ReportTime], relations: Iterable[Relation] = ()) -> list[dict]:
    """Greedy extractive summary: each pick covers the most not-yet-covered facts.

    A sentence's facts are the events, figures and quotes whose spans lie in it, plus its
    entities (weighted less); a sentence too like one already picked (word overlap over
    half), inside a flagged repeat, retelling its original's sentence in a copy (the
    original's words are cited) or opening on a pronoun whose antecedent the summary leaves
    behind ("On Monday, it let aid trucks in") is never picked. The sentence that states the story's
    main event (``main_sentence``) is picked first, whatever it covers: a summary that
    leaves out what happened is no summary, however many figures it holds; then those that
    state what followed (``developments``), for the same reason.
    """
    main = main_sentence(analyses, times)
    leads = {lead: f"lead:{n}" for n, lead in enumerate(developments(analyses, times, main))}
    retold: dict[str, list[Span]] = defaultdict(list)
    for r in relations:
        if r.kind in DERIVED:
            retold[r.copy] += [copy_span for _, copy_span in r.evidence]
    candidates = []
    for a in analyses:
        skip = [f.span for f in a.article.flags if f.kind == "repeated_sentence"] + retold[a.article.id]
        for s, e in _units(a):
            if any(rs <= s and e <= re_ for rs, re_ in skip) or _ANAPHORIC_OPENING.match(a.article.text, s):
                continue
            facts = {f"ev:{x.type}:{(x.actor or '').casefold()}" for x in a.events if _within(x.span, s, e)}
            facts |= {f"fig:{x.quantity}" for x in a.figures if _within(x.span, s, e) and not x.background}
            ents = {m.entity_id for m in a.mentions if _within(m.span, s, e)}
            if main and main[0] == a.article.id and _within(main[1], s, e):
                facts.add("main")
            facts |= {fact for (aid, span), fact in leads.items() if aid == a.article.id and _within(span, s, e)}
            if facts or len(ents) >= 2:
                candidates.append((a.article.id, (s, e), a.article.text[s:e].strip(), facts, ents))
    chosen: list[tuple] = []
    covered: set[str] = set()
    while candidates and len(chosen) < SUMMARY_MAX:
        # The main event first, then what followed; ties go to the earliest report and the
        # earliest sentence in it: deterministic.
        best = min(
            candidates,
            key=lambda c: ("main" not in c[3] - covered, not any(f.startswith("lead:") for f in c[3] - covered),
                           -_gain(c, covered), times[c[0]].key, c[1][0]),
        )
        if _gain(best, covered) <= 0 and len(chosen) >= SUMMARY_MIN:
            break
        candidates.remove(best)
        if any(_overlap(best[2], c[2]) > 0.5 for c in chosen):
            continue
        chosen.append(best)
        covered |= best[3] | best[4]
    chosen.sort(key=lambda c: (times[c[0]].key, c[1][0]))
    return [{"text": text, "article_id": aid, "span": list(span)} for aid, span, text, _, _ in chosen]


# A sentence whose subject is a pronoun, after at most three leading phrases set off by
# commas ("On Monday, a day before the offensive, it let ..."; "He added ...").
_ANAPHORIC_OPENING = re.compile(
    r"\s*(?:[^,\"“”\n]{1,80},\s*){0,3}(?:he|she|it|they|its|his|her|their)\b", re.IGNORECASE
)


def _units(a: Analysis) -> list[Span]:
    """The article's sentences, those one quote runs across made one: a summary that cites
    '"We heard the first explosions just after lunch.' cuts a witness off mid-quote."""
    units: list[Span] = []
    for s, e in sentence_spans(a.article.text):
        if units and any(q.span[0] < s < q.span[1] for q in a.quotes):
            units[-1] = (units[-1][0], e)
        else:
            units.append((s, e))
    return units


def _within(span: Span, start: int, end: int) -> bool:
    return start <= span[0] and span[1] <= end


def _gain(candidate: tuple, covered: set[str]) -> float:
    """What a sentence adds: facts (events, figures) weigh four times as much as entities."""
    return 2 * len(candidate[3] - covered) + 0.5 * len(candidate[4] - covered)


def _overlap(a: str, b: str) -> float:
    """Shared content words over the shorter sentence's: two leads that share "the", "of",
    "in" and "after" but tell a burst dam and a count of the dead are not alike."""
    wa, wb = _words(a) - STOP_WORDS, _words(b) - STOP_WORDS
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


# -- the dossier and the stage -------------------------------------------------------------------


def build_dossier(analyses: list[Analysis], relations: list[Relation]) -> dict:
    ids = [a.article.id for a in analyses]
    source_of = origins(ids, relations)
    times = anchor_weekdays({a.article.id: report_time(a, n) for n, a in enumerate(analyses)})
    analyses = anchor_undated(analyses, times)
    outlet = {a.article.id: a.article.source or a.article.id[:8] for a in analyses}
    ordered = sorted(analyses, key=lambda a: times[a.article.id].key)
    return {
        "timeline": [
            {
                "article_id": a.article.id,
                "when": times[a.article.id].label,
                "basis": times[a.article.id].basis,
                "title": a.article.heading,
                "source": a.article.source,
            }
            for a in ordered
        ],
        "figures": compare_figures(analyses, source_of, times),
        "quotes": quotes_by_speaker(analyses, outlet),
        "events": merge_events(analyses, source_of, times, relations),
        "sources_tree": sources_tree(analyses, source_of, relations),
        "independent_sources": len(set(source_of.values())),
        "summary": summarize(analyses, times, relations),
    }


def compare(tx, batch):
    """Corpus stage: rebuild the dossier of every story the batch touched."""
    for story_id in sorted(batch.touched_stories):
        ids = tx.article_ids(story_id=story_id)
        if not ids:
            continue
        analyses = [tx.analysis(i) for i in ids]
        relations = [r for r in tx.relations(ids) if r.source in ids and r.copy in ids]
        tx.set_dossier(story_id, build_dossier(analyses, relations))
    return batch
