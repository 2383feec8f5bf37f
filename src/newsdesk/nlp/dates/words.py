"""The words of a time expression: vague times (PRESENT_REF, PAST_REF, FUTURE_REF), hedges
TIMEX3 leaves out of the value, and numbers spelled out ("nineteen ninety-six", "March
eighth")."""

from __future__ import annotations

import re

from newsdesk.nlp.dates.context import future_clause
from newsdesk.nlp.dates.periods import MONTHS

PRESENT = {"now", "currently", "at present", "present", "nowadays", "yet", "right now", "at the moment",
           "this time", "the moment", "these days", "today's", "current", "already", "still"}

PAST = {"the past", "past", "recent", "recently", "previously", "earlier", "once", "formerly", "in the past", "lately",
        "past years", "recent years", "the past few years", "recent months", "recent weeks", "recent days"}

FUTURE = {"future", "the future", "soon", "later", "a later date", "eventually", "the coming years",
          "coming years", "the years ahead", "the near future", "shortly"}

# TIMEX3 gives a time whose place on the timeline is vague the value PRESENT_REF,
# PAST_REF or FUTURE_REF (TimeML guidelines 1.2.1, "value"): "recent weeks and months",
# "several years ago" (a vague quantity), "this crucial moment", "will one day".
_VAGUE_QUANTITY = r"(?:several|a few|few|many|some|a number of|a couple of)"

# ("Days ago", "years earlier" without a count are as vague: they had no value.)
_VAGUE_AGO = re.compile(rf"^(?:{_VAGUE_QUANTITY} )?(?:days|weeks|months|years|decades) (?:ago|earlier|before)$")

_VAGUE_AHEAD = re.compile(rf"^(?:in )?{_VAGUE_QUANTITY} (?:days|weeks|months|years|decades) (?:from now|later|hence)$")

_OR_TWO = re.compile(r"^(?:a|one) (?:day|week|month|year) or two$|^(?:two|three) or (?:three|four) "
                     r"(?:days|weeks|months|years)$")

_UNIT_WORDS = r"(?:days|weeks|months|quarters|years)"


def vague(low: str, ctx: tuple[str, str]) -> str | None:
    if _VAGUE_FUTURE.match(low) or _VAGUE_AHEAD.match(low) or low in ("as soon as possible", "someday", "some day"):
        return "FUTURE_REF"
    if low == "one day" and future_clause(ctx):  # "Islam will one day be ...": a day to come
        return "FUTURE_REF"
    if _VAGUE_PAST.match(low) or _VAGUE_AGO.match(low):
        return "PAST_REF"
    if _OR_TWO.match(low):  # "in a year or two", "a week or two ago": a vague quantity
        if re.match(r"\s+(?:ago|earlier|before)\b", ctx[1]):
            return "PAST_REF"
        if re.search(r"\b(?:in|within)\s+$", ctx[0][-10:]) or re.match(r"\s+(?:from now|hence)\b", ctx[1]):
            return "FUTURE_REF"
    if re.fullmatch(rf"(?:in )?(?:recent|the past|the last) {_UNIT_WORDS} (?:and|or) {_UNIT_WORDS}", low):
        return "PAST_REF"
    if re.fullmatch(r"(?:at )?(?:(?:the|that) )?time|then[\s-]current", low):  # anaphoric past: "saying at the time"
        return "PAST_REF"
    if re.fullmatch(r"this (?:\w+ )?(?:moment|juncture|point in time|time)", low):
        return "PRESENT_REF"
    return None


# Hedges around a time that TIMEX3 leaves out of the value (it puts them in ``mod``:
# "1994 or later" is 1994 with mod EQUAL_OR_MORE, "post-1959" 1959 with mod AFTER).
HEDGE_BEFORE = re.compile(r"^(?:a good part of|much of|most of|part of|all of|the rest of|the remainder of|"
                          r"throughout|(?:pre|post)-(?=\d))\s*")

HEDGE_AFTER = re.compile(r"\s+(?:or later|or earlier|and beyond|and later|onwards?|or so|or thereabouts)$")

_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")

TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

_UNITS_WORDS = {w: i for i, w in enumerate(_SMALL)}

TENS_WORDS = {w: 10 * (i + 2) for i, w in enumerate(TENS)}

_SPELLED_PAIR = rf"(?:{'|'.join(TENS)})(?:[\s-](?:{'|'.join(_SMALL[1:10])}))?|{'|'.join(_SMALL[10:])}"

_SPELLED_YEAR = re.compile(rf"\b(?:(?P<hi>nineteen|eighteen)\s+(?P<lo>{_SPELLED_PAIR})|(?:the year\s+)?two thousand)\b")

_VAGUE_FUTURE = re.compile(r"^(?:the\s+)?(?:coming|future|upcoming|next few|next several)\s+(?:days|weeks|months|"
                           r"quarters|years)$|^(?:the\s+)?(?:near|short|long)[\s-]term$")

_VAGUE_PAST = re.compile(r"^(?:the\s+)?(?:past|last|recent|previous)\s+(?:few\s+|several\s+|many\s+)?(?:days|"
                         r"weeks|months|quarters|years)$|^more recently$")


def _pair(words: str) -> int:
    parts = re.split(r"[\s-]", words)
    return sum(TENS_WORDS.get(p, _UNITS_WORDS.get(p, 0)) for p in parts)


_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth", "twentieth")

_DAY_ORDINALS = {w: i + 1 for i, w in enumerate(_ORDINAL_WORDS)}

_DAY_ORDINALS |= {f"twenty{sep}{w}": 21 + i for i, w in enumerate(_ORDINAL_WORDS[:9]) for sep in " -"}

_DAY_ORDINALS |= {"thirtieth": 30, "thirty-first": 31, "thirty first": 31}

_ORDINAL_DAY = "|".join(sorted(_DAY_ORDINALS, key=len, reverse=True))

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

_MONTH_ORDINAL = re.compile(rf"\b(?P<m>{_MONTH_NAMES})\.?\s+(?:the\s+)?(?P<d>{_ORDINAL_DAY})\b")

_ORDINAL_MONTH = re.compile(rf"\b(?:the\s+)?(?P<d>{_ORDINAL_DAY})\s+of\s+(?P<m>{_MONTH_NAMES})\b")


def spelled_days(low: str) -> str:
    """ "March eighth", "the twenty-first of May" -> "march 8", "21 may" (transcripts)."""
    low = _MONTH_ORDINAL.sub(lambda m: f"{m.group('m')} {_DAY_ORDINALS[m.group('d')]}", low)
    return _ORDINAL_MONTH.sub(lambda m: f"{_DAY_ORDINALS[m.group('d')]} {m.group('m')}", low)


def spelled_years(low: str) -> str:
    """ "nineteen ninety-six" -> "1996", "the year two thousand" -> "2000" (broadcast
    transcripts spell years out)."""
    def year(m: re.Match) -> str:
        if not m.group("hi"):
            return "2000"
        return str((19 if m.group("hi") == "nineteen" else 18) * 100 + _pair(m.group("lo")))

    return _SPELLED_YEAR.sub(year, low)

