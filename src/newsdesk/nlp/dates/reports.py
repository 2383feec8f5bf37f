"""Periods of a financial report: "the quarter", "the 1988 period", "a year earlier" are the
period the report last named, a year back where the words say so."""

from __future__ import annotations

import datetime as dt
import re

from newsdesk.nlp.dates.context import tense
from newsdesk.nlp.dates.periods import ORDINALS, SEASONS, period_value, quarter_year, year_of, year_part

# An adjective may stand before the ordinal: "a flat second quarter", "a strong fourth quarter"
# (a year-shifting word, "next" or "year-ago", is read by ``_named_period`` first).
_QUARTER = re.compile(r"^(?:(?:a|an)\s+)?(?:[a-z]+\s+)?(?:(?:this year's|fiscal)\s+)?"
                      r"(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+"
                      r"(?:fiscal[\s-]+)?quarter"
                      r"(?:\s+of\s+(?P<y>\d{4})|\s+(?P<y2>\d{4}))?$", re.IGNORECASE)

# "the last half of 2019" and "the first two quarters of 2020" are halves (H2, H1).
_HALF = re.compile(r"^(?P<o>first|second|last|latter|back|front)\s+(?:half|two quarters)(?:\s+of\s+(?P<y>\d{4}))?$",
                   re.IGNORECASE)

_HALVES = {"first": 1, "front": 1, "second": 2, "last": 2, "latter": 2, "back": 2}

# A period named in a financial report, in any word order: "the 1988 second quarter",
# "the year-earlier third quarter", "next year's first quarter", "the latest period",
# "the corresponding period last year". TimeML gives such a period the quarter (or year)
# it denotes, with the year-ago ones a year back (TimeBank's earnings reports).
_PERIOD_WORDS = re.compile(r"^(?:(?:the|its|this|that|next|last|latest|current|same|corresponding|comparable|fiscal|"
                           r"year-ago|year-earlier|year's|year|a|ago|1\d{3}|20\d{2}|first|second|third|fourth|"
                           r"1st|2nd|3rd|4th|quarter|period)(?:[\s-]+|$))+$")

_YEAR_BACK = re.compile(r"year-ago|year-earlier|a year ago|last year|year earlier|corresponding|comparable")

# "A quarter-century low", "a quarter of a century" name no quarter of a year.
_NOT_CENTURY = r"(?!(?:[\s-]+of\s+a)?[\s-]+century)"

# The last period a report names before an expression ("For the nine months, ... a year
# earlier" is the year before; "in the fiscal first quarter ... a year ago" that quarter a
# year before). 300 characters: the sentence and the one before it.
_PERIOD_MENTION = re.compile(
    rf"\b(?:(?:fiscal[\s-]+)?(?P<o>first|second|third|fourth)[\s-]+(?:fiscal[\s-]+)?)?(?P<q>quarter)s?\b{_NOT_CENTURY}"
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
        # "the fiscal second quarter ... the quarter ended Sept. 30": the quarter keeps the
        # number the report gave it last.
        numbered = [m for m in mentions if m.group("q") and m.group("o")]
        return "quarter", ORDINALS[numbered[-1].group("o").lower()] if numbered else None
    return "year", None


_REPORTED_CUE = re.compile(r"\b(?:reported|posted|earned|had|was|were|rose|fell|ended|lost)\b", re.IGNORECASE)


def _forecast(m: re.Match, text: str, anchor: dt.date | None) -> bool:
    """A quarter not yet over at publication ("a fourth-quarter charge" written in
    November) is a forecast, not the period reported, unless the sentence reports it.
    Undated, any numbered quarter may be one: the sentence must report it."""
    if not m.group("o") or anchor is not None and ORDINALS[m.group("o").lower()] <= latest_quarter(anchor):
        return False
    sentence = re.split(r"[.;!?]", text[: m.start()])[-1]
    return not (_REPORTED_CUE.search(sentence) or re.match(r"[\s-]*ended", text[m.end():]))


def latest_quarter(anchor: dt.date) -> int:
    """The number of the last quarter completed before the anchor (what a report covers)."""
    return ((anchor.month - 1) // 3 - 1) % 4 + 1


# "This quarter", "next quarter": the quarter named by the word, not a year's ("next year's
# first quarter" is read below).
_THIS_OR_NEXT = re.compile(r"(?:the )?(?P<w>this|next|coming)(?: fiscal)? quarter")


def _named_period(bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    if not ("quarter" in bare or "period" in bare) or not _PERIOD_WORDS.match(bare):
        return None
    if (m := _THIS_OR_NEXT.fullmatch(bare)) and (m.group("w") != "this" or _reported(ctx[0], anchor) is None):
        # The quarter under way and the one after it (they were the latest quarter and the
        # same quarter next year, as "the quarter" and "next year's quarter" are read). In a
        # report that has named the period it covers, "this quarter" is that period (TBAQ:
        # "... for the corresponding period last year. This quarter, ..." is the quarter
        # reported), read below.
        return period_value(anchor, "quarter", 0 if m.group("w") == "this" else 1)
    ordinal = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\b", bare)
    year = re.search(r"\b(?:1\d{3}|20\d{2})\b", bare)
    shift = -1 if _YEAR_BACK.search(bare) else (1 if "next" in bare else 0)
    reported = _reported(ctx[0], anchor)
    number = ORDINALS[ordinal.group(1)] if ordinal else None
    if number is None:
        if reported is None and "same period" in bare and not year and shift:
            # No report's quarter named before: news comparing "the same period last year"
            # with months it named ("by the end of July") means those months a year back,
            # which no quarter is; the year is the value that holds them. (An earnings
            # report's "year-earlier period" is its quarter even when named far before.)
            return period_value(anchor, "year", shift)
        if reported and reported[0] == "year" and "period" in bare:
            return year.group(0) if year else period_value(anchor, "year", shift)
        if "current" in bare:
            return period_value(anchor, "quarter", 0) if not year else None
        if reported and reported[1]:
            number = reported[1]  # fiscal quarters keep their number
        elif year:  # "the 1988 period": the quarter just reported, in that year
            if anchor is None:
                return year.group(0)  # which quarter that is needs the date
            number = latest_quarter(anchor)
        else:  # the latest quarter, or the one a year before or after it
            return period_value(anchor, "quarter", -1 + 4 * shift)
    if year:
        return f"{year.group(0)}-Q{number}"
    return year_part(anchor, shift, f"Q{number}") if shift else quarter_of(anchor, number, ctx)


# The words of a report's period on either side of a span that holds only part of it (the
# model tags "1988" of "the 1988 period", "last year" of "the corresponding period last year").
_PERIOD_BEFORE = re.compile(r"\b(?:(?:the|its|same|corresponding|comparable|year-ago|year-earlier|fiscal)\s+)+"
                            r"(?:period|quarter)\s+$", re.IGNORECASE)
_PERIOD_AFTER = re.compile(r"^\s+(?:fiscal\s+)?(?:period|quarter)\b(?!-)", re.IGNORECASE)


def widened_period(t: str, ctx: tuple[str, str]) -> tuple[str, tuple[str, str]] | None:
    """The whole period phrase and its context when the span ``t`` is a year or a year's
    word cut out of one, else None."""
    if not re.fullmatch(r"(?:1\d|20)\d\d|(?:last|this|next) year", t, re.IGNORECASE):
        return None
    if m := _PERIOD_BEFORE.search(ctx[0][-60:]):
        start = len(ctx[0]) - len(m.group(0))
        return m.group(0) + t, (ctx[0][:start], ctx[1])
    if re.fullmatch(r"\d{4}", t) and (m := _PERIOD_AFTER.match(ctx[1])):
        return t + m.group(0), (ctx[0], ctx[1][m.end():])
    return None


def quarter_of(anchor: dt.date | None, number: int, ctx: tuple[str, str] = ("", "")) -> str:
    """A quarter named without its year (``quarter_year``), last year's where its clause tells
    the past and this year's has not begun ("profit fell in the third quarter" written in
    February is last year's: it was read as the one to come); undated ``XXXX-Q3``, or
    ``XXXX-Q3<=`` told in the past."""
    past = tense(ctx) == "past"
    if anchor is None:
        return f"XXXX-Q{number}" + ("<=" if past else "")
    return f"{quarter_year(anchor, number, past)}-Q{number}"


# A text that speaks of quarters (results); "a quarter-century low" is no such text.
_QUARTERS = re.compile(rf"\bquarter{_NOT_CENTURY}", re.IGNORECASE)


def reported_period(anchor: dt.date | None, ctx: tuple[str, str]) -> bool:
    """Whether the text around an expression is a report's: it names a period reported
    before it, or speaks of quarters ("a year earlier" there is the year-ago period)."""
    return _reported(ctx[0], anchor) is not None or any(_QUARTERS.search(c) for c in ctx)


def year_ago(anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    """ "A year ago/earlier" in a report compares with the same period a year back: the
    quarter if the last period named is a quarter, the year if it is nine months or a
    year; with none named nearby, the quarter if the text speaks of quarters at all."""
    reported = _reported(ctx[0], anchor)
    if reported is None:
        quarterly = any(_QUARTERS.search(c) for c in ctx)
        reported = ("quarter", None) if quarterly else ("year", None)
    if reported[0] == "year":
        return period_value(anchor, "year", -1)
    if reported[1]:
        return year_part(anchor, -1, f"Q{reported[1]}")
    return period_value(anchor, "quarter", -5)


def quarter_rule(low: str, bare: str, anchor: dt.date | None, ctx: tuple[str, str]) -> str | None:
    if value := _named_period(bare, anchor, ctx):
        return value
    if m := _QUARTER.match(bare):
        number = ORDINALS[m.group("o").lower()]
        year = m.group("y") or m.group("y2")
        return f"{year}-Q{number}" if year else quarter_of(anchor, number, ctx)
    if m := _HALF.match(bare):
        return f"{m.group('y') or year_of(anchor)}-H{_HALVES[m.group('o').lower()]}"
    if bare in SEASONS:
        return year_part(anchor, 0, SEASONS[bare]) if anchor else f"XXXX-{SEASONS[bare]}"
    if m := re.fullmatch(r"(?P<s>spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?P<y>\d{4})", bare):
        return f"{m.group('y')}-{SEASONS[m.group('s')]}"
    if m := _SHORT_PART.fullmatch(bare):
        # "Q3", "Q3 2022", "2022 Q3", "3Q", "H1 2023": the business press's short forms.
        year = m.group("y") or m.group("y2")
        quarter, half = m.group("q") or m.group("q2"), m.group("h") or m.group("h2")
        kind, number = ("Q", quarter) if quarter else ("H", half)
        if year:
            return f"{year}-{kind}{number}"
        return quarter_of(anchor, int(number), ctx) if kind == "Q" else f"{year_of(anchor)}-H{number}"
    return None


_SHORT_PART = re.compile(r"(?:(?P<y2>(?:1\d|20)\d\d)\s+)?(?:q(?P<q>[1-4])|(?P<q2>[1-4])q|h(?P<h>[12])|(?P<h2>[12])h)"
                         r"(?:\s+(?:of\s+)?(?:fy\s*)?(?P<y>(?:1\d|20)\d\d))?")

