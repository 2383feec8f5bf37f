"""The time expressions inside one span the model drew: TIMEX3 marks each time on its own.

The model's DATE span "the third quarter ended Sept. 30" holds two TIMEX3 expressions, the
quarter and its end day; "from 1991 to 1997" two years; "1994, 1995 and 1997" three; "the
first nine months of 1997" a length of time (a TIMEX3 duration) and a year (TimeML
guidelines 1.2.1: a range or a period's anchor is marked as separate expressions, linked
by the signal between them). ``normalise`` reads such a span whole as its first time, the
one "when" needs; the stage marks each part, read with the words around it (so the first
keeps that value: "the year" before "ending June 30, 1990" is 1990), and a reader of the
dates finds "Sept. 30" and "1997" too. Each part's value is the one ``normalise`` gives
its own span, so ``anchor_dates`` reads the same parts again for an undated article.
"""

from __future__ import annotations

import datetime as dt
import re

from newsdesk.nlp.dates.rules import CONJUNCTION_AFTER, ENDED, PREPOSITION, RANGE, is_length, normalise

Extent = tuple[tuple[int, int], str | None]

# A list of years: "1994, 1995 and 1997", "1985 or 1986" (four digits each, nothing else).
_YEARS = re.compile(r"^(?:(?:1\d|20)\d{2}(?:,\s*|,?\s+(?:and|or)\s+))+(?:1\d|20)\d{2}$")
_YEAR = re.compile(r"(?:1\d|20)\d{2}")

# A length of time of a named time: "the first nine months of 1997", "the past two weeks of March".
_OF = re.compile(r"^(?P<length>.+?)\s+of\s+(?P<time>\S.*)$")


def extents(text: str, start: int, end: int, anchor: dt.date | None) -> list[Extent]:
    """The expressions in ``text[start:end]`` with their values: the span itself when it
    holds one time (or parts that would not each read as one)."""
    span = text[start:end]
    whole = normalise(span, anchor, before=text[:start], after=text[end:])
    parts = _parts(span, whole, lambda s, e: normalise(text[start + s : start + e], anchor,
                                                        before=text[: start + s], after=text[start + e :]))
    if parts is None:
        return [((start, end), whole)]
    return [((start + s, start + e), value) for (s, e), value in parts]


def _parts(span: str, whole: str | None, read) -> list[tuple[tuple[int, int], str | None]] | None:
    """The parts of ``span`` (offsets in it) with their values, or None to keep it whole.
    ``read(s, e)`` normalises the part ``span[s:e]`` in its context."""
    lead = m.end() if (m := PREPOSITION.match(span)) else 0
    rest = CONJUNCTION_AFTER.sub("", span[lead:].rstrip(" ,.;:"))  # "1994, 1995 and" (1997 is a span of its own)
    if m := ENDED.match(rest):
        period, day = (lead + m.start("p"), lead + m.end("p")), (lead + m.start("d"), lead + m.end("d"))
        day_value = read(*day)
        if day_value and (whole or is_length(rest[: m.end("p")].lower())):
            return [(period, read(*period)), (day, day_value)]
        return None
    if _YEARS.match(rest):
        return [((lead + y.start(), lead + y.end()), y.group()) for y in _YEAR.finditer(rest)]
    if m := RANGE.match(rest):
        first, second = (lead + m.start("a"), lead + m.end("a")), (lead + m.start("b"), lead + m.end("b"))
        values = read(*first), read(*second)
        return list(zip((first, second), values, strict=True)) if all(values) else None
    if whole is None and (m := _OF.match(rest)) and is_length(m.group("length").lower()):
        time = (lead + m.start("time"), lead + m.end("time"))
        value = read(*time)
        return [((lead + m.start("length"), lead + m.end("length")), None), (time, value)] if value else None
    return None
