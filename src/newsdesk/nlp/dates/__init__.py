"""Time expressions normalised against the article's publication date.

The stage ``resolve_dates`` takes spaCy's DATE and TIME spans (never across a line
break) and gives each a ``DateRef`` whose ``value`` follows TIMEX3 (ISO-TimeML), the
convention of the TimeBank corpora the eval scores against:

- a day ``2023-09-19``, a month ``2023-09``, a year ``2023``, a quarter ``2023-Q3``, a half
  ``2023-H1``, an ISO week ``2023-W38``, a weekend ``2023-W38-WE``, a season ``2023-SU``
  (SP, SU, FA, WI); a part of a day ("Tuesday morning") is given as its day (TBAQ gives
  TMO/TAF/TEV/TNI to 7 of the 16 such days on half A; the day alone keeps the value a
  day), a clock time with its day ("9 a.m. Tuesday") as ``2023-09-19T09:00`` (midnight as
  TIMEX3 writes it, the end of its day: ``T24:00``), a clock
  time alone on the day its sentence names, else the publication day;
- a decade ``199X``, a century ``19``; "the early/mid/late 1990s" is the decade (TIMEX3
  puts early/mid/late in its ``mod`` attribute, which a DateRef does not carry);
- ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF`` for "now", "in the past", "soon".

Without a publication date, relative expressions stay relative to it, for the story to
anchor later. Offsets from the publication's period: ``P-1D`` (a day before), ``P0D`` (the
day itself), ``P-3Y``, ``P+1M``, ``P-1W``, ``P-1Q`` (the latest quarter, before
publication's), maybe with a part of that period: ``P-1Y-Q3`` (the third quarter of the
year before), ``P-1Y-06`` ("June last year"), ``P-1Y-FA`` ("last fall"), ``P+1W-WE``
("next weekend"), ``P0DT09:00``. A weekday by its ISO number: ``WXX-2`` the last Tuesday on
or before publication, ``WXX-2<`` the one strictly before ("last Tuesday"), ``WXX-2>``
the one after ("next Tuesday", "will meet Tuesday"); ``WXX-WE`` / ``WXX-WE>`` the weekend
last begun / coming. Without its year: ``XXXX-07-04`` a day and ``XXXX-07`` a month placed
as ``nearest_year`` places them (``<`` / ``>``: the last one before, the next one after;
``<=`` / ``>=``: the nearest on the side the tense of its clause says, "ended March 31"),
``XXXX-Q4`` a quarter (``quarter_year``; ``XXXX-Q3<=`` one told in the past, so begun),
``XXXX-thanksgiving<`` a moving feast by its name (the last one). Absolute expressions ("12 March 2021") keep their
value either way. Once the story knows the article's day, ``anchor_relative`` turns a value
into the one the dated article would have had (a property test checks this on any day),
and ``anchor_dates`` resolves the article's expressions again against that day (exact
where a value cannot say everything: "the next morning" after a date named without its
year).

Which time a relative expression counts from follows TimeML: deictic ones ("yesterday",
"last year", "Tuesday") from the publication date; anaphoric ones ("the following year",
"that day", "the next morning", "until then", "two days later", "that summer") from the time
the text last named (a
date, a month, a year or a weekday in the 400 characters before), else from the
publication date. A month or day without its year is placed by the tense of its clause
("ended March 31" the last, "will close by June 1" the coming). In a financial report
"the quarter", "the 1988 period" or "a year earlier" is the period the report last named
(the fiscal second quarter, the nine months), a year back where the words say so.

Our rules cover the frequent forms; dateparser parses the rest, on the expression span
only (on whole sentences it reads the article "a" as a date, measured), but never a length
of time alone ("five years", "the nine months", "a 16-hour flight" are TIMEX3 durations,
which have no date: dateparser reads them as that long ago) nor a bare number (the model
tags ages, "Smith, 44,", as DATE). A span the model draws wider than TIMEX3 is read by its
parts: a leading preposition is context ("since 2019", "will vote on Friday"), a range or
a list is its first time ("between 1985 and 1987"), a period by its end day is that period
("the third quarter ended Sept. 30"); the stage then marks each time in it as TIMEX3 does,
the quarter and "Sept. 30" (``extents``). It also finds the vague times the model leaves
untagged ("now", "recently", "the future"). On TBAQ's 1,505 gold DATE values: 0.900 exact
(0.901 on the half developed on, 0.898 on the other), 0.929 of the 636 days; undated then
anchored, 0.892; 0.872 of the 257 gold durations given no date; on the stage's own spans,
0.884 of the gold values found, with 0.886 of its spans on a gold TIMEX3 (``python -m
evals dates``). Where TBAQ's
annotators chose another convention we keep ours: the week of "last week" (TBAQ: often
``1989-WXX``), the quarter of "the quarter" (``1989-QX``), a year for "1994" (``1994-XX``).
Of the 83 misses on half A (counted by hand, December 2026), 5 are ours; the rest: 17 gold
values anchored to another week or contradicted by their own text, 18 left unspecified
(``1989-WXX``, ``1989-QX``), 8 the same period padded with X (``1994-XX-XX``), 7 a part of
day (``TNI``), 13 a report's comparison TBAQ values as a day, a month, a quarter or a year
alike, 8 needing the event's own date, 7 other vague choices (``PXY``, "from time to time").
The modules: ``rules`` (the expressions), ``extents`` (the times in one span), ``context``
(tense, references), ``reports`` (a financial report's periods), ``periods`` (calendar
arithmetic, relative values).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from newsdesk.model import Analysis, DateRef
from newsdesk.nlp.dates.extents import extents
from newsdesk.nlp.dates.periods import HOLIDAYS, anchor_of, anchor_relative
from newsdesk.nlp.dates.rules import from_an_event, normalise
from newsdesk.nlp.doccache import doc_ents

__all__ = ["ISO_DAY", "anchor_dates", "anchor_of", "anchor_relative", "from_an_event", "normalise", "resolve_dates",
           "trimmed"]

# A value that is a calendar day, with or without a clock time: "2023-09-19",
# "2023-09-19T09:00" ("9 a.m. Tuesday"); what a story's figures and events are dated by.
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:T[\d:]+)?")

# Relative expressions the small model often leaves untagged ("just a day before",
# "two weeks earlier"), a day written the ISO way (which it cuts in two: "2023" and
# "09-19 at 11:00"), and holidays, which it tags as events ("found on Thanksgiving
# Day"); found by this rule where no DATE/TIME entity covers them. A one-word feast only
# as a time ("on Easter", "last Christmas"): "Christmas" alone is as often a season or a
# market, "Easter" an island.
_HOLIDAY_NAMES = sorted((re.escape(name.title()).replace("'S", "'s") for name in HOLIDAYS), key=len, reverse=True)
_HOLIDAY = (rf"(?:last |next |this )?(?:{'|'.join(n for n in _HOLIDAY_NAMES if ' ' in n)})"
            rf"|(?:(?<=\b[Oo]n )|last |next |this )(?:{'|'.join(n for n in _HOLIDAY_NAMES if ' ' not in n)})")
# Vague times, which TIMEX3 marks as PRESENT_REF, PAST_REF or FUTURE_REF (TimeML guidelines
# 1.2.1: "now", "recently", "the future") and the small model almost never tags (on TBAQ's
# half A it found none of the 34 gold "now"). Not where the word is no time of its own:
# "as soon as he lands" and "soon after the vote" are times of an event, "the future of the
# club" is a fate, "the past 20 years" a length (the model tags that one whole), and "current"
# before a noun of accounts or electricity ("current assets", "the current flows") is no time.
_VAGUE = (r"(?:right )?now|currently|then[ -]current|nowadays|recently|recent(?= [a-z])|as soon as possible|"
          r"(?<!as )soon(?! after\b| as\b)|the (?:near|short|long) term(?![ -][a-z])|"
          r"current(?= [a-z])(?! (?:account|asset|liabilit|ratio|flow|pass|run|of\b|and\b|or\b))|"
          r"the (?:past|future)(?! (?:of\b|\d|few|several|(?:[a-z]+ )?(?:day|week|month|quarter|year|decade)s?\b))")
# A financial report's periods, which the model often leaves untagged ("in the latest
# period", "for the fiscal second-quarter"): TIMEX3 dates them (see ``reports``).
_REPORT_PERIOD = r"the latest (?:period|quarter)|(?:fiscal )?(?:first|second|third|fourth)[ -](?:fiscal[ -])?quarter"
# A year as a prefix's base, "post-1959 politics", "pre-2003 borders", which the model reads
# as a word: TIMEX3 marks it with the year as the value (the prefix goes in ``mod``).
_PREFIXED_YEAR = r"(?:pre|post)-(?:1[5-9]|20)\d{2}"
# A 24-hour clock with its zone ("10:42 GMT", "14:30 CET"), as a live page stamps its
# entries and wires write times; and a clock alone on its line, a live page's stamp.
_ZONED_CLOCK = r"(?:[01]?\d|2[0-3]):[0-5]\d(?: (?:GMT|UTC|BST|CEST|CET|EEST|EET|MSK|[ECMP][SD]T)\b|(?=[ \t]*$))"
_MISSED = re.compile(
    rf"(?m:(?<![\d:.])\b{_ZONED_CLOCK})|"
    r"\b(?:(?:a|one|two|three|four|five|six|seven|\d+) (?:days?|weeks?|months?|years?) "
    r"(?:earlier|before|later|ago)|(?:yesterday|today|tomorrow)|(?:1\d|20)\d{2}-[01]\d-[0-3]\d|"
    r"(?:last |next )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    rf"{_HOLIDAY}|(?i:{_VAGUE}|{_REPORT_PERIOD}|{_PREFIXED_YEAR}))\b"
)


# A name and a comma before a bare number: "Ayse Demir, 54, whose brother ...". The model
# tags the age DATE; TimeML marks no time there (on TBAQ, 1 in about 60 ages is a TIMEX3).
_NAME_COMMA = re.compile(r"[A-Z][\w.'’-]*,\s*$")


def _an_age(text: str, start: int, end: int) -> bool:
    """A number of one to three digits set off by commas after a name: a person's age."""
    number = text[start:end]
    after = text[end : end + 1]
    return number.isdigit() and len(number) <= 3 and after in (",", ")") and bool(
        _NAME_COMMA.search(text, max(0, start - 40), start)
    )


# An uncounted stretch of time after "after"/"before" that the model ran into the day
# before it: "on Saturday after days of clashes" is Saturday, and the days are the
# clashes' (the model's DATE "Saturday after days" had no value at all). So is the
# "overnight" of the act after it: "until 5 a.m. after overnight clashes" is 5 a.m.
_UNCOUNTED_AFTER = re.compile(r"\s+(?:after|before|following)\s+(?:hours|days|weeks|months|years|decades|overnight)$",
                              re.IGNORECASE)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without an uncounted stretch run into it (``_UNCOUNTED_AFTER``)."""
    m = _UNCOUNTED_AFTER.search(text, start, end)
    return (start, m.start()) if m and m.end() == end and m.start() > start else (start, end)


def _spans(doc, text: str) -> list[tuple[int, int]]:
    """DATE/TIME entities (never across a line break), and rule spans not inside one; a
    rule span replaces an entity it sticks out of ("just a day" -> "a day before")."""
    ents = [(e.start_char, e.end_char) for e in doc_ents(doc) if e.label_ in ("DATE", "TIME") and "\n" not in e.text]
    ents = [trimmed(text, s, e) for s, e in ents if not _an_age(text, s, e)]
    rules = [(m.start(), m.end()) for m in _MISSED.finditer(text)]
    rules = [r for r in rules if not any(s <= r[0] and r[1] <= e for s, e in ents)]
    ents = [(s, e) for s, e in ents if not any(r[0] < e and s < r[1] for r in rules)]
    return sorted(ents + rules)


def resolve_dates(analysis: Analysis, doc) -> Analysis:
    """Time expressions -> DateRefs normalised against the publication date; a span that holds
    several (a range, a period and its end day) gives one DateRef each (``extents``)."""
    article = analysis.article
    anchor = anchor_of(article.published)
    text = article.text
    refs = [
        DateRef(article_id=article.id, span=(s, e), text=text[s:e], value=value)
        for start, end in _with_clock_times(_spans(doc, text), text)
        for (s, e), value in extents(text, start, end, anchor)
    ]
    return replace(analysis, dates=tuple(refs))


# The small model tags "9 a.m. Tuesday" as a TIME and a DATE side by side; TIMEX3 (and
# TimeBank) read them as one expression, the day with its time.
_CLOCK_ONLY = re.compile(r"(?:at\s+)?(?:(?:about|around|approximately)\s+)?"
                         r"(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b\.?|\d{1,2}:\d{2})"
                         r"(?:\s+\(?(?:[ECMP][SD]T|GMT|UTC|BST|CEST|CET|EEST|EET|MSK)\)?)?"
                         r"|noon|midnight", re.IGNORECASE)
# (The time elsewhere in brackets between them, as wires write it: "1 p.m. (0900 GMT) on Tuesday".)
_JOINT = re.compile(r"\s*(?:local time)?\s*(?:\(\d{1,2}:?\d\d\s*[A-Z]{3,4}\)\s*)?,?\s*(?:at\s+|on\s+)?")


# "The day before last Tuesday's hearing" tagged as "The day" and "last Tuesday's": one
# TIMEX3, a day counted from the other (``rules._composed`` reads it whole).
_COUNTED_FROM = re.compile(r"(?:the\s+)?day", re.IGNORECASE)
_BEFORE_AFTER = re.compile(r"\s+(?:before|after)\s+")


def _joined(first: str, gap: str, second: str) -> bool:
    """Whether two spans side by side are one expression: a clock time and its day, or a
    day counted from a named one."""
    if _JOINT.fullmatch(gap) and any(_CLOCK_ONLY.fullmatch(t.strip()) for t in (first, second)):
        return True
    return bool(_COUNTED_FROM.fullmatch(first.strip()) and _BEFORE_AFTER.fullmatch(gap))


def _with_clock_times(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Spans with a clock time joined to the day beside it ("9 a.m." + "Tuesday"), and a day
    counted from another to it ("the day" + "before" + "last Tuesday")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _joined(text[out[-1][0] : out[-1][1]], text[out[-1][1] : start], text[start:end]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def anchor_dates(analysis: Analysis, day: dt.date) -> Analysis:
    """An undated article's dates resolved again once the story knows its day: each
    expression normalised against ``day`` with its context, as if the article had carried
    that date (``anchor_relative`` does the same from the values alone, less exactly)."""
    text = analysis.article.text
    dates = tuple(
        replace(d, value=normalise(d.text, day, before=text[: d.span[0]], after=text[d.span[1] :]))
        for d in analysis.dates
    )
    return replace(analysis, dates=dates)
