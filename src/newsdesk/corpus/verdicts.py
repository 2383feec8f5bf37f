"""Verdicts on a story's figures: its articles' values of one quantity, subject and
incident side by side, each at the day it holds as of, judged agree / progression /
conflict / single, with the two values that decide the verdict (``compare_figures``).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsdesk.corpus.holders import reporter_key, short_forms, story_people
from newsdesk.facts.figures import CASUALTIES, QUANTITY_OF
from newsdesk.facts.incidents import incident_kind
from newsdesk.model import Analysis, Entity, Figure, FigureStatus, Span
from newsdesk.nlp.dates import ISO_DAY

if TYPE_CHECKING:
    from newsdesk.corpus.compare import ReportTime

# Quantities that only grow as a story goes on: a later, higher value is progress, not a
# contradiction ("two dead" on day one, "27 deaths" on day two). An outbreak's infected are
# counted so too (its total of cases grows; a day's "new cases" is read as the same count).
CUMULATIVE = frozenset({"killed", "injured", "wounded", "missing", "displaced", "arrested", "captured", "evacuated",
                        "affected", "infected"})
# ... save the missing, who are found as the search goes on, alive or dead: "about 90
# missing" on day two and "about 70" on day three is the search's progress, as is a rise.
FOUND_OVER_TIME = frozenset({"missing"})

# Quantities that two reports of one event can state about the same thing (tolls, troops,
# population). Durations, distances, money and generic counts in different sentences are
# about different things, so setting them side by side would only invent conflicts.
COMPARABLE = frozenset(QUANTITY_OF.values()) | CASUALTIES


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
    One source is "single", unless its own words date a change in its toll: the UN's 11,300
    dead "on Saturday" withdrawn for 3,958 "on Monday" is a revision a reader must see
    (conflict), and 41 dead "on Monday", 63 "by Tuesday evening" a toll that grew
    (progression). A value its words do not date is left out of those tests: "officials
    had earlier put the toll at 21" beside "34 on Wednesday" has only its report's day,
    which is later than the day it was told.
    """
    if len({src for _, src, _ in values}) == 1:
        days = _own_days(values)
        if _changed(days, values[0][0].quantity):
            return "progression"
        if any(max(x.value for x in b) < min(x.value for x in a) for i, a in enumerate(days) for b in days[i + 1 :]):
            return "conflict"
        return "single"
    figs = [f for f, _, _ in values]
    if _every_pair(same_count, figs):
        return "agree"
    by_time: dict[tuple, dict[tuple, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for f, src, t in values:
        by_time[t][src].append(f)
    if len(by_time) > 1 and figs[0].quantity in CUMULATIVE:
        times = sorted(by_time)
        # One source giving two numbers on one day counts two things (a blast's six dead
        # and the day's toll); two sources on one day must agree, or they conflict.
        same_time_agree = all(_sources_agree(by_source) for by_source in by_time.values())
        days = [[x for fs in by_time[t].values() for x in fs] for t in times]
        if same_time_agree and not _counters_differ(values) and (_rises(days) or _changed(days, figs[0].quantity)):
            return "progression"
    # Bounds that differ agree while one count satisfies them all ("at least 21" and 34 on
    # one day); over days, a rising toll was a progression first.
    if _every_pair(agree, figs):
        return "agree"
    return "conflict"


# Who counts: the state's own bodies and officers, and counters independent of them (rights
# groups, a march's organisers, monitors, armed groups). An army's 14 dead on Monday and a
# rights group's 31 on Tuesday are two counts of one attack that disagree, not a toll that
# grew: the group counted graves the army did not. Words of the reporter as the text names
# it (``Figure.reported_by``); the state's words are read first ("the Ministry of Human
# Rights" is the state's). Not "spokesman": rebels have spokesmen too.
_OFFICIAL = frozenset({"army", "military", "police", "government", "ministry", "minister", "governor", "official",
                       "officials", "authorities", "authority", "president", "mayor", "commander", "troops",
                       "soldiers", "gendarmerie", "administration", "prefect", "governorate"})
_INDEPENDENT = frozenset({"rights", "organisers", "organizers", "organiser", "organizer", "observatory", "monitor",
                          "monitors", "activists", "activist", "rebels", "rebel", "militants", "insurgents", "league",
                          "amnesty", "watch", "ngo", "alliance", "union", "movement", "front", "opposition", "group",
                          "groups", "campaigners", "residents", "witnesses", "medics"})


def counter_kind(reporter: str | None) -> str | None:
    """"official", "independent" or None (a person by name, an ombudsman, no reporter)."""
    words = set(re.findall(r"[a-z]+", (reporter or "").casefold()))
    if words & _OFFICIAL:
        return "official"
    return "independent" if words & _INDEPENDENT else None


def _counters_differ(values: list[tuple[Figure, tuple, tuple]]) -> bool:
    """Whether the official count and the independent one, each as its counters last gave
    it, disagree: then the values of different days are two sides, not a count's progress.
    An independent count that meets the officials' latest (the army's 14, then 20 from the
    army and the league alike) leaves the toll's rise a progression."""
    latest: dict[str, tuple[tuple, list[Figure]]] = {}
    for f, src, t in values:
        kind = counter_kind(src[1])
        if kind is None:
            continue
        when, figs = latest.get(kind, (t, []))
        if t > when:
            when, figs = t, []
        if t == when:
            latest[kind] = (when, [*figs, f])
    if len(latest) < 2:
        return False
    return not any(agree(a, b) for a in latest["official"][1] for b in latest["independent"][1])


def _changed(days: list[list[Figure]], quantity: str) -> bool:
    """A count that rose, or for the missing fell, from day to day (``FOUND_OVER_TIME``)."""
    if len(days) < 2 or days[0][0].value == days[-1][0].value:
        return False
    return _rises(days) if days[0][0].value < days[-1][0].value else quantity in FOUND_OVER_TIME and _rises(days[::-1])


def _rises(days: list[list[Figure]]) -> bool:
    """Every value of each day is no more than every value of the next."""
    return all(max(x.value for x in a) <= min(x.value for x in b) for a, b in zip(days, days[1:], strict=False))


def _every_pair(test: Callable[[Figure, Figure], bool], figs: list[Figure]) -> bool:
    return all(test(a, b) for i, a in enumerate(figs) for b in figs[i + 1 :])


def _own_days(values: list[tuple[Figure, tuple, tuple]]) -> list[list[Figure]]:
    """A cumulative count's values by the days their own words name, in time order (none
    for other quantities: only a toll grows or is cut)."""
    if values[0][0].quantity not in CUMULATIVE:
        return []
    by_time: dict[tuple, list[Figure]] = defaultdict(list)
    for f, _, t in values:
        if f.as_of_value and ISO_DAY.match(f.as_of_value):
            by_time[t].append(f)
    return [by_time[t] for t in sorted(by_time)]


def _sources_agree(by_source: dict[str, list[Figure]]) -> bool:
    """Every two sources share at least one agreeing value."""
    groups = list(by_source.values())
    return all(
        any(agree(x, y) for x in a for y in b) for i, a in enumerate(groups) for b in groups[i + 1 :]
    )


def deciding_pair(values: list[tuple[Figure, tuple, tuple]], status: FigureStatus) -> list[int] | None:
    """The two values (indices, earlier first) a reader must see to check the verdict: two
    sources that disagree on one day (an official count and an independent one first: the
    police's 18,000 marchers and the organisers' 120,000, not an unattributed "tens of
    thousands" beside either), else the two sides on any days, else a count that fell,
    else any two that disagree;
    a progression's first and last; a source's own dated cut. None for agree and single."""
    if status == "progression":
        return [0, len(values) - 1]
    if status != "conflict":
        return None
    figs = [f for f, _, _ in values]

    def pairs(test: Callable[[int, int], bool]):  # lazily: a row may hold thousands of values
        n = len(values)
        return ([i, j] for i in range(n) for j in range(i + 1, n) if test(i, j) and not agree(figs[i], figs[j]))

    kinds = [counter_kind(src[1]) for _, src, _ in values]

    def across(i: int, j: int) -> bool:  # an official count and an independent one
        return {kinds[i], kinds[j]} == {"official", "independent"}

    sides = {"official", "independent"} <= set(kinds)  # else no pair is worth a scan for them
    same_day = pairs(lambda i, j: values[i][2] == values[j][2] and values[i][1] != values[j][1])
    sides_same_day = pairs(lambda i, j: values[i][2] == values[j][2] and across(i, j)) if sides else iter(())
    fell = pairs(lambda i, j: values[i][2] < values[j][2] and figs[j].value < figs[i].value)
    return (next(sides_same_day, None) or next(same_day, None) or (next(pairs(across), None) if sides else None)
            or next(fell, None) or next(pairs(lambda i, j: True), None))


def figure_time(f: Figure, t: ReportTime) -> tuple:
    """When a figure holds: the day its own words name ("as of Tuesday morning", "a day
    earlier") when its article is dated and the day is not after the report; else the
    report's time. Six dead "on Tuesday morning" in Wednesday's report are Tuesday's toll,
    and sit before Wednesday's 27."""
    if t.key[0] == 0 and f.as_of_value and ISO_DAY.match(f.as_of_value) and f.as_of_value[:10] <= t.key[1]:
        return (0, f.as_of_value[:10])
    return t.key[:2]


def figure_source(f: Figure, origin: str, people: list[Entity] | None = None) -> tuple[str, str | None]:
    """Who a figure's value is from: its article's original (``origins``) and, where the text
    names one, the reporter. A spokesman's 5,300 dead and a mayor's 18,000 in one article are
    two sources that can disagree; a copy that keeps the attribution is its original's source.
    "Police" and "the police", or "the governor" and the governor the story names
    (``people``: ``holders.story_people``), are one reporter (``holders.reporter_key``)."""
    return origin, reporter_key(f.reported_by, people or [])


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


# "since 2017", "since the war began in April 2023": the year a count runs since.
_SINCE_YEAR = re.compile(r"^since\b.*?\b((?:1[89]|20)\d{2})\b", re.IGNORECASE)


def since_before(f: Figure, first_year: str | None) -> str | None:
    """The year a count runs since, where that year is before the story's first report:
    "thousands have been killed since 2017" in a report of one night's attack is the toll of
    the wider conflict, which no count of the attack's dead agrees or conflicts with. A
    count since the story's own year ("since the attack", "since March 2025") is the story's."""
    m = _SINCE_YEAR.match(f.as_of or "")
    return m[1] if m and first_year and m[1] < first_year else None


# An editor's note that an earlier version of the article said something else: "Correction:
# An earlier version of this article said that 230 people had died." Its paragraph tells
# what was printed before and what was right then, no count of the story now.
_CORRECTION = re.compile(
    r"\bcorrection\s*:|\b(?:an|the) (?:earlier|previous) version of this (?:article|story|report)\b", re.IGNORECASE)


def correction_notes(a: Analysis) -> tuple[list[Span], list[Span]]:
    """(the paragraphs of the article's correction notes, the sentences in them that say
    what the earlier version said)."""
    text, notes, said = a.article.text, [], []
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        if _CORRECTION.search(paragraph):
            notes.append((start, end))
            said += [(start + m.start(), start + m.end()) for m in _SENTENCE.finditer(paragraph)
                     if _CORRECTION.search(m.group()) and re.search(r"\bsaid\b|\breported\b", m.group())]
        start = end + 1
    return notes, said


_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def withdrawn(analyses: list[Analysis], times: dict[str, ReportTime]) -> dict[tuple, str]:
    """The values an outlet's correction withdraws, in its reports up to the correction's:
    (article, span) of each -> the correcting article. "An earlier version of this article
    said that 230 people had died" withdraws the 230 dead of the outlet's earlier report."""
    out = {}
    for c in analyses:
        _, said = correction_notes(c)
        told = {(f.quantity, f.value) for f in c.figures if any(_inside(f.span, s) for s in said)}
        if not told or not c.article.source:
            continue
        for a in analyses:
            if a is c or a.article.source != c.article.source or times[a.article.id].key > times[c.article.id].key:
                continue
            out |= {(a.article.id, f.span): c.article.id for f in a.figures if (f.quantity, f.value) in told}
    return out


def new_on(f: Figure, when: tuple) -> str | None:
    """The day a count of new ones is of (``figure_time``), or its article where no day is
    known: each day's count is set beside that day's only. None for a running total."""
    if not f.increment:
        return None
    return when[1] if when[0] == 0 else f"undated {f.article_id[:8]}"


def _inside(span: Span, outer: Span) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def compare_figures(analyses: list[Analysis], source_of: dict[str, str], times: dict[str, ReportTime],
                    corrected: dict[tuple, str] | None = None) -> list[dict]:
    """Values grouped by quantity, subject, the kind of incident they count the victims of
    (``incident_kind``), the earlier year they count since (``since_before``) and, for a
    count of the new ones of a day (``Figure.increment``), that day (``new_on``): the six
    dead of two landmine blasts are a part of an offensive's toll, set beside other counts
    of blasts only; a war's dead since 2017 are set beside other counts of the war; Tuesday's
    140 new cases beside other counts of Tuesday's, not beside the outbreak's 3,200.

    A correction note's values are left out, and the values it withdraws are shown as
    corrected (``corrected_by``) but judged no more: the outlet no longer says them
    (``corrected``: ``withdrawn``'s answer, where the caller has it already)."""
    first_year = min((t.key[1][:4] for t in times.values() if t.key[0] == 0), default=None)
    corrected = withdrawn(analyses, times) if corrected is None else corrected
    groups: dict[tuple[str, str | None, str | None, str | None, str | None],
                 list[tuple[Figure, tuple, tuple]]] = defaultdict(list)
    people = story_people(analyses)
    reporters: dict[str | None, str | None] = {}  # each reporter's words read once
    for a in analyses:
        t = times[a.article.id]
        notes, _ = correction_notes(a)
        for f in a.figures:
            if f.background or f.quantity not in COMPARABLE or _in_flagged_repeat(f, a):
                continue
            if any(_inside(f.span, n) for n in notes):
                continue
            # The missing of a story are the one group its search is for: "11 missing passengers"
            # and "11 were still missing" are one row (``FOUND_OVER_TIME``).
            subject = None if f.quantity in FOUND_OVER_TIME else subject_key(f.subject)
            when = figure_time(f, t)
            key = (f.quantity, subject, incident_kind(f.incident), since_before(f, first_year), new_on(f, when))
            if f.reported_by not in reporters:
                reporters[f.reported_by] = reporter_key(f.reported_by, people)  # figure_source's reporter
            groups[key].append((f, (source_of[a.article.id], reporters[f.reported_by]), when))
    # "the league" is the one league the story names ("the Chadian League"): one source
    alias = short_forms((words, key) for words, key in reporters.items() if words and key)
    groups = {k: [(f, (src[0], alias.get(src[1], src[1])), t) for f, src, t in vs] for k, vs in groups.items()}
    out = []
    for (quantity, subject, incident, since, new), values in sorted(groups.items(),
                                                               key=lambda kv: tuple(x or "" for x in kv[0])):
        values = sorted(first_told(values), key=lambda v: (v[2], times[v[0].article_id].key))
        standing = [n for n, (f, _, _) in enumerate(values) if (f.article_id, f.span) not in corrected]
        status = judge([values[n] for n in standing]) if standing else "single"
        because = deciding_pair([values[n] for n in standing], status) if standing else None
        out.append(
            {
                "quantity": quantity,
                "subject": subject,
                "incident": incident,
                "since": since,
                "new_on": new,
                "status": status,
                "because": [standing[i] for i in because] if because else None,
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
                        "corrected_by": corrected.get((f.article_id, f.span)),
                    }
                    for f, _, t in values
                ],
            }
        )
    return out
