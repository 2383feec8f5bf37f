"""A publication date read from a plain text's own date line ("Published on 4 June 2024").

HTML pages get their date from htmldate (through trafilatura); a pasted text has only the
lines that cleaning took out as ``timestamp`` or ``byline``, or the date of its dateline
("NEW YORK, June 18, 2024 (AP) —", AP style: the day the story is filed). dateparser reads them; a date
must name day, month and year, so "Updated at 4:15 p.m." gives nothing rather than today.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsdesk.model import Removal

_KINDS = ("timestamp", "byline")
_AGENCY = re.compile(r"\([^()]*\)")
_LEAD = re.compile(r"^\s*(?:(?:last )?(?:updated|published|posted|modified)|written|on|at|:|\s)+", re.I)
_BY = re.compile(r"\bby\b.*$", re.I | re.S)
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}


def _parse(text: str) -> str | None:
    import dateparser

    when = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    if when is None:
        return None
    return when.date().isoformat() if (when.hour, when.minute) == (0, 0) else when.isoformat(timespec="minutes")


def published_from(removed: Iterable[Removal]) -> str | None:
    """ISO date (or datetime) of the first date line among the removals, else None."""
    for r in removed:
        if r.kind == "dateline" and (found := _dateline_date(r.text)):
            return found
        if r.kind not in _KINDS:
            continue
        candidate = _BY.sub("", _LEAD.sub("", r.text)).strip(" |,–—-")
        if r.kind == "byline" and "|" in r.text:
            candidate = r.text.split("|", 1)[1].strip()
        if candidate and any(ch.isdigit() for ch in candidate) and (found := _parse(candidate)):
            return found
    return None


def _dateline_date(text: str) -> str | None:
    """The date after a dateline's place, with or without a region between ("June 18,
    2024" of "NEW YORK, June 18, 2024 (AP) —" and of "DAYTON, Ohio, May 2, 2023 -")."""
    parts = _AGENCY.sub("", text).strip(" –—:-").split(",")
    for i in range(1, len(parts)):
        tail = ",".join(parts[i:]).strip()
        if any(ch.isdigit() for ch in tail) and (found := _parse(tail)):
            return found
    return None
