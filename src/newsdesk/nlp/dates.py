"""Time expressions normalised against the article's publication date.

The stage ``resolve_dates`` takes spaCy's DATE and TIME spans (never across a line
break) and gives each a ``DateRef`` whose ``value`` follows TIMEX3 (ISO-TimeML), the
convention of the TimeBank corpora the eval scores against:

- a day ``2023-09-19``, a month ``2023-09``, a year ``2023``, a quarter ``2023-Q3``, a half
  ``2023-H1``, an ISO week ``2023-W38``, a season ``2023-SU`` (SP, SU, FA, WI); a part of
  a day ("Tuesday morning") is given as its day;
- a decade ``199X``, a century ``19``; "early/mid/late 1990s" is a range of years
  ``1990/1993``, ``1994/1996``, ``1997/1999`` (ISO 8601 interval: precision kept);
- ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF`` for "now", "in the past", "soon".

Without a publication date, relative expressions stay relative to it, ordered, for the
story to anchor later (``newsdesk.corpus``): ``P-1D`` (a day before publication), ``P0D``
(the day itself), ``P-3Y``, ``P+1M``, ``P-1W`` (offsets in days, weeks, months, years),
and ``WXX-2`` for a bare weekday (here Tuesday, ISO day 2): the last Tuesday on or before
publication; ``XXXX-07-04`` for a day without its year. Absolute expressions ("12 March
2021") keep their value either way. ``anchor_relative`` turns these into absolute values
once a day is known for the article.

Which time a relative expression counts from follows TimeML: deictic ones ("yesterday",
"last year", "Tuesday") from the publication date; anaphoric ones ("the following year",
"that day", "the next morning", "until then") from the time the text last named (a
date, a month, a year or a weekday in the 400 characters before), else from the
publication date. A month or day without its year is placed by the tense of its clause
("ended March 31" the last, "will close by June 1" the coming). In a financial report
"the quarter", "the 1988 period" or "a year earlier" is the period the report last named
(the fiscal second quarter, the nine months), a year back where the words say so.

Our rules cover the frequent forms; dateparser parses the rest, on the expression span
only (on whole sentences it reads the article "a" as a date, measured). On TBAQ's 1,505
gold DATE values: 0.878 exact, 0.923 of the 636 days (``python -m evals dates``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from newsdesk.model import Analysis, DateRef

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december")
    )
    for m in names.split()
}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # the month each (northern) season begins in

_PRESENT = {"now", "currently", "at present", "present", "nowadays", "yet", "right now", "at the moment",
            "this time", "the moment", "these days", "today's", "current", "already", "still"}
_PAST = {"the past", "past", "recent", "recently", "previously", "earlier", "once", "formerly", "in the past", "lately",
         "past years", "recent years", "the past few years", "recent months", "recent weeks", "recent days"}
_FUTURE = {"future", "the future", "soon", "later", "a later date", "eventually", "the coming years",
           "coming years", "the years ahead", "the near future", "shortly"}

# Words in the clause before a bare weekday that make it a coming day: "will meet Tuesday".
_FUTURE_CUE = re.compile(
    r"\b(?:will|'ll|shall|would|(?:plans?|planned|planning) (?:to|a|an)|scheduled|expected to|is to|are to|set to|"
    r"as soon as|as early as|likely to|due to|next)\b",
    re.IGNORECASE,
)
# How far back the cue is looked for: the verb governing a weekday is near it. 80
# characters: 274 of TBAQ's 297 bare weekdays right, against 264 for the whole sentence.
CUE_WINDOW = 80
_MODIFIER = re.compile(r"^(?:early|late|mid|middle of|the middle of|the end of|end of|the beginning of|"
                       r"beginning of|the start of|start of|later|earlier|around|about|sometime|some time)[\s-]+",
                       re.IGNORECASE)


def _period_value(anchor: dt.date | None, unit: str, shift: int) -> str:
    """The day/week/month/quarter/year ``shift`` units from the anchor's."""
    if anchor is None:
        sign = "+" if shift > 0 else ("-" if shift < 0 else "")
        return f"P{sign}{abs(shift)}{unit[0].upper()}" if shift else f"P0{unit[0].upper()}"
    if unit == "day":
        return (anchor + dt.timedelta(days=shift)).isoformat()
    if unit == "week":
        year, week, _ = (anchor + dt.timedelta(weeks=shift)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + shift
        return f"{index // 12}-{index % 12 + 1:02d}"
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + shift
        return f"{index // 4}-Q{index % 4 + 1}"
    return str(anchor.year + shift)


def _weekday(anchor: dt.date | None, day: int, direction: str) -> str:
    """The weekday ``day`` (0 = Monday): on or before the anchor ("past"), strictly before
    ("last"), or after it ("next"). TimeBank's bare weekdays are mostly the past week,
    the publication day itself most often (132 of 297)."""
    if anchor is None:
        return f"WXX-{day + 1}"
    back = (anchor.weekday() - day) % 7
    if direction == "last":
        back = back or 7
    if direction == "next":
        return (anchor + dt.timedelta(days=(day - anchor.weekday()) % 7 or 7)).isoformat()
    return (anchor - dt.timedelta(days=back)).isoformat()


def _number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def _year_of(anchor: dt.date | None) -> str:
    return str(anchor.year) if anchor else "XXXX"


def _decade(m: re.Match) -> str:
    century, decade = m.group("c"), m.group("d")
    century = century or "19"
    mod = (m.group("mod") or "").lower()
    base = int(century + decade)
    if mod.startswith("early"):
        return f"{base}/{base + 3}"
    if mod.startswith("mid"):
        return f"{base + 4}/{base + 6}"
    if mod.startswith("late"):
        return f"{base + 7}/{base + 9}"
    return f"{century}{decade[0]}X"


_DECADE = re.compile(r"^(?P<mod>early|mid|late)?[\s-]*(?:the\s+)?(?:(?P<c>1\d|20)|')(?P<d>\d0)'?s$", re.IGNORECASE)
_CENTURY = re.compile(r"^(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]century$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:(?:fiscal|calendar|the year|year|fy|model year)\s+)?(?P<y>1\d{3}|20\d{2})$", re.IGNORECASE)
_AGO = re.compile(r"^(?:about |nearly |almost |some |more than |over )?(?P<n>\w+)\s+(?P<u>day|week|month|year|"
                  r"decade)s?\s+(?:ago|earlier|before|later|from now|hence|since)$", re.IGNORECASE)
_THIS = re.compile(r"^(?P<w>this past|this|last|next|the past|the previous|past|previous|the coming|coming|the current|"
                   r"the same|that|the|a|the latest|latest)\s+(?P<u>day|week|weekend|month|quarter|year|season|"
                   r"spring|summer|fall|autumn|winter|decade|century)$", re.IGNORECASE)
_QUARTER = re.compile(r"^(?:(?:this year's|fiscal)\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+"
                      r"(?:fiscal[\s-]+)?quarter"
                      r"(?:\s+of\s+(?P<y>\d{4})|\s+(?P<y2>\d{4}))?$", re.IGNORECASE)
# "the last half of 1989" and "the first two quarters of 1990" are halves (H2, H1).
_HALF = re.compile(r"^(?P<o>first|second|last|latter|back|front)\s+(?:half|two quarters)(?:\s+of\s+(?P<y>\d{4}))?$",
                   re.IGNORECASE)
_HALVES = {"first": 1, "front": 1, "second": 2, "last": 2, "latter": 2, "back": 2}
_MONTH_DAY = re.compile(r"^(?:(?P<wd>[a-z]+),?\s+)?(?P<m>[a-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
                        r"(?:,?\s+(?P<y>\d{4}))?$", re.IGNORECASE)
_DAY_MONTH = re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[a-z]+)\.?(?:,?\s+(?P<y>\d{4}))?$",
                        re.IGNORECASE)
_MONTH = re.compile(r"^(?P<w>last|next|this|early|late|mid|the middle of|the end of|end of)?[\s-]*(?P<m>[a-z]+)\.?"
                    r"(?:,?\s+(?P<y>\d{4}))?$", re.IGNORECASE)
_WEEKDAY = re.compile(r"^(?:(?P<w>last|next|this|this coming|coming|this past|past|previous|the previous|early|late|"
                      r"on)\s+)?(?P<d>[a-z]+)"
                      r"(?:\s+(?P<part>morning|afternoon|evening|night))?$", re.IGNORECASE)


def normalise(text: str, anchor: dt.date | None, *, before: str = "", after: str = "") -> str | None:
    """The TIMEX3 value of one time expression (see the module doc), or None.

    ``anchor`` is the publication date; ``before`` and ``after`` are the article's text
    around the expression (a verb just before a weekday says whether it is coming or
    past; in an article about quarterly results "a year earlier" is the year-earlier
    quarter, as TimeBank annotates it).
    """
    t = " ".join(text.replace("’", "'").split()).strip(" ,.;:")
    low = _spelled_years(re.sub(r"'s$", "", t.lower()))
    if low.startswith("the ") and low[4:] not in _PAST | _FUTURE:
        low = low[4:]
    for table, value in ((_PRESENT, "PRESENT_REF"), (_PAST, "PAST_REF"), (_FUTURE, "FUTURE_REF")):
        if low in table or f"the {low}" in table:
            return value
    if ref := _vague(low, (before, after)):
        return ref
    low = _HEDGE_AFTER.sub("", _HEDGE_BEFORE.sub("", low))
    return _rules(low, anchor, (before, after)) or _dateparser(t, anchor)


# TIMEX3 gives a time whose place on the timeline is vague the value PRESENT_REF,
# PAST_REF or FUTURE_REF (TimeML guidelines 1.2.1, "value"): "recent weeks and months",
# "several years ago" (a vague quantity), "this crucial moment", "will one day".
_VAGUE_QUANTITY = r"(?:several|a few|few|many|some|a number of|a couple of)"
_VAGUE_AGO = re.compile(rf"^{_VAGUE_QUANTITY} (?:days|weeks|months|years|decades) (?:ago|earlier|before)$")
_VAGUE_AHEAD = re.compile(rf"^(?:in )?{_VAGUE_QUANTITY} (?:days|weeks|months|years|decades) (?:from now|later|hence)$")
_UNIT_WORDS = r"(?:days|weeks|months|quarters|years)"


def _vague(low: str, ctx: tuple[str, str]) -> str | None:
    if _VAGUE_FUTURE.match(low) or _VAGUE_AHEAD.match(low) or low in ("as soon as possible", "someday", "some day"):
        return "FUTURE_REF"
    if low == "one day" and _future_clause(ctx):  # "Islam will one day be ...": a day to come
        return "FUTURE_REF"
    if _VAGUE_PAST.match(low) or _VAGUE_AGO.match(low):
        return "PAST_REF"
    if re.fullmatch(rf"(?:in )?(?:recent|the past|the last) {_UNIT_WORDS} (?:and|or) {_UNIT_WORDS}", low):
        return "PAST_REF"
    if re.fullmatch(r"(?:at )?(?:(?:the|that) )?time|then[\s-]current", low):  # anaphoric past: "saying at the time"
        return "PAST_REF"
    if re.fullmatch(r"this (?:\w+ )?(?:moment|juncture|point in time|time)", low):
        return "PRESENT_REF"
    return None


# Hedges around a time that TIMEX3 leaves out of the value (it puts them in ``mod``:
# "1994 or later" is 1994 with mod EQUAL_OR_MORE, "post-1959" 1959 with mod AFTER).
_HEDGE_BEFORE = re.compile(r"^(?:a good part of|much of|most of|part of|all of|the rest of|the remainder of|"
                           r"throughout|(?:pre|post)-(?=\d))\s*")
_HEDGE_AFTER = re.compile(r"\s+(?:or later|or earlier|and beyond|and later|onwards?|or so|or thereabouts)$")


_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS_WORDS = {w: i for i, w in enumerate(_SMALL)}
_TENS_WORDS = {w: 10 * (i + 2) for i, w in enumerate(_TENS)}
_SPELLED_PAIR = rf"(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_SMALL[1:10])}))?|{'|'.join(_SMALL[10:])}"
_SPELLED_YEAR = re.compile(rf"\b(?:(?P<hi>nineteen|eighteen)\s+(?P<lo>{_SPELLED_PAIR})|(?:the year\s+)?two thousand)\b")
_VAGUE_FUTURE = re.compile(r"^(?:the\s+)?(?:coming|future|upcoming|next few|next several)\s+(?:days|weeks|months|"
                           r"quarters|years)$|^(?:the\s+)?(?:near|short|long)[\s-]term$")
_VAGUE_PAST = re.compile(r"^(?:the\s+)?(?:past|last|recent|previous)\s+(?:few\s+|several\s+|many\s+)?(?:days|"
                         r"weeks|months|quarters|years)$|^more recently$")


def _pair(words: str) -> int:
    parts = re.split(r"[\s-]", words)
    return sum(_TENS_WORDS.get(p, _UNITS_WORDS.get(p, 0)) for p in parts)


def _spelled_years(low: str) -> str:
    """ "nineteen ninety-six" -> "1996", "the year two thousand" -> "2000" (broadcast
    transcripts spell years out)."""
    def year(m: re.Match) -> str:
        if not m.group("hi"):
            return "2000"
        return str((19 if m.group("hi") == "nineteen" else 18) * 100 + _pair(m.group("lo")))

    return _SPELLED_YEAR.sub(year, low)


def _rules(low: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    bare = _MODIFIER.sub("", low)
    rules = (_composed, _anaphoric, _relative_day, _weekday_rule, _year_rule, _quarter_rule, _relative_period,
             _calendar_rule, _holiday_rule)
    for fn in rules:
        value = fn(low, bare, anchor, ctx)
        if value:
            return value
    return None


# Anaphoric expressions take the time last named as their reference, not the publication
# date (TimeML guidelines 1.2.1: "the following year", "that day", "the next morning" are
# anchored to a time in the text; "yesterday", "next year" to the document's time).
_ANAPHORS = {
    "that year": ("year", 0), "same year": ("year", 0), "that same year": ("year", 0), "following year": ("year", 1),
    "year after": ("year", 1), "previous year": ("year", -1), "year before": ("year", -1),
    "that month": ("month", 0), "same month": ("month", 0), "following month": ("month", 1),
    "month after": ("month", 1), "previous month": ("month", -1), "month before": ("month", -1),
    "that day": ("day", 0), "same day": ("day", 0), "that same day": ("day", 0), "day": ("day", 0),
    "next day": ("day", 1), "following day": ("day", 1), "next morning": ("day", 1), "following morning": ("day", 1),
    "day after": ("day", 1), "previous day": ("day", -1), "day before": ("day", -1), "then": ("as named", 0),
}
# A part of a day alone ("Tuesday morning" split in two, "that evening") is the day last
# named; the value is the day, as for "Tuesday morning" (see the module doc).
_PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
_ANAPHORS |= {f"{that}{part}": ("day", 0) for that in ("", "that ", "the same ") for part in _PARTS_OF_DAY}
_DAY_BEFORE_PART = re.compile(r"\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+$")
_REFERENCE = re.compile(
    r"\b(?P<m>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)(?:\s+(?P<d>\d{1,2})\b)?(?:,?\s+(?P<y>1\d{3}|20\d{2})\b)?"
    r"|\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\bin (?P<y2>1[89]\d{2}|20\d{2})\b"
)
# The reference is looked for in the sentence and the few before: 400 characters.
REFERENCE_WINDOW = 400


def _reference(before: str, anchor: dt.date | None) -> tuple[str, dt.date] | None:
    """(granularity, date) of the last time the text names before an expression; for an
    undated article a weekday is ("weekday", a date on that weekday)."""
    text = before[-REFERENCE_WINDOW:]
    matches = list(_REFERENCE.finditer(text))
    if not matches:
        return None
    m = matches[-1]
    if m.group("y2"):
        return "year", dt.date(int(m.group("y2")), 1, 1)
    if m.group("wd"):
        day = WEEKDAYS.index(m.group("wd").lower())
        if anchor is None:  # an undated article: the weekday itself, as WXX-n (see the module doc)
            return "weekday", dt.date(2001, 1, 1 + day)  # 2001-01-01 was a Monday
        return "day", dt.date.fromisoformat(_weekday(anchor, day, "past"))
    month = MONTHS[m.group("m").lower().rstrip(".")]
    day = int(m.group("d")) if m.group("d") else 0
    if not m.group("y") and anchor is None or day > 31:
        return None
    # A reference without its year is placed as the expression itself would be, by tense.
    year = int(m.group("y")) if m.group("y") else _month_year(anchor, month, "", (text[: m.start()], ""), day)
    return ("day" if day else "month"), _day_of(year, month, day or 1)


_ANAPHORIC_WEEKDAY = re.compile(r"(?:the )?(?P<w>previous|preceding|following) (?P<d>[a-z]+day)")


def _anaphoric(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    key = re.sub(r"^the ", "", bare)
    weekday = _ANAPHORIC_WEEKDAY.fullmatch(bare)
    if key not in _ANAPHORS and not (weekday and weekday.group("d") in WEEKDAYS):
        return None
    ref = _reference(ctx[0], anchor)
    if weekday:  # "the previous Friday": the Friday before the day last named
        if not (ref and ref[0] == "day"):
            return None
        day, ref_day = WEEKDAYS.index(weekday.group("d")), ref[1]
        if weekday.group("w") == "following":
            return (ref_day + dt.timedelta(days=(day - ref_day.weekday()) % 7 or 7)).isoformat()
        return (ref_day - dt.timedelta(days=(ref_day.weekday() - day) % 7 or 7)).isoformat()
    unit, shift = _ANAPHORS[key]
    if unit == "as named":  # "until then": the time last named, at its own precision
        return None if ref is None or ref[0] == "weekday" else _period_value(ref[1], ref[0], 0)
    if (m := _DAY_BEFORE_PART.search(ctx[0][-20:])) and key.split()[-1] in _PARTS_OF_DAY:
        # "Tuesday morning" tagged as two spans: the part of day is that weekday's.
        return normalise(m.group(1), anchor, before=ctx[0][: len(ctx[0]) - len(m.group(0))], after=ctx[1])
    if ref and ref[0] == "weekday":
        return f"WXX-{ref[1].isoweekday()}" if (unit, shift) == ("day", 0) else None
    if ref is None or (unit == "day" and ref[0] != "day") or (unit == "month" and ref[0] == "year"):
        # No reference of that precision: TimeML's default reference is the document's time.
        return _period_value(anchor, unit, shift)
    return _period_value(ref[1], unit, shift)


# Frequencies TIMEX3 values as the period they repeat at ("daily": P1D, a SET).
_FREQUENCIES = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y",
                "annually": "P1Y", "annual": "P1Y", "nightly": "P1D", "hourly": "PT1H"}


_COORDINATED = re.compile(r"\b(?P<m>[A-Z][a-z]+\.?) \d{1,2}(?:,| and| or| to|-|–)\s*$")


def _composed(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    """Expressions built on another one: "the day before last Tuesday", "the week of
    March 6" (its ISO week), "earlier in the year" (the anchor's year)."""
    if low in _FREQUENCIES:
        return _FREQUENCIES[low]
    m = _COORDINATED.search(ctx[0][-40:]) if re.fullmatch(r"\d{1,2}", bare) else None
    if m and m.group("m").lower().rstrip(".") in MONTHS:
        # "April 24 and 25": a bare day coordinated with a dated one shares its month.
        return normalise(f"{m.group('m')} {bare}", anchor, before=ctx[0][: -len(m.group(0))], after=ctx[1])
    if m := re.fullmatch(r"in the (day|week|month|year)", bare):
        return _period_value(anchor, m.group(1), 0)
    m = re.fullmatch(r"(?:the )?(?P<what>day before|day after|week of) (?P<inner>.+)", bare)
    if m is None or anchor is None:
        return None
    inner = normalise(m.group("inner"), anchor, before=ctx[0], after=ctx[1])
    if not inner or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", inner):
        return None
    day = dt.date.fromisoformat(inner)
    if m.group("what") == "week of":
        return _period_value(day, "week", 0)
    return _period_value(day, "day", 1 if m.group("what") == "day after" else -1)


def _relative_day(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0, "this afternoon": 0,
               "this evening": 0, "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1,
               "the day before": -1, "a day earlier": -1, "a day before": -1, "the previous day": -1,
               "the day after": 1, "the next day": 1, "a day later": 1, "the following day": 1, "today's": 0}
    if bare in offsets:
        return _period_value(anchor, "day", offsets[bare])
    if _NTH_DAY.match(bare):
        # "(for) a second day", "the eighth day of ...": the day the report is written on
        # (both such TimeBank cases are the document's day); the run began days before.
        return _period_value(anchor, "day", 0)
    return None


_NTH_DAY = re.compile(r"^(?:a |the )?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:nd|rd|th))"
                      r"(?: straight| consecutive| successive)? day$")


def _weekday_rule(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    if bare in ("weekend", "the weekend", "this weekend", "last weekend") and anchor:
        # The weekend most recently begun: that of the last Saturday on or before the
        # anchor; the coming one when the clause speaks of the future ("ahead of the weekend").
        coming = bare != "last weekend" and anchor.weekday() < 5 and _future_clause(ctx)
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7) if coming else \
            anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
        year, week, _ = saturday.isocalendar()
        return f"{year}-W{week:02d}-WE"
    m = _WEEKDAY.match(bare)
    if not m or m.group("d").lower() not in WEEKDAYS:
        return None
    day = WEEKDAYS.index(m.group("d").lower())
    word = (m.group("w") or "").lower()
    if word in ("next", "this coming", "coming") or (not word and _future_clause(ctx)):
        direction = "next"
    else:
        direction = "last" if word in ("last", "this past", "past", "previous", "the previous") else "past"
    # "Tuesday morning" is the day: TimeBank gives the part of day (TMO) in 9 of 1,505.
    return _weekday(anchor, day, direction)


def _future_clause(ctx: tuple[str, str]) -> bool:
    """Whether the clause before an expression speaks of the future ("will meet on
    Tuesday"). TimeML anchors a bare weekday or month by the tense of the event it
    modifies; the clause ends at a comma ("would appeal the decision, announced
    Wednesday"), and a possessive ("Wednesday's ruling") names an event, not the verb's."""
    if re.search(r"\b(?:ahead of|in time for)\s+(?:the\s+)?$", ctx[0][-30:]):  # "ahead of Friday's vote"
        return True
    if ctx[1].startswith(("'s", "’s")):
        return False
    clause = re.split(r"[.;!?,]", ctx[0][-CUE_WINDOW:])[-1]
    return bool(_FUTURE_CUE.search(clause))


def _year_rule(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    if m := _DECADE.match(low):
        return _decade(m)
    if m := re.fullmatch(rf"(?:(?P<mod>early|mid|late)[\s-]+)?(?P<t>{'|'.join(_TENS)})s", low.replace("ies", "ys")):
        # "the nineties" as "the 1990s" (a 20th-century decade: news of this corpus' era)
        return _decade(_DECADE.match(f"{m.group('mod') or ''} 19{_TENS_WORDS[m.group('t')] // 10}0s".strip()))
    if m := _CENTURY.match(bare):
        return f"{int(m.group('n')) - 1:02d}"
    if m := _YEAR.match(bare):
        return m.group("y")
    if re.fullmatch(r"(?:the\s+)?(?:1\d|20)\d{2}\s*-\s*\d{2,4}", bare):  # "1998-99": the first year
        return bare.lstrip("the ")[:4]
    return None


def _relative_period(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    if bare in ("year", "full year", "calendar year", "whole year", "year to date", "fiscal year", "current year",
                "current fiscal year", "year end", "year-end", "year's end"):
        return _period_value(anchor, "year", 0)
    if re.fullmatch(r"(?:a |the )?year[\s-](?:ago|earlier)", bare) or (
            bare == "a year" and re.match(r"\s+(?:ago|earlier)\b", ctx[1])):  # the span may stop at "a year"
        return _year_ago(anchor, ctx)
    if m := _AGO.match(bare):
        n, unit = _number(m.group("n")), m.group("u").lower()
        if n is None:
            return None
        sign = 1 if re.search(r"later|from now|hence", bare) else -1
        if unit == "decade":
            n, unit = n * 10, "year"
        return _period_value(anchor, unit, sign * n)
    if m := _THIS.match(bare):
        word, unit = m.group("w").lower(), m.group("u").lower()
        shift = {"last": -1, "the past": -1, "past": -1, "the previous": -1, "previous": -1, "next": 1,
                 "the coming": 1, "coming": 1}.get(word, 0)
        if unit in _SEASONS:
            if word == "this past" and anchor:  # the latest one begun: this year's unless not yet come
                shift = -int(_SEASON_START[_SEASONS[unit]] >= anchor.month)
            year = _year_of(anchor) if not anchor else str(anchor.year + shift)
            return f"{year}-{_SEASONS[unit]}"
        if unit == "century" and anchor and word in ("this", "the current", "the"):
            return f"{anchor.year // 100:02d}"  # TIMEX3: a century is its first two digits
        if unit == "weekend":
            return f"{_period_value(anchor, 'week', shift)}-WE" if anchor else None
        if unit in ("decade", "century", "season"):
            return None
        if word in ("the latest", "latest") and unit == "quarter":
            return _period_value(anchor, "quarter", -1)
        return _period_value(anchor, unit, shift)
    return None


# A period named in a financial report, in any word order: "the 1988 second quarter",
# "the year-earlier third quarter", "next year's first quarter", "the latest period",
# "the corresponding period last year". TimeML gives such a period the quarter (or year)
# it denotes, with the year-ago ones a year back (TimeBank's earnings reports).
_PERIOD_WORDS = re.compile(r"^(?:(?:the|its|this|that|next|last|latest|current|same|corresponding|comparable|fiscal|"
                           r"year-ago|year-earlier|year's|year|a|ago|1\d{3}|20\d{2}|first|second|third|fourth|"
                           r"1st|2nd|3rd|4th|quarter|period)(?:[\s-]+|$))+$")
_YEAR_BACK = re.compile(r"year-ago|year-earlier|a year ago|last year|year earlier|corresponding|comparable")
# The last period a report names before an expression ("For the nine months, ... a year
# earlier" is the year before; "in the fiscal first quarter ... a year ago" that quarter a
# year before). 300 characters: the sentence and the one before it.
_PERIOD_MENTION = re.compile(
    r"\b(?:(?:fiscal[\s-]+)?(?P<o>first|second|third|fourth)[\s-]+(?:fiscal[\s-]+)?)?(?P<q>quarter)s?\b"
    r"|\b(?P<y>(?:nine|six|twelve) months|first half|(?:fiscal|full) year)\b",
    re.IGNORECASE,
)
PERIOD_WINDOW = 300


def _reported(before: str, anchor: dt.date | None) -> tuple[str, int | None] | None:
    """("quarter", its number or None) or ("year", None): the period last named before."""
    text = before[-PERIOD_WINDOW:]
    mentions = [m for m in _PERIOD_MENTION.finditer(text) if not _forecast(m, text, anchor)]
    if not mentions:
        return None
    last = mentions[-1]
    if last.group("q"):
        return "quarter", _ORDINALS[last.group("o").lower()] if last.group("o") else None
    return "year", None


_REPORTED_CUE = re.compile(r"\b(?:reported|posted|earned|had|was|were|rose|fell|ended|lost)\b", re.IGNORECASE)


def _forecast(m: re.Match, text: str, anchor: dt.date | None) -> bool:
    """A quarter not yet over at publication ("a fourth-quarter charge" written in
    November) is a forecast, not the period reported, unless the sentence reports it."""
    if anchor is None or not m.group("o") or _ORDINALS[m.group("o").lower()] <= _latest_quarter(anchor):
        return False
    sentence = re.split(r"[.;!?]", text[: m.start()])[-1]
    return not (_REPORTED_CUE.search(sentence) or re.match(r"[\s-]*ended", text[m.end():]))


def _latest_quarter(anchor: dt.date) -> int:
    """The number of the last quarter completed before the anchor (what a report covers)."""
    return ((anchor.month - 1) // 3 - 1) % 4 + 1


def _named_period(bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    if not ("quarter" in bare or "period" in bare) or not _PERIOD_WORDS.match(bare):
        return None
    ordinal = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\b", bare)
    year = re.search(r"\b(?:1\d{3}|20\d{2})\b", bare)
    if anchor is None and not year:
        return f"XXXX-Q{_ORDINALS[ordinal.group(1)]}" if ordinal else None
    shift = -1 if _YEAR_BACK.search(bare) else (1 if "next" in bare else 0)
    reported = _reported(ctx[0], anchor)
    if ordinal:
        number = _ORDINALS[ordinal.group(1)]
    elif reported and reported[0] == "year" and "period" in bare:
        return year.group(0) if year else str(anchor.year + shift)
    elif "current" in bare:
        return _period_value(anchor, "quarter", 0) if not year else None
    elif reported and reported[1]:
        number = reported[1]
    elif anchor is None:  # "the 1988 period" in an undated report: which quarter is unknown
        return year.group(0)
    elif year or shift:
        number = _latest_quarter(anchor)
    else:
        return _period_value(anchor, "quarter", -1)
    # A quarter named without its year is this year's (fiscal quarters keep their number).
    return f"{year.group(0) if year else anchor.year + shift}-Q{number}"


def _year_ago(anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    """ "A year ago/earlier" in a report compares with the same period a year back: the
    quarter if the last period named is a quarter, the year if it is nine months or a
    year; with none named nearby, the quarter if the text speaks of quarters at all."""
    reported = _reported(ctx[0], anchor)
    if reported is None:
        quarterly = any(re.search(r"\bquarter", c, re.IGNORECASE) for c in ctx)
        reported = ("quarter", None) if quarterly else ("year", None)
    if reported[0] == "year" or anchor is None:
        return _period_value(anchor, "year", -1)
    if reported[1]:
        return f"{anchor.year - 1}-Q{reported[1]}"
    return _period_value(anchor, "quarter", -5)


def _quarter_rule(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    if value := _named_period(bare, anchor, ctx):
        return value
    if m := _QUARTER.match(bare):
        year = m.group("y") or m.group("y2") or _year_of(anchor)
        return f"{year}-Q{_ORDINALS[m.group('o').lower()]}"
    if m := _HALF.match(bare):
        return f"{m.group('y') or _year_of(anchor)}-H{_HALVES[m.group('o').lower()]}"
    if bare in _SEASONS:
        return f"{_year_of(anchor)}-{_SEASONS[bare]}"
    if m := re.fullmatch(r"(?P<s>spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?P<y>\d{4})", bare):
        return f"{m.group('y')}-{_SEASONS[m.group('s')]}"
    return None


def _nearest_year(anchor: dt.date, month: int, direction: str = "", day: int = 0) -> int:
    """The year of a named month (or day of it): "December" written in January is last
    December. "last"/"next" pick the previous/coming one; a tense ("past"/"future", see
    ``_tense``) picks the nearest on that side of the anchor, the anchor's month itself
    included ("this" is always the anchor's year: TimeML's "this" names the current
    calendar period)."""
    delta = month - anchor.month
    if direction == "this":
        return anchor.year
    if direction == "last":
        return anchor.year - (delta >= 0)
    if direction == "next":
        return anchor.year + (delta <= 0)
    if direction in ("past", "future"):
        # The occurrence on the tense's side of the anchor, with a month's slack: a
        # publication date may trail the event ("said on Monday, Oct. 26" dated the 25th).
        target = (month, day or 1)
        candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
        slack = dt.timedelta(days=31)
        if direction == "past":
            return max(y for y in candidates if _day_of(y, *target) <= anchor + slack)
        return min(y for y in candidates if _day_of(y, *target) >= anchor - slack)
    # News reports the past: a month more than 3 ahead is last year's, one more than 7
    # behind is next year's. Thresholds measured on TBAQ (1,183-1,186 of 1,505 right for
    # 3/7 against 1,176 for a symmetric 6/6); a small effect either way.
    return anchor.year + (delta < -7) - (delta > 3)


def _day_of(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31))


# The tense of the clause before a month or day without its year. TimeML anchors such an
# expression by the event it modifies: "ended March 31" is the last one, "will close by
# June 1" the coming one. Past: a past auxiliary or a few past forms (a regular -ed form is
# as often a participle: "extended to", "expected in").
_PAST_CUE = re.compile(r"\b(?:was|were|had|did|since|ago|began|ended|closed|bought|sold|took|made|came|went|met|told|"
                       r"left|won|held|fell|rose|saw|gave|got|led|paid|kept|became|lost)\b",
                       re.IGNORECASE)
_YEAR_AFTER = re.compile(r"^,?\s+(?P<w>this|last|next) year\b", re.IGNORECASE)


def _tense(ctx: tuple[str, str]) -> str:
    if m := _YEAR_AFTER.match(ctx[1]):  # "in February this year": the span stops at the month
        return {"this": "this", "last": "last_year", "next": "next_year"}[m.group("w").lower()]
    if _future_clause(ctx):
        return "future"
    clause = re.split(r"[.;!?,]", ctx[0][-CUE_WINDOW:])[-1]
    return "past" if _PAST_CUE.search(clause) else ""


def _month_year(anchor: dt.date, month: int, word: str, ctx: tuple[str, str], day: int = 0) -> int:
    direction = word or _tense(ctx)
    if direction in ("last_year", "next_year"):
        return anchor.year + (1 if direction == "next_year" else -1)
    return _nearest_year(anchor, month, direction, day)


def _calendar_rule(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        m = pattern.match(bare)
        if m and m.group("m").lower() in MONTHS:
            month, day = MONTHS[m.group("m").lower()], int(m.group("d"))
            year = m.group("y") or (_month_year(anchor, month, "", ctx, day) if anchor else "XXXX")
            return f"{year}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
    if (m := re.fullmatch(r"(?P<m>[a-z]+)\.? (?P<w>this|last|next) year", bare)) and m.group("m") in MONTHS:
        shift = {"this": 0, "last": -1, "next": 1}[m.group("w")]
        return f"{_period_value(anchor, 'year', shift)}-{MONTHS[m.group('m')]:02d}" if anchor else None
    m = _MONTH.match(low) or _MONTH.match(bare)
    if m and m.group("m").lower() in MONTHS and len(m.group("m")) > 2:
        month = MONTHS[m.group("m").lower()]
        if m.group("y"):
            return f"{m.group('y')}-{month:02d}"
        if anchor is None:
            return f"XXXX-{month:02d}"
        word = (m.group("w") or "").lower()
        return f"{_month_year(anchor, month, word if word in ('last', 'next', 'this') else '', ctx)}-{month:02d}"
    return None


@lru_cache(maxsize=32)
def _parser(anchor: dt.date):
    """One dateparser per publication day: building one costs more than parsing."""
    from dateparser.date import DateDataParser

    base = dt.datetime.combine(anchor, dt.time(12))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    return DateDataParser(languages=["en"], settings=settings)


# Holidays news names by name: fixed days (month, day), and US floating ones as
# (month, weekday, nth) — Thanksgiving is the 4th Thursday of November.
_FIXED_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                   "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
                   "halloween": (10, 31), "valentine's day": (2, 14), "bastille day": (7, 14)}
_FLOATING_HOLIDAYS = {"thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
                      "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3)}


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    if nth < 0:  # the last one: step back from the first of the next month
        first_next = dt.date(year + month // 12, month % 12 + 1, 1)
        return first_next - dt.timedelta(days=(first_next.weekday() - weekday - 1) % 7 + 1)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _holiday_rule(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    words = bare.split()
    direction = words[0] if words and words[0] in ("last", "this", "next") else ""
    name = " ".join(words[1:]) if direction else bare
    if anchor is None or name not in _FIXED_HOLIDAYS.keys() | _FLOATING_HOLIDAYS.keys() | {"election day"}:
        return None

    def on(year: int) -> dt.date:
        if name == "election day":  # US: the Tuesday after the first Monday of November
            return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
        if name in _FIXED_HOLIDAYS:
            return dt.date(year, *_FIXED_HOLIDAYS[name])
        return _nth_weekday(year, *_FLOATING_HOLIDAYS[name])

    day = on(anchor.year)
    if direction == "last" and day >= anchor:
        day = on(anchor.year - 1)
    elif direction == "next" and day <= anchor:
        day = on(anchor.year + 1)
    elif not direction:
        day = on(_nearest_year(anchor, day.month))
    return day.isoformat()


def _dateparser(text: str, anchor: dt.date | None) -> str | None:
    """dateparser on the expression alone, at the precision it reports."""
    if anchor is None or not any(c.isalnum() for c in text):
        return None
    data = _parser(anchor).get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj
    return {"year": f"{d.year}", "month": f"{d.year}-{d.month:02d}"}.get(data.period or "day", d.date().isoformat())


# A signed offset, or P0D-style "the same period" (an unsigned P1D is a TIMEX3 duration or
# frequency, "daily", and stays as it is).
_RELATIVE = re.compile(r"^P(?:(?P<sign>[+-])(?P<n>\d+)|(?P<zero>0))(?P<u>[DWMQY])$")
_UNITS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}


def anchor_relative(value: str | None, anchor: dt.date) -> str | None:
    """A relative value of an undated article made absolute, once the story knows the
    article's day: ``P-1D`` -> the day before, ``WXX-2`` -> the last Tuesday on or before,
    ``XXXX-07-04`` -> the nearest 4 July. Other values are returned unchanged."""
    if not value:
        return value
    if m := _RELATIVE.match(value):
        shift = int(m.group("n") or 0) * (-1 if m.group("sign") == "-" else 1)
        return _period_value(anchor, _UNITS[m.group("u")], shift)
    if m := re.fullmatch(r"WXX-([1-7])", value):
        return _weekday(anchor, int(m.group(1)) - 1, "past")
    if m := re.fullmatch(r"XXXX-(\d{2})(-\d{2})?", value):
        month = int(m.group(1))
        return f"{_nearest_year(anchor, month)}-{month:02d}{m.group(2) or ''}"
    if value.startswith("XXXX-"):  # a quarter, half or season of the article's year
        return f"{anchor.year}{value[4:]}"
    return value


def anchor_of(published: str | None) -> dt.date | None:
    """The publication day of an ISO date or datetime, or None if there is none or it is bad."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


# Relative expressions the small model often leaves untagged ("just a day before",
# "two weeks earlier"); found by this rule where no DATE/TIME entity covers them.
_MISSED = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|seven|\d+) (?:days?|weeks?|months?|years?) "
    r"(?:earlier|before|later|ago)|(?:yesterday|today|tomorrow)|"
    r"(?:last |next )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)


def _spans(doc, text: str) -> list[tuple[int, int]]:
    """DATE/TIME entities (never across a line break), and rule spans not inside one; a
    rule span replaces an entity it sticks out of ("just a day" -> "a day before")."""
    ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME") and "\n" not in e.text]
    rules = [(m.start(), m.end()) for m in _MISSED.finditer(text)]
    rules = [r for r in rules if not any(s <= r[0] and r[1] <= e for s, e in ents)]
    ents = [(s, e) for s, e in ents if not any(r[0] < e and s < r[1] for r in rules)]
    return sorted(ents + rules)


def resolve_dates(analysis: Analysis, doc) -> Analysis:
    """Time expressions -> DateRefs normalised against the publication date."""
    article = analysis.article
    anchor = anchor_of(article.published)
    text = article.text
    refs = []
    for start, end in _spans(doc, text):
        value = normalise(text[start:end], anchor, before=text[:start], after=text[end:])
        refs.append(DateRef(article_id=article.id, span=(start, end), text=text[start:end], value=value))
    return replace(analysis, dates=tuple(refs))
