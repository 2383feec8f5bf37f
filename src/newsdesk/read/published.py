"""A publication date given with an article (a JSON field, the web form's or API's field).

Accepted: ISO 8601 days and date-times ("2024-05-06", "2024-05-06T14:30:00Z", also the
basic and week forms Python reads, "20240506", "2024-W19-1") and RFC 2822 dates, which RSS
and e-mail use ("Mon, 06 May 2024 14:30:00 GMT"). Anything else is refused with the reason,
rather than stored: the stages read an article's day as the first ten characters of its
ISO date, so "yesterday" or "06/05/2024" would put it on a wrong day without a word.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

# An ISO date-time already in the extended form (day first, with dashes) is kept as given.
_EXTENDED = re.compile(r"\d{4}-\d{2}-\d{2}[T ]")
FORMS = "an ISO 8601 day or date-time (2024-05-06, 2024-05-06T14:30:00Z) or an RFC 2822 date"


def parse_published(value: str) -> str:
    """``value`` as an ISO 8601 day or date-time; ValueError saying why if it is not a date."""
    text = value.strip()
    if not text:
        raise ValueError(f"empty date: give {FORMS}")
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        return text if _EXTENDED.match(text) else when.isoformat()
    try:
        return parsedate_to_datetime(text).isoformat()
    except (ValueError, TypeError, IndexError, OverflowError):
        raise ValueError(f"{value!r} is not a date: give {FORMS}") from None


def parse_day(value: str) -> str:
    """``value`` as a day, YYYY-MM-DD (``--since``); ValueError saying why if it is not one."""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a day: give YYYY-MM-DD, e.g. 2024-05-06") from None
