"""The rules that normalise one time expression (``normalise``), and dateparser for the rest."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from newsdesk.nlp.dates.context import (
    CUE_WINDOW,
    apposed_count,
    appositive,
    future_clause,
    month_year,
    reference,
    sentence_after,
    sentence_before,
    tense,
)
from newsdesk.nlp.dates.periods import (
    HOLIDAYS,
    MONTHS,
    NUMBERS,
    SEASON_START,
    SEASONS,
    WEEKDAYS,
    YEARLESS_MARK,
    holiday_value,
    period_value,
    season_year,
    weekday_on,
    weekend_of,
    year_part,
)
from newsdesk.nlp.dates.reports import quarter_rule, reported_period, widened_period, year_ago
from newsdesk.nlp.dates.words import (
    FUTURE,
    HEDGE_AFTER,
    HEDGE_BEFORE,
    PAST,
    PRESENT,
    TENS,
    TENS_WORDS,
    spelled_days,
    spelled_years,
    vague,
)

_MODIFIER = re.compile(r"^(?:early|late|mid|middle of|the middle of|the end of|end of|the beginning of|"
                       r"beginning of|the start of|start of|later|earlier|around|about|sometime|some time)[\s-]+",
                       re.IGNORECASE)


def _number(word: str) -> int | None:
    """A count written in digits or words: "5", "five", "twenty", "twenty-five"."""
    word = word.lower()
    if word.isdecimal():  # not "¹", a digit int() cannot read
        return int(word)
    tens, _, unit = word.replace(" ", "-").partition("-")
    if tens in TENS_WORDS and (not unit or NUMBERS.get(unit, 10) < 10):
        return TENS_WORDS[tens] + NUMBERS.get(unit, 0)
    return NUMBERS.get(word)


def _decade(m: re.Match) -> str:
    """The decade, also for "the early 1990s" or "the last half of the '80s": TIMEX3 gives
    the decade as the value and puts early/mid/late in its ``mod`` (START, MID, END),
    which a DateRef has no field for (TBAQ: all 5 such phrases are the decade)."""
    return f"{m.group('c') or '19'}{m.group('d')[0]}X"


_DECADE = re.compile(r"^(?:early|mid|late|(?:the\s+)?(?:first|second|last|latter)\s+half\s+of)?[\s-]*"
                     r"(?:the\s+)?(?:(?P<c>1\d|20)|')(?P<d>\d0)'?s$", re.IGNORECASE)

_CENTURY = re.compile(r"^(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]century$", re.IGNORECASE)

# A year by its number, maybe named as a fiscal, calendar or model year or a season of sport.
_YEAR_KIND = r"(?:fiscal|financial|calendar|model) year|fiscal|calendar"
_YEAR = re.compile(rf"^(?:(?:{_YEAR_KIND}|the year|year)\s+|fy\s*)?(?P<y>1\d{{3}}|20\d{{2}})"  # "FY2024" too
                   rf"(?:\s+(?:{_YEAR_KIND}|season))?$", re.IGNORECASE)

_AGO = re.compile(r"^(?:about |nearly |almost |some |more than |over )?(?P<n>\w+)\s+(?P<u>day|week|month|year|"
                  r"decade)s?\s+(?:ago|earlier|before|later|from now|hence|since)$", re.IGNORECASE)

# A length of time alone, "five years", "the nine months", "a 16-hour flight": a DURATION
# in TIMEX3, not a date. dateparser reads "five years" as five years ago and "the nine
# months" as nine months ago, and "a month" read as "this month" gave the month (on TBAQ's
# half A, 48 of 128 gold DURATION expressions were given a calendar value).
# (The longer leading words first: "the first nine months" is nine months, not "first nine" of them.)
# Two counts of one unit are a length too: "six and four years", "three or four days",
# "between two and three years" (dateparser read the first as four years ago).
_LENGTH = re.compile(r"^(?:(?:the first|the last|the past|the next|the final|an extra|a|an|about|nearly|almost|some|"
                     r"roughly|just|only|more than|less than|over|under|at least|at most|up to|another|between|"
                     r"the)\s+)?"
                     r"(?P<n>[a-z0-9]+(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)"
                     r"(?:\s+(?:and|or|to)\s+[a-z0-9]+)?[\s-]"
                     r"(?P<u>second|minute|hour|day|night|week|month|quarter|year|decade|century|centuries)s?$")


def is_length(low: str) -> bool:
    """A count of units; "the 1988 quarter" is a year's quarter, not 1,988 of them."""
    return bool((m := _LENGTH.match(low)) and (n := _number(m.group("n"))) and n < 1000)


_THIS = re.compile(r"^(?P<w>this past|this|last|next|the past|the previous|past|previous|the coming|coming|the current|"
                   r"the same|that|the|a|the latest|latest)\s+(?:(?:fiscal|financial|full|calendar)\s+)?"
                   r"(?P<u>day|week|weekend|month|quarter|year|season|spring|summer|fall|autumn|winter|decade|century)$",
                   re.IGNORECASE)

_MONTH_DAY = re.compile(r"^(?:(?:this coming|this past|this|next|last|coming|on)\s+)?(?:(?P<wd>[a-z]+),?\s+)?"
                        r"(?P<m>[a-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
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
    t = CONJUNCTION_AFTER.sub("", " ".join(text.replace("’", "'").split()).strip(" ,.;:"))
    if m := PREPOSITION.match(t):  # the preposition is context: "will close in five years"
        t, before = t[m.end():], before + m.group(0)
    if ((m := _UNIT_OF_RELATION.match(t)) and re.match(r"\s+(?:after|before|later|earlier)\b", after)
            and _number(m.group("t").split()[-1]) is None and m.group("t").split()[-1].lower() not in ("a", "few")):
        # "killed on Wednesday hours after ...": the model's span takes the count of the
        # relation after it, and "Wednesday hours" was read as the Wednesday before
        t, after = m.group("t"), f" {m.group('u')}{after}"
    ctx = (before, after)
    if _COUNT_TO_RELATION.match(t) and apposed_count(before):
        return _time_named_before(before, anchor)  # "on Monday, just a day before the attack": Monday
    if from_an_event(t, after):
        return None
    if widened := widened_period(t, ctx):
        t, ctx = widened
    if (ended := _with_end_day(t, ctx)) and (value := _by_parts(ended[0], anchor, ended[1])):
        return value
    return _by_rules(t, anchor, ctx) or _by_parts(t, anchor, ctx) or _dateparser(t, anchor)


# A count of time whose span ends in its relation, and the event it counts from after it:
# "a week before" + " the ceasefire talks", "two days after" + " his arrest". The time is the
# event's, which the text does not date here; counted from the report it would be a week
# before the report. Not a time after the relation ("the day before" + " last Tuesday's
# hearing" is read whole; "a week before the end of the year" counts from a time).
_COUNT_TO_RELATION = re.compile(r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+"
                                r"(?:days?|weeks?|months?|years?)\s+(?:before|after)$", re.IGNORECASE)
_AN_EVENT_AFTER = re.compile(r"^\s+(?:the|a|an|his|her|its|their|our|this|that)\s+(?!(?:day|week|weekend|month|"
                             r"year|end|start|beginning|middle|close|turn)\b)[a-z]", re.IGNORECASE)


def _time_named_before(before: str, anchor: dt.date | None) -> str | None:
    """The value of the last time named before an expression (``reference``), at its own
    precision; an undated article's weekday as WXX-n."""
    ref = reference(before, anchor)
    if ref is None:
        return None
    return f"WXX-{ref[1].isoweekday()}" if ref[0] == "weekday" else period_value(ref[1], ref[0], 0)


def from_an_event(t: str, after: str) -> bool:
    """Whether the expression ``t``, with the text ``after`` it, is a time counted from an
    event the text names ("a week before" + " the ceasefire talks"): it has no value of its own."""
    return bool(_COUNT_TO_RELATION.match(t.strip()) and _AN_EVENT_AFTER.match(after))


# A time with a bare unit of a relation after it: "Wednesday hours" (+ " after").
_UNIT_OF_RELATION = re.compile(r"^(?P<t>.+?)\s+(?P<u>(?:minutes|hours|days|weeks|months|years))$")


# A period whose end day follows its span ("the year" + " ending June 30, 1990", as the stage
# marks the two apart, TIMEX3's extents) is read with it: the year that day ends. Undated, the
# end day gives no calendar period, and the span is read alone. Not a quarter: a report
# numbers its fiscal quarters ("the second quarter ended Sept. 30"), ``reports`` reads them.
_END_DAY_AFTER = re.compile(r"^,?\s+(?:that |which )?(?:ended|ending|ends|closed)\s+(?:on\s+)?"
                            r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4}(?!\d))?|today|tomorrow|yesterday)\b")


def _with_end_day(t: str, ctx: tuple[str, str]) -> tuple[str, tuple[str, str]] | None:
    if not re.fullmatch(r"(?:(?:the|its|their|his|her)\s+)?(?:fiscal\s+)?year", t, re.IGNORECASE):
        return None
    if m := _END_DAY_AFTER.match(ctx[1]):
        return t + m.group(0), (ctx[0], ctx[1][m.end():])
    return None


# Words before a time that TIMEX3 leaves out of the span (TimeML guidelines: the signal
# "on", "since", "until" is not part of the TIMEX3) but the model's DATE spans often hold:
# "since 1987", "as early as next year's first quarter", "at least the first two quarters".
PREPOSITION = re.compile(r"^(?:(?:as (?:early|late|recently|long ago) as|at least|no (?:later|earlier) than|"
                          r"on|in|at|by|until|till|since|through|during|from|before|after|between|both|over|within)\s+)+"
                          r"(?!time\b)", re.IGNORECASE)  # "on time", "from time to time" are idioms, no time


# A span that runs into the next expression's conjunction: "between now and", "1994, 1995 and".
CONJUNCTION_AFTER = re.compile(r"(?:,?\s+(?:and|or|to|through|until)|\s*[-–,])$", re.IGNORECASE)


def _by_rules(t: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    """The value our rules give the expression ``t`` (cleaned), or None."""
    low = spelled_days(spelled_years(re.sub(r"'s$", "", t.lower())))
    if low.startswith("the ") and low[4:] not in PAST | FUTURE:
        low = low[4:]
    for table, value in ((PRESENT, "PRESENT_REF"), (PAST, "PAST_REF"), (FUTURE, "FUTURE_REF")):
        if low in table or f"the {low}" in table:
            return value
    if ref := vague(low, ctx):
        return ref
    low = HEDGE_AFTER.sub("", HEDGE_BEFORE.sub("", low))
    return _rules(low, anchor, ctx)


# A range in one span ("1991 to 1997", "between 1985 and 1987", "Sept. 14 to Thursday",
# "Monday-Friday"): TIMEX3 writes two expressions; a DateRef has one value, and the range's
# start is when it begins. A dash without spaces joins a compound ("day-long", "the
# year-earlier nine months") unless a number or a name follows it.
RANGE = re.compile(r"^(?P<a>.+?)(?:\s+(?:to|through|until|till|and|[-–])\s+|"
                   r"\s*(?<!\d{4}-\d\d)[-–](?=[0-9A-Z])(?!\d\d-\d\d\b))(?P<b>\S.*)$")  # not inside "2023-09-19"

# A period by the day it ends ("the third quarter ended Sept. 30", "the year ending June 30"):
# the period; "the quarter" or "the year" alone is the one the end day falls in (a fiscal
# year is named by the calendar year it ends in: "fiscal 2024" ends June 30, 2024).
ENDED = re.compile(r"^(?P<p>.+?),?\s+(?:that |which )?(?:ended|ending|ends|closed)\s+(?:on\s+)?(?P<d>.+)$",
                    re.IGNORECASE)

# A time expression at the end of a span the model ran too far back ("coup d'etat last
# year", "the day Friday"): what follows a leading word. Only a deictic or named time, as
# "day" or "first day" alone would read as an anaphor; and not the argument of a relation
# ("the week of March 6", "the day before last Tuesday" are not that day).
_TAIL_START = re.compile(r"^(?:[A-Z0-9]|(?:last|next|this|early|late|mid|earlier|later)\s+\S)")
_RELATION = re.compile(r"\b(?:of|before|after|since|from|to|until|till|by|than)\b", re.IGNORECASE)


# A day known by a name our holidays do not hold ("Mother's Day", "Polling Day", "Super
# Tuesday", "Bloody Sunday"): no date we know. Its tail was read as the day of publication
# ("Day", as "the day") or as the last such weekday. The words that make a weekday a time
# ("Last Friday" opening a sentence) and the holidays we know are read whole before.
_NAMED_DAY = re.compile(r"(?:the\s+)?(?:[A-Z][\w.'’-]*\s+)+(?:Day|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)")


def _by_parts(t: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    """A span the rules cannot read whole: a range, a period by its end day, or a time
    after stray leading words."""
    if m := ENDED.match(t):
        return _ended(m, anchor, ctx)
    if m := RANGE.match(t):
        return _by_rules(m.group("a"), anchor, (ctx[0], t[m.end("a"):] + ctx[1]))
    items = t.split(", ")
    if len(items) > 1 and all(_by_rules(item, anchor, ctx) for item in items):
        # A list, "1994, 1995": its first time, as a range's ("Friday, Oct. 27" is read whole first).
        return _by_rules(items[0], anchor, (ctx[0], t[len(items[0]):] + ctx[1]))
    if _NAMED_DAY.fullmatch(t):
        return None
    words = t.split()
    for i in range(1, len(words)):
        head, tail = " ".join(words[:i]), " ".join(words[i:])
        if _RELATION.search(head):
            return None
        if _TAIL_START.match(tail) and (value := _by_rules(tail, anchor, (f"{ctx[0]}{head} ", ctx[1]))):
            return value
    return None


def _ended(m: re.Match, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    period = re.sub(r"^(?:the|its|their|a|his|her)\s+(?:fiscal\s+)?", "", m.group("p").lower())
    if period in ("quarter", "year", "period"):
        end = normalise(m.group("d"), anchor, before=ctx[0], after=ctx[1])
        if not end or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", end):
            return None
        return period_value(dt.date.fromisoformat(end), "quarter" if period != "year" else "year", 0)
    return _by_rules(m.group("p"), anchor, ctx)


def _rules(low: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    bare = _MODIFIER.sub("", low)
    if is_length(bare):
        return _length_as_date(bare, anchor, ctx)
    rules = (_clock_time, _composed, _anaphoric, _relative_day, _weekday_rule, _year_rule, quarter_rule,
             _relative_period, _calendar_rule, _holiday_rule, _part_of_year)
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
    "that week": ("week", 0), "same week": ("week", 0), "following week": ("week", 1), "week after": ("week", 1),
    "previous week": ("week", -1), "week before": ("week", -1),
}

# A part of a day alone ("Tuesday morning" split in two, "that evening") is the day last
# named; the value is the day, as for "Tuesday morning" (see the module doc).
_PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")

_ANAPHORS |= {f"{that}{part}": ("day", 0) for that in ("", "that ", "the same ") for part in _PARTS_OF_DAY}

_DAY_BEFORE_PART = re.compile(r"\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+$")

_ANAPHORIC_WEEKDAY = re.compile(r"(?:the )?(?P<w>previous|preceding|following) (?P<d>[a-z]+day)")


def _anaphoric(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    key = re.sub(r"^the ", "", bare)
    weekday = _ANAPHORIC_WEEKDAY.fullmatch(bare)
    if key not in _ANAPHORS and not (weekday and weekday.group("d") in WEEKDAYS):
        return None
    ref = reference(ctx[0], anchor)
    if weekday:  # "the previous Friday": the Friday before the day last named
        if not (ref and ref[0] == "day"):
            return None
        day, ref_day = WEEKDAYS.index(weekday.group("d")), ref[1]
        if weekday.group("w") == "following":
            return (ref_day + dt.timedelta(days=(day - ref_day.weekday()) % 7 or 7)).isoformat()
        return (ref_day - dt.timedelta(days=(ref_day.weekday() - day) % 7 or 7)).isoformat()
    unit, shift = _ANAPHORS[key]
    if key == "day" and (m := re.match(r"\s+(after|before)\b", ctx[1])):
        # "the day after his death": a day from the event's, which is the day last named.
        # An appositive ("Oct. 12, the day before the vote") is that day itself.
        if not (ref and ref[0] == "day"):
            return None
        shift = 0 if appositive(ctx[0]) else (1 if m.group(1) == "after" else -1)
    if unit == "as named":  # "until then": the time last named, at its own precision
        return None if ref is None or ref[0] == "weekday" else period_value(ref[1], ref[0], 0)
    if (m := _DAY_BEFORE_PART.search(ctx[0][-20:])) and key.split()[-1] in _PARTS_OF_DAY:
        # "Tuesday morning" tagged as two spans: the part of day is that weekday's.
        return normalise(m.group(1), anchor, before=ctx[0][: len(ctx[0]) - len(m.group(0))], after=ctx[1])
    if ref and ref[0] == "weekday":
        return f"WXX-{ref[1].isoweekday()}" if (unit, shift) == ("day", 0) else None
    if ref is None or (unit in ("day", "week") and ref[0] != "day") or (unit == "month" and ref[0] == "year"):
        # No reference of that precision: TimeML's default reference is the document's time.
        return period_value(anchor, unit, shift)
    return period_value(ref[1], unit, shift)


# Frequencies TIMEX3 values as the period they repeat at ("daily": P1D, a SET).
_FREQUENCIES = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y",
                "annually": "P1Y", "annual": "P1Y", "nightly": "P1D", "hourly": "PT1H"}

_COORDINATED = re.compile(r"\b(?P<m>[A-Z][a-z]+\.?) \d{1,2}(?:,| and| or| to|-|–)\s*$")

# A clock time with its day, "9 a.m. Tuesday", "Friday at 3:30 p.m. EST", "14:30 GMT on
# Tuesday" (a 24-hour clock, as wires and live pages write it): TIMEX3 gives the day and
# the time (2000-04-04T09:00); the time zone is left out, as TIMEX3 does.
_CLOCK = (r"(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>[ap])\.?m\b\.?|(?P<noon>noon)|(?P<midnight>midnight)"
          r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)\b")
_ZONE = r"(?:\s+\(?(?:[ecmp][sd]t|gmt|utc|bst|cest|cet|eest|eet|msk|local time)\)?)?"
_ELSEWHERE = r"(?:\s*\(\d{1,2}:?\d\d\s*[a-z]{3,4}\))?"  # "1 p.m. (0900 gmt) on Tuesday": the time elsewhere
_TIME_FIRST = re.compile(rf"^(?:at\s+)?(?:{_CLOCK}){_ZONE}{_ELSEWHERE},?\s+(?:on\s+)?(?P<day>[a-z].*)$")
_DAY_FIRST = re.compile(rf"^(?P<day>.*?[a-z0-9]),?\s+(?:at\s+)?(?:{_CLOCK}){_ZONE}$")


_CLOCK_ALONE = re.compile(rf"^(?:at\s+)?(?:{_CLOCK}){_ZONE}$")


def _clock_time(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    # (alone first: "11:15 gmt" is no time before a day called "gmt")
    if m := _CLOCK_ALONE.match(low):
        # A time alone is on the day its sentence names ("on Sunday ... at noon"), else on
        # the publication day (TimeML's default reference).
        ref = reference(sentence_before(ctx[0]), anchor)
        if not (ref and ref[0] in ("day", "weekday")):  # "a 10 p.m. to 5 a.m. curfew on Saturday"
            after = ctx[1][1:] if ctx[1].startswith(".") and re.search(r"[ap]\.m$", low) else ctx[1]  # "5 a.m" + "."
            ref = reference(sentence_after(after), anchor)
        day = _day_value(ref) if ref and ref[0] in ("day", "weekday") else period_value(anchor, "day", 0)
        if (start := _RANGE_START.search(ctx[0][-40:])) and _hour(start) > _hour(m):
            day = _next_day(day)  # "a curfew from 8 p.m. to 6 a.m.": the end is the next morning
    elif m := _TIME_FIRST.match(low) or _DAY_FIRST.match(low):
        day = normalise(m.group("day"), anchor, before=ctx[0], after=ctx[1])
    else:
        return None
    day_only = re.fullmatch(r"(\d{4}-\d{2}-\d{2}|P[+-]?\d+D|WXX-\d)([<>]?)", day or "")
    if not day_only:
        return None
    if m.group("midnight"):  # TIMEX3 writes midnight as the end of its day, T24:00
        return f"{day_only.group(1)}T24:00{day_only.group(2)}"
    hour, minute = _hour(m), (m.group("mi24") if m.group("h24") else m.group("mi") or "00")
    if hour > 23 or int(minute) > 59:
        return None
    return f"{day_only.group(1)}T{hour:02d}:{minute}{day_only.group(2)}"


def _hour(m: re.Match) -> int:
    """The hour of a ``_CLOCK`` match on a 24-hour clock; midnight is 24, the end of its day
    as TIMEX3 writes it."""
    if m.group("midnight"):
        return 24
    if m.group("h24"):
        return int(m.group("h24"))
    return 12 if m.group("noon") else int(m.group("h")) % 12 + 12 * (m.group("ap") == "p")


# The start of a span of hours just before its end time: "from 8 p.m. to", "between 10 p.m.
# and", "10pm-". An end hour earlier than its start is on the next day ("a curfew from 8
# p.m. to 6 a.m.", "a night shift from 22:00 until 06:00"): nobody writes a span backwards.
# Its day may stand between ("from 10 p.m. Friday to 5 a.m."): the end is the day after that.
_RANGE_START = re.compile(rf"(?:{_CLOCK}){_ZONE}(?:,?\s+(?:on\s+)?(?:[a-z]+day|tonight))?"
                          r"\s*(?:to|until|till|and|through|-|–)\s*$", re.IGNORECASE)


def _next_day(day: str) -> str:
    """The day after a day value: an ISO day, or an offset from an undated publication
    (``P-1D``); a weekday of an undated article (``WXX-2``) stays, as "the next Wednesday"
    after a past Tuesday has no value of that form."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    if m := re.fullmatch(r"P([+-]?\d+)D", day):
        return period_value(None, "day", int(m.group(1)) + 1)
    return day


def _day_value(ref: tuple[str, dt.date]) -> str:
    """A reference day as a value: its date, or for an undated article its weekday."""
    return f"WXX-{ref[1].isoweekday()}" if ref[0] == "weekday" else ref[1].isoformat()


# A part of a day by its hours: "the early hours of Tuesday morning", "the small hours of
# Friday", "the first minutes of Sunday" (the leading "early" is a modifier, gone from
# ``bare``). TIMEX3 gives such a part of a day as its day, as for "Tuesday morning".
_HOURS_OF = re.compile(r"(?:the )?(?:(?:small|wee|early|late|final|last|first|closing|opening) )?"
                       r"(?:hours|minutes|moments) of (?P<day>.+)")
_DAY_ONLY = re.compile(r"(?:\d{4}-\d{2}-\d{2}|P[+-]?\d+D|WXX-\d)[<>]?")


def _day_of(text: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    """The value of a day named inside a longer expression; None unless it is a day."""
    day = normalise(text, anchor, before=ctx[0], after=ctx[1])
    return day if day and _DAY_ONLY.fullmatch(day) else None


# Days written before their month, the way most of the world writes them: "19-20",
# "19 and 20" (+ " September 2023"), "19" (+ " and 20 September").
_BARE_DAYS = re.compile(r"(?P<d>[0-3]?\d)(?:\s*(?:-|–|and|to|or)\s*[0-3]?\d)?")
_MONTH_AFTER = re.compile(r"(?:\s*(?:-|–|and|to|or)\s*[0-3]?\d)?\s+(?:of\s+)?(?P<m>[A-Za-z]+)\.?"
                          r"(?:,?\s+(?P<y>(?:1\d|20)\d{2})\b)?")

# A day of the month by its ordinal alone, as the model tags it: "ended on the 19th", "the
# 21st of this month".
_ORDINAL_DAY = re.compile(r"(?:the )?(?P<d>\d{1,2})(?:st|nd|rd|th)(?: of (?P<w>this|last|next) month)?")


def _day_of_month(day: int, word: str | None, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    """The day of the month the text last named ("The strike began in March and ended on the
    19th": March 19; TimeML reads it as anaphoric), else of the publication's month: the one
    before where the day is still to come, unless the tense puts it ahead (news reports the
    past, as for a bare weekday), the one after where the tense puts it ahead and it is
    gone. It had no value. Undated, with no month and year named: none."""
    ref = reference(ctx[0], anchor) if word is None else None
    if ref and ref[0] in ("day", "month"):
        year, month = ref[1].year, ref[1].month
    elif anchor is None:
        return None
    else:
        ahead = tense(ctx) == "future"
        shift = {"this": 0, "last": -1, "next": 1}.get(word or "", -(not ahead and day > anchor.day) or
                                                       int(ahead and day < anchor.day))
        year, month = map(int, period_value(anchor, "month", shift).split("-"))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:  # "the 31st" of a month of 30 days
        return None


def _composed(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    """Expressions built on another one: "the day before last Tuesday", "the week of
    March 6" (its ISO week), "earlier in the year" (the anchor's year)."""
    if low in _FREQUENCIES:
        return _FREQUENCIES[low]
    m = _COORDINATED.search(ctx[0][-40:]) if re.fullmatch(r"\d{1,2}", bare) and 1 <= int(bare) <= 31 else None
    if m and m.group("m").lower().rstrip(".") in MONTHS:
        # "April 24 and 25": a bare day coordinated with a dated one shares its month.
        return normalise(f"{m.group('m')} {bare}", anchor, before=ctx[0][: -len(m.group(0))], after=ctx[1])
    if (d := _BARE_DAYS.fullmatch(bare)) and (m := _MONTH_AFTER.match(ctx[1])) and m.group("m").lower() in MONTHS:
        # "19-20" + " September 2023": the model tags the days apart from their month
        # (dateparser read "19-20" as 2020-09-19); a range is its first day.
        day = f"{d.group('d')} {m.group('m')} {m.group('y') or ''}".strip()
        return _by_rules(day, anchor, (ctx[0], ctx[1][m.end():]))
    if m := re.fullmatch(r"in the (day|week|month|year)", bare):
        return period_value(anchor, m.group(1), 0)
    if m := _ORDINAL_DAY.fullmatch(bare):
        return _day_of_month(int(m.group("d")), m.group("w"), anchor, ctx)
    if m := _HOURS_OF.fullmatch(bare):
        return _day_of(m.group("day"), anchor, ctx)
    m = re.fullmatch(r"(?:the )?(?P<what>day before|day after|week of) (?P<inner>.+)", bare)
    if m is None or anchor is None:
        return None
    inner = normalise(m.group("inner"), anchor, before=ctx[0], after=ctx[1])
    if not inner or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", inner):
        return None
    day = dt.date.fromisoformat(inner)
    if m.group("what") == "week of":
        return period_value(day, "week", 0)
    return period_value(day, "day", 1 if m.group("what") == "day after" else -1)


def _relative_day(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0, "this afternoon": 0,
               "this evening": 0, "last night": -1, "overnight": -1, "yesterday morning": -1, "yesterday afternoon": -1,
               "the day before": -1, "a day earlier": -1, "a day before": -1, "the previous day": -1,
               "the day after": 1, "the next day": 1, "a day later": 1, "the following day": 1, "today's": 0}
    if bare in offsets:
        return period_value(anchor, "day", offsets[bare])
    if m := re.fullmatch(r"(yesterday|today|tomorrow)(?: (?:morning|afternoon|evening|night))?", bare):
        # "tomorrow morning", "yesterday evening": the day, as "Tuesday morning" (undated they
        # had no value; dated, dateparser gave them).
        return period_value(anchor, "day", {"yesterday": -1, "today": 0, "tomorrow": 1}[m.group(1)])
    if _NTH_DAY.match(bare):
        # "(for) a second day", "the eighth day of ...": the day the report is written on
        # (both such TimeBank cases are the document's day); the run began days before.
        return period_value(anchor, "day", 0)
    return None


_NTH_DAY = re.compile(r"^(?:a |the )?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:nd|rd|th))"
                      r"(?: straight| consecutive| successive)? day$")


def _weekday_rule(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    if bare in ("weekend", "the weekend", "this weekend", "last weekend", "this past weekend", "this coming weekend"):
        # The weekend most recently begun: that of the last Saturday on or before the
        # anchor; the coming one when the clause speaks of the future ("ahead of the weekend").
        # "This weekend" names one just past ("rallied this weekend", told on a Monday) as well
        # as one to come: the tense decides, as for "the weekend". "This past" / "this
        # coming weekend" say which (the first was read as this week's, the second not at all).
        coming = bare == "this coming weekend" or (
            bare in ("weekend", "the weekend", "this weekend") and future_clause(ctx))
        return weekend_of(anchor, coming)
    m = _WEEKDAY.match(bare)
    if not m or m.group("d").lower() not in WEEKDAYS:
        return None
    day = WEEKDAYS.index(m.group("d").lower())
    word = (m.group("w") or "").lower()
    if word in ("next", "this coming", "coming") or (not word and future_clause(ctx)) or (
            word == "this" and tense(ctx) != "past"):
        # "This Friday" is the coming one (said on a Wednesday, not the Friday before), unless
        # its clause tells the past ("met this Monday").
        direction = "next"
    else:
        direction = "last" if word in ("last", "this past", "past", "previous", "the previous") else "past"
    # "Tuesday morning" is the day: TimeBank gives the part of day (TMO) in 9 of 1,505.
    return weekday_on(anchor, day, direction)


def _year_rule(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    if m := _DECADE.match(low):
        return _decade(m)
    if m := re.fullmatch(rf"(?:(?:early|mid|late)[\s-]+)?(?P<t>{'|'.join(TENS)})s", low.replace("ies", "ys")):
        # "the nineties" as "the 1990s" (a 20th-century decade: news of this corpus' era)
        return _decade(_DECADE.match(f"19{TENS_WORDS[m.group('t')] // 10}0s"))
    if m := _CENTURY.match(bare):
        return f"{int(m.group('n')) - 1:02d}"
    if m := _YEAR.match(bare):
        return m.group("y")
    if re.fullmatch(r"(?:the\s+)?(?:1\d|20)\d{2}\s*-\s*\d{2,4}", bare):  # "1998-99": the first year
        return bare.lstrip("the ")[:4]
    return None


_ELLIPSIS = re.compile(r"\bthis (day|week|month|quarter|year)\b[^.;!?]*$", re.IGNORECASE)


def _length_as_date(bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    """A length of time is a date only where the words around it make it one: the span may
    stop before "ago" ("two weeks" + "ago"), and "will be redeemed in five years" is that
    far from publication (TimeML: a DATE). Otherwise None: a duration has no date."""
    if m := re.match(r"\s+(ago|earlier|later|from now|hence)\b", ctx[1]):
        return _relative_period(f"{bare} {m.group(1)}", f"{bare} {m.group(1)}", anchor, ctx)
    m = re.fullmatch(r"(?P<n>\w+) (?P<u>day|week|month|quarter|year)s?", bare)
    if m and re.search(r"\b(?:in|within)\s+$", ctx[0][-8:]) and future_clause(ctx):
        return period_value(anchor, m.group("u"), _number(m.group("n")))
    return None


def _counted_from(unit: str, shift: int, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    """ "Two days later", "three years earlier": counted from the time the text last named, as
    "the next day" is (TimeML: anaphoric; "He was arrested on June 3. Two days later ..." is
    June 5, not two days after publication), or from publication where it names none. None
    where the time named is coarser than the unit ("two days later" after "in 2014"). An
    undated article's weekday has no date to count from: the count is from publication, as
    before (``anchor_dates`` reads it again from the weekday once the day is known)."""
    ref = reference(ctx[0], anchor)
    if ref is None or ref[0] == "weekday":
        return period_value(anchor, unit, shift)
    if unit == "year" or ref[0] == "day" or unit == "month" and ref[0] == "month":
        return period_value(ref[1], unit, shift)
    return None


def _relative_period(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    if bare in ("year", "full year", "calendar year", "whole year", "year to date", "fiscal year", "current year",
                "current fiscal year", "year end", "year-end", "year's end"):
        return period_value(anchor, "year", 0)
    if bare == "week" and not re.search(r"\b(?:a|one)\s+$", ctx[0][-6:], re.IGNORECASE):
        # "For the week, the index fell 3%": the words do not fix which week; TIMEX3 keeps
        # the year and leaves the week unknown (TBAQ: 4 of 4 such, on both halves). "A
        # week" (after an event) is a length of time, not a week of the calendar.
        return year_part(anchor, 0, "WXX")
    if bare in ("last", "next") and (m := _ELLIPSIS.search(ctx[0][-CUE_WINDOW:])):
        # "twice as many sales this year as last": the unit is the one just named.
        return period_value(anchor, m.group(1).lower(), -1 if bare == "last" else 1)
    if re.fullmatch(r"(?:a |the )?year[\s-](?:ago|earlier)", bare):
        if bare.endswith("earlier") and not reported_period(anchor, ctx):
            return _counted_from("year", -1, anchor, ctx)
        return year_ago(anchor, ctx)
    if m := _AGO.match(bare):
        n, unit = _number(m.group("n")), m.group("u").lower()
        if n is None:
            return None
        sign = 1 if re.search(r"later|from now|hence", bare) else -1
        if unit == "decade":
            n, unit = n * 10, "year"
        if re.search(r"later|earlier$", bare):
            return _counted_from(unit, sign * n, anchor, ctx)
        return period_value(anchor, unit, sign * n)
    if m := _THIS.match(bare):
        word, unit = m.group("w").lower(), m.group("u").lower()
        shift = {"last": -1, "the past": -1, "past": -1, "the previous": -1, "previous": -1, "next": 1,
                 "the coming": 1, "coming": 1}.get(word, 0)
        if unit in SEASONS:
            if word == "that" and (ref := reference(ctx[0], anchor)) and ref[0] != "weekday":
                # "That summer": of the year last named ("The war began in 2014. That summer ..."),
                # as "that year" is; from publication it was this year's.
                return f"{ref[1].year}-{SEASONS[unit]}"
            if word == "this past":  # the latest one begun: this year's unless not yet come
                if anchor is None:
                    return f"XXXX-{SEASONS[unit]}"
                shift = -int(SEASON_START[SEASONS[unit]] >= anchor.month and season_year(anchor, SEASONS[unit])
                             == anchor.year)
            return year_part(anchor, shift, SEASONS[unit])
        if unit == "century" and anchor and word in ("this", "the current", "the", "last", "previous", "the previous",
                                                     "next", "the coming", "coming"):
            return f"{anchor.year // 100 + shift:02d}"  # TIMEX3: a century is its first two digits
        if unit == "weekend":
            return f"{period_value(anchor, 'week', shift)}-WE"
        if unit == "decade" and anchor:
            # "the past decade" is the ten years to now (a TIMEX3 duration); "the last
            # decade" the one before this one (the 1980s in 1998), as a decade is written.
            return "P10Y" if word in ("the past", "past") else f"{anchor.year // 10 + shift}X"
        if unit in ("decade", "century", "season"):
            return None
        if word in ("the latest", "latest") and unit in ("quarter", "year"):
            # the last one whose results are in ("the latest fiscal year")
            return period_value(anchor, unit, -1)
        return period_value(anchor, unit, shift)
    return None


# A day written the ISO way, as feeds, data and many sites print it ("2023-09-01"); read as
# a range of years it was 2023. ("2008-09" alone is a season or fiscal year, see _year_rule.)
_ISO_DAY = re.compile(r"(?P<y>(?:1\d|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})")


def _calendar_rule(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    if m := _ISO_DAY.fullmatch(bare):
        try:
            return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
        except ValueError:
            return None
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        m = pattern.match(bare)
        if m and m.group("m").lower() in MONTHS:
            month, day = MONTHS[m.group("m").lower()], int(m.group("d"))
            if not 1 <= day <= 31:
                return None
            if anchor is None and not m.group("y"):
                return _yearless(month, day, tense(ctx))
            year = m.group("y") or month_year(anchor, month, "", ctx, day)
            return f"{year}-{month:02d}-{day:02d}"
    if (m := re.fullmatch(r"(?P<m>[a-z]+)\.? (?P<w>this|last|next) year", bare)) and m.group("m") in MONTHS:
        shift = {"this": 0, "last": -1, "next": 1}[m.group("w")]
        return year_part(anchor, shift, f"{MONTHS[m.group('m')]:02d}")
    m = _MONTH.match(low) or _MONTH.match(bare)
    if m and m.group("m").lower() in MONTHS and len(m.group("m")) > 2:
        month = MONTHS[m.group("m").lower()]
        if m.group("y"):
            return f"{m.group('y')}-{month:02d}"
        word = (m.group("w") or "").lower()
        word = word if word in ("last", "next", "this") else ""
        if anchor is None:
            return _yearless(month, 0, word or tense(ctx))
        return f"{month_year(anchor, month, word, ctx)}-{month:02d}"
    return None


def _yearless(month: int, day: int, direction: str) -> str:
    """An undated article's month or day of it: of the publication's year, the one before
    or after it ("last March", "in February last year"), or without its year, marked with
    the direction that places it once anchored (see ``periods.YEARLESS_DIRECTIONS``)."""
    tail = f"{month:02d}" + (f"-{day:02d}" if day else "")
    shift = {"this": 0, "last_year": -1, "next_year": 1}.get(direction)
    if shift is not None:
        return year_part(None, shift, tail)
    return f"XXXX-{tail}{YEARLESS_MARK.get(direction, '')}"


_OF_YEAR = re.compile(r"(?P<part>.+?),? of (?P<w>this|next|last|the|the current|the coming|the previous|the past) year")
_PART = re.compile(r"(?:\d{4}|XXXX|P0Y)-(?P<tail>Q[1-4]|H[12]|SP|SU|FA|WI|\d{2})[<>=]*")


def _part_of_year(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    """A part of a year named by "this/next/last year": "the first quarter of next year",
    "the second half of the year", "the summer of last year" (as "June last year")."""
    if not (m := _OF_YEAR.fullmatch(bare)):
        return None
    part = _rules(re.sub(r"^the ", "", m.group("part")), anchor, ctx)
    if not part or not (p := _PART.fullmatch(part)):
        return None
    shift = {"next": 1, "the coming": 1, "last": -1, "the previous": -1, "the past": -1}.get(m.group("w"), 0)
    return year_part(anchor, shift, p.group("tail"))


@lru_cache(maxsize=32)
def _parser(anchor: dt.date):
    """One dateparser per publication day: building one costs more than parsing."""
    from dateparser.date import DateDataParser

    base = dt.datetime.combine(anchor, dt.time(12))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    return DateDataParser(languages=["en"], settings=settings)


def _holiday_rule(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    words = bare.split()
    direction = words[0] if words and words[0] in ("last", "this", "next") else ""
    name = " ".join(words[1:]) if direction else bare
    return holiday_value(anchor, name, direction) if name in HOLIDAYS else None


# dateparser reads "this decade" or "the last century" as a year: wrong at any precision;
# and a number alone as a year or a month ("Smith, 44," is 1944, "she was 4" April): the
# model tags ages as DATE, and a date is no bare number (a day beside its month is read
# by ``_composed``); "the 3rd" alone it reads as March. Nor a number in words: it reads
# "two" as February and "a" or "one" as January ("between two to six days" was 1998-02).
# Nor a count "later" or "earlier", which counts from a time the text named (``_counted_from``),
# not from publication as dateparser does. Nor a day known by a name (``_NAMED_DAY``), which
# it read as the publication day ("Mother's Day"), nor two numbers "19-20", which it read as
# 2020-09-19 (days before their month are read by ``_composed``).
_NOT_FOR_DATEPARSER = re.compile(r"decade|centur|^\d{1,2}'?s?$|^(?:the\s+)?\d{1,2}(?:st|nd|rd|th)$|"
                                 r"(?:day|week|month|year)s? (?:later|earlier)$|^\d{1,2}\s*[-–]\s*\d{1,2}$",
                                 re.IGNORECASE)


def _dateparser(text: str, anchor: dt.date | None) -> str | None:
    """dateparser on the expression alone, at the precision it reports."""
    if anchor is None or not any(c.isalnum() for c in text) or _NOT_FOR_DATEPARSER.search(text) or is_length(
            " ".join(text.lower().split())) or _number(text) is not None or _NAMED_DAY.fullmatch(text):
        return None
    data = _parser(anchor).get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj
    return {"year": f"{d.year}", "month": f"{d.year}-{d.month:02d}"}.get(data.period or "day", d.date().isoformat())

