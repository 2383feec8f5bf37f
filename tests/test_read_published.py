"""A record's ``published`` value: ISO 8601 days and date-times, RFC 2822 dates, else an error."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.read.published import parse_published


@pytest.mark.parametrize(
    ("given_", "stored"),
    [
        ("2024-05-06", "2024-05-06"),
        (" 2024-05-06 ", "2024-05-06"),
        ("20240506", "2024-05-06"),
        ("2024-W19-1", "2024-05-06"),
        ("2024-05-06T14:30:00Z", "2024-05-06T14:30:00Z"),  # the extended form is kept as given
        ("2024-05-06 14:30", "2024-05-06 14:30"),
        ("20240506T143000", "2024-05-06T14:30:00"),
        ("Mon, 06 May 2024 14:30:00 GMT", "2024-05-06T14:30:00+00:00"),
        ("06 May 2024 14:30 +0200", "2024-05-06T14:30:00+02:00"),
    ],
)
def test_dates_read(given_, stored):
    assert parse_published(given_) == stored


@pytest.mark.parametrize("bad", ["", "  ", "yesterday", "06/05/2024", "2024-05", "2024-13-01", "2024-02-30",
                                 "Mon, 32 May 2024 10:00:00 GMT", "6 May 2024", "2024-05-06T25:00"])
def test_non_dates_refused_with_the_forms_accepted(bad):
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_published(bad)


_ZONES = st.sampled_from([None, UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5, minutes=-30))])


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)), _ZONES)
def test_iso_and_rfc2822_date_times_give_their_day_first(when, zone):
    when = when.replace(microsecond=0, tzinfo=zone)
    assert parse_published(when.isoformat()) == when.isoformat()
    rfc = parse_published(format_datetime(when.replace(tzinfo=zone or UTC)))
    assert datetime.fromisoformat(rfc) == when.replace(tzinfo=zone or UTC)


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1, 1, 1)))
def test_iso_days(day):
    assert parse_published(day.isoformat()) == day.isoformat()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_a_day_first_iso_date_or_a_value_error(text):
    try:
        stored = parse_published(text)
    except ValueError:
        return
    assert date.fromisoformat(stored[:10])
