"""Dates: the expressions the stage marks (TIMEX3 extents): one per time where the model drew a
span over several, and the vague times the model leaves untagged."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from newsdesk.nlp.dates import _spans, _with_clock_times, anchor_relative, normalise
from newsdesk.nlp.dates.extents import extents
from newsdesk.nlp.dates.rules import is_length

THU = dt.date(2024, 10, 24)  # a Thursday in the fourth quarter


def _read(sentence: str, span: str, anchor: dt.date = THU) -> list[tuple[str, str | None]]:
    start = sentence.index(span)
    return [(sentence[s:e], value) for (s, e), value in extents(sentence, start, start + len(span), anchor)]


@pytest.mark.parametrize(
    ("sentence", "span", "expected"),
    [
        ("The mill lost money in the quarter ended Sept. 30, it said.", "the quarter ended Sept. 30",
         [("the quarter", "2024-Q3"), ("Sept. 30", "2024-09-30")]),
        ("Profit fell in the year ending June 30, 2025, the firm expects.", "the year ending June 30, 2025",
         [("the year", "2025"), ("June 30, 2025", "2025-06-30")]),
        ("Sales slipped in the six months ended Oct. 1 at the bakery.", "the six months ended Oct. 1",
         [("the six months", None), ("Oct. 1", "2024-10-01")]),
        ("She served as mayor from 2011 to 2019 in the town.", "from 2011 to 2019",
         [("2011", "2011"), ("2019", "2019")]),
        ("The fund bought shares between 2015 and 2017, filings show.", "between 2015 and 2017",
         [("2015", "2015"), ("2017", "2017")]),
        ("It bought stock from Sept. 14 to Tuesday at low prices.", "Sept. 14 to Tuesday",
         [("Sept. 14", "2024-09-14"), ("Tuesday", "2024-10-22")]),
        ("Floods struck the valley in 2004, 2007 and 2013.", "2004, 2007 and 2013",
         [("2004", "2004"), ("2007", "2007"), ("2013", "2013")]),
        ("Floods struck the valley in 2004, 2007 and 2013.", "2004, 2007 and", [("2004", "2004"), ("2007", "2007")]),
        ("Hiring averaged 200,000 for the first nine months of 2023, the agency said.",
         "the first nine months of 2023", [("the first nine months", None), ("2023", "2023")]),
    ],
)
def test_a_span_holding_several_times_gives_each(sentence, span, expected):
    assert _read(sentence, span) == expected


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The talks resumed on Friday, Oct. 25 in the capital.", "Friday, Oct. 25"),  # one day, named twice
        ("The 1998-99 season was his last.", "1998-99"),
        ("Talks ran from the morning and into the evening.", "the morning and"),
        ("Prices rose in mid-October, traders said.", "mid-October"),
        ("The first half of 2023 was calm.", "The first half of 2023"),  # a half is a date, not a length
    ],
)
def test_a_span_holding_one_time_stays_whole(sentence, span):
    assert len(_read(sentence, span)) == 1


@pytest.mark.parametrize("text", ["the first nine months", "the last two years", "the past three weeks"])
def test_a_count_after_first_last_or_past_is_a_length(text):
    assert is_length(text)


@pytest.mark.parametrize(
    ("sentence", "found", "value"),
    [
        ("The rebels now hold the airport.", "now", "PRESENT_REF"),
        ("Right now, the port is shut.", "Right now", "PRESENT_REF"),
        ("She is currently abroad.", "currently", "PRESENT_REF"),
        ("The firm recently sold its stake.", "recently", "PAST_REF"),
        ("A recent survey found support.", "recent", "PAST_REF"),
        ("Talks will resume soon, aides said.", "soon", "FUTURE_REF"),
        ("In the past, strikes were rare.", "the past", "PAST_REF"),
        ("Costs will rise in the future, it warned.", "the future", "FUTURE_REF"),
        ("Margins will stay thin in the near term.", "the near term", "FUTURE_REF"),
        ("It will repay the loan as soon as possible.", "as soon as possible", "FUTURE_REF"),
        ("He praised the current mayor.", "current", "PRESENT_REF"),
        ("Holders may buy shares at the then-current price.", "then-current", "PAST_REF"),
        ("Profit rose in the latest period, the bank said.", "the latest period", "2024-Q3"),
        ("The firm posted a flat second quarter.", "second quarter", "2024-Q2"),
        ("Voters rejected the post-1959 order.", "post-1959", "1959"),
        ("They redrew the pre-2003 borders.", "pre-2003", "2003"),
    ],
)
def test_vague_times_the_model_leaves_untagged_are_found(sentence, found, value):
    spans = [sentence[s:e] for s, e in _spans(SimpleNamespace(ents=()), sentence)]
    assert spans == [found]
    start = sentence.index(found)
    assert normalise(found, THU, before=sentence[:start], after=sentence[start + len(found):]) == value


@pytest.mark.parametrize(
    "sentence",
    [
        "He will call as soon as he lands.",
        "She resigned soon after the vote.",
        "Fans fear for the future of the club.",
        "Prices doubled over the past two years.",
        "Sales fell over the past week.",
        "The current account deficit widened.",
        "Its current assets fell.",
        "The snow fell on the town.",
        "The post-war order held.",
    ],
)
def test_words_that_are_no_time_of_their_own_are_not_vague_times(sentence):
    assert _spans(SimpleNamespace(ents=()), sentence) == []


@pytest.mark.parametrize(
    ("sentence", "first", "second", "joined"),
    [
        ("The day before last Tuesday's hearing, he flew home.", "The day", "last Tuesday's", True),
        ("He left the day after Friday's vote.", "the day", "Friday's", True),
        ("She spoke at 9 a.m. Tuesday in the hall.", "9 a.m.", "Tuesday", True),
        ("He was in town that day before Friday came.", "that day", "Friday", False),  # no day counted
        ("The day, and then Friday, passed.", "The day", "Friday", False),
    ],
)
def test_a_day_counted_from_another_is_one_expression(sentence, first, second, joined):
    a, b = sentence.index(first), sentence.index(second)
    spans = [(a, a + len(first)), (b, b + len(second))]
    expected = [(a, b + len(second))] if joined else spans
    assert _with_clock_times(spans, sentence) == expected


@pytest.mark.parametrize(
    ("span", "before", "after", "expected"),
    [
        ("the year", "Profit will fall in ", " ending June 30, 2025, it said.", "2025"),
        ("its fiscal year", "Sales rose in ", " ended March 31.", "2024"),
        ("the year", "Profit rose in ", ", analysts said.", "2024"),
        # a report numbers its fiscal quarters: the quarter keeps the number, not the end day's
        ("the quarter", "It posted a fiscal second-quarter profit. Sales rose in ", " ended Sept. 30.", "2024-Q2"),
    ],
)
def test_a_year_marked_apart_from_its_end_day_is_the_year_that_day_ends(span, before, after, expected):
    assert normalise(span, THU, before=before, after=after) == expected
    undated = normalise(span, None, before=before, after=after)
    assert undated is None or anchor_relative(undated, THU) == expected  # undated, anchored later: the same


@pytest.mark.parametrize(
    ("sentence", "drawn", "kept"),
    [
        # an uncounted stretch after "after" is another act's time, not part of the day
        ("Troops were sent in on Friday after days of rioting in the port.", "Friday after days", "Friday"),
        ("Talks resumed in March after months of delay.", "March after months", "March"),
        ("The vote was held two days after the attack.", "two days after", "two days after"),  # counted
        # so is the "overnight" of the act after it
        ("Shops stay shut until 6 a.m. after overnight looting.", "6 a.m. after overnight", "6 a.m."),
    ],
)
def test_an_uncounted_stretch_after_after_is_no_part_of_the_day(sentence, drawn, kept):
    start = sentence.index(drawn)
    ent = SimpleNamespace(start_char=start, end_char=start + len(drawn), label_="DATE", text=drawn)
    assert [sentence[s:e] for s, e in _spans(SimpleNamespace(ents=(ent,)), sentence)] == [kept]
