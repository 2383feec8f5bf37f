"""Numbers as news prints them: digits, words, vague plurals, bounds and ranges.

``find_numbers(text)`` yields every number phrase with its value; it never raises, so it
is safe on any input (a property test checks this). The figures stage decides what each
number counts; this module only reads the number itself.

Values of vague amounts are their lower bound, marked approximate with the qualifier
"at least": "hundreds" is at least 200, "tens of thousands" at least 20,000, "dozens" at
least 24 (the smallest plural of the unit), so a comparison never overstates them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          # South Asian English counts in lakhs (100,000) and crores (10 million): "1.2 lakh people".
          "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}
# "tens of thousands": the plural of a unit of counting, read as at least two of them.
VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000}

# Hedges and bounds, longest first so "more than" wins over "more".
QUALIFIERS = {
    "an estimated": "about", "estimated": "about", "about": "about", "around": "about",
    "roughly": "about", "approximately": "about", "some": "about", "nearly": "nearly",
    "almost": "nearly", "close to": "nearly", "at least": "at least", "more than": "more than",
    "over": "more than", "above": "more than", "upwards of": "more than", "up to": "up to", "as many as": "up to",
    "as much as": "up to",
    "at most": "up to", "fewer than": "less than", "less than": "less than", "under": "less than",
    "below": "less than",
}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE = r"hundred|thousand|million|billion|lakhs?|crores?"
_WORDNUM = rf"(?:(?:{_WORD})(?:-(?:{_WORD}))?)(?:\s+(?:{_SCALE}))*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALED = rf"(?:{_DIGITS})(?:\s*(?:{_SCALE}|bn|m)\b)?"
_VAGUE = (r"(?:tens|dozens|scores|hundreds|thousands|millions)(?:\s+of\s+(?:thousands|millions))?"
          r"|several\s+(?:hundred|thousand|million)")
_SINGLE = rf"(?:a|one)\s+(?:dozen|hundred|thousand|million)|{_VAGUE}|{_SCALED}|{_WORDNUM}"
_QUAL = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
NUMBER_RE = re.compile(
    # Digits joined by a colon are a clock time or a ratio ("14:45 GMT", "a 3:1 vote"), no count.
    rf"(?<![\w.,:-])(?:(?P<qual>{_QUAL})\s+)?(?:(?P<between>between)\s+)?"
    rf"(?P<low>{_SINGLE})(?:\s*(?:-|–|to|and)\s*(?P<high>{_SINGLE}))?(?![\w]|[,.:]\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Number:
    span: tuple[int, int]
    text: str
    value: float
    approximate: bool = False
    qualifier: str | None = None  # about, nearly, at least, more than, up to, less than, range
    high: float | None = None  # the upper end of a range


def word_value(text: str) -> float | None:
    """``"twenty-seven"`` -> 27, ``"two hundred thousand"`` -> 200000; None if not a number."""
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if word in UNITS or word in TENS:
            current += UNITS.get(word, 0) + TENS.get(word, 0)
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word in ("a", "and"):
            continue
        else:
            return None
    return float(total + current)


def value_of(text: str) -> tuple[float, bool] | None:
    """The value of one number (no qualifier), and whether it is vague."""
    t = " ".join(text.lower().split())
    if m := re.fullmatch(rf"({_DIGITS})\s*({_SCALE}|bn|m)?", t):
        scale = {"bn": "billion", "m": "million"}.get(m.group(2), m.group(2))
        return float(m.group(1).replace(",", "")) * SCALES.get(scale, 1), False
    if m := re.fullmatch(r"(tens|dozens|scores|hundreds|thousands|millions)(?: of (thousands|millions))?", t):
        inner = VAGUE[m.group(2)] if m.group(2) else 1
        return 2.0 * VAGUE[m.group(1)] * inner, True
    if m := re.fullmatch(r"several (hundred|thousand|million)", t):
        return 3.0 * SCALES[m.group(1)], True  # "several" is more than two
    if m := re.fullmatch(r"(?:a|one) dozen", t):
        return 12.0, False
    value = word_value(t)
    return (value, False) if value is not None else None


# A verb that takes "over" as its particle: "handed over 35 bodies" hands over 35, no more
# than 35; "took over 12 villages" took 12.
_OVER_PARTICLE = re.compile(
    r"(?<!\w)(?:hand|turn|pass|sign|give|gave|given|take|took|taken|hold|held)(?:s|ed|ing)?\s*$", re.IGNORECASE)


def find_numbers(text: str) -> Iterator[Number]:
    """Every number phrase in ``text`` with its value, bounds and hedges."""
    for m in NUMBER_RE.finditer(text):
        if (m.group("qual") or "").lower() == "over" and _OVER_PARTICLE.search(text[max(0, m.start() - 12):m.start()]):
            # the particle is the verb's, no bound: read the number after it
            m = NUMBER_RE.match(text, m.start("between") if m.group("between") else m.start("low")) or m
        low = value_of(m.group("low"))
        if low is None:
            continue
        value, vague = low
        qualifier = QUALIFIERS.get((m.group("qual") or "").lower())
        high = value_of(m.group("high"))[0] if m.group("high") and value_of(m.group("high")) else None
        if high is not None and high <= value:
            # "30 and 40" is a range; "six and four" is a list of two numbers: each its own.
            high_value, high_vague = value_of(m.group("high"))
            yield _number(text, m.start(), _strip_tail(text, m.start(), m.start("high")), value, vague, qualifier, None)
            yield _number(text, m.start("high"), m.end(), high_value, high_vague, "at least" if high_vague else None,
                          None)
            continue
        if high is not None:
            qualifier = "range"
        elif m.group("between"):
            continue  # "between 5" alone is not a range we can read
        if vague and qualifier is None:
            qualifier = "at least"
        yield _number(text, m.start(), m.end(), value, vague, qualifier, high)


def _strip_tail(text: str, start: int, end: int) -> int:
    """The end of the first number of a list: without the space, dash or word that joins it."""
    end = len(re.sub(r"(?:\s*(?:-|–|\bto|\band))?\s*$", "", text[start:end], flags=re.IGNORECASE)) + start
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return end


def _number(text, start, end, value, vague, qualifier, high) -> Number:
    approximate = vague or qualifier in ("about", "nearly", "range")
    return Number((start, end), text[start:end], value, approximate, qualifier, high)
