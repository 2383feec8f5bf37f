"""Dates: normalising time expressions against the publication date (TIMEX3 values)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.model import Analysis, Article
from newsdesk.nlp.dates import anchor_of, anchor_relative, normalise, resolve_dates

WED = dt.date(2023, 9, 20)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        ("Tuesday", "Fighting began on ", "2023-09-19"),
        ("Wednesday", "In a statement released ", "2023-09-20"),
        ("Monday", "Talks were held on ", "2023-09-18"),
        ("Thursday", "The ministry will meet on ", "2023-09-21"),
        ("last Wednesday", "", "2023-09-13"),
        ("next Monday", "", "2023-09-25"),
        ("this past Sunday", "", "2023-09-17"),
        ("this Friday", "", "2023-09-22"),  # the coming one, not the Friday before
        ("this Monday", "", "2023-09-25"),
        ("this Monday", "The two leaders met ", "2023-09-18"),  # unless told in the past
        ("this past weekend", "", "2023-W37-WE"),
        ("this coming weekend", "", "2023-W38-WE"),
        ("Wednesday morning", "", "2023-09-20"),
        ("yesterday", "", "2023-09-19"),
        ("overnight", "", "2023-09-19"),  # the night before the report, dated by its evening (TimeML)
        ("a day earlier", "", "2023-09-19"),
        ("tomorrow", "", "2023-09-21"),
        ("three years ago", "", "2020"),
        ("two days ago", "", "2023-09-18"),
        ("last year", "", "2022"),
        ("next month", "", "2023-10"),
        ("this week", "", "2023-W38"),
        ("the third quarter", "", "2023-Q3"),
        ("the 1990s", "", "199X"),
        ("the early 1990s", "", "199X"),  # TIMEX3: the decade, with mod START
        ("the late 1970s", "", "197X"),
        ("the 20th century", "", "19"),
        ("2020", "", "2020"),
        ("fiscal 2021", "", "2021"),
        ("FY2021", "", "2021"),
        ("December", "", "2023-12"),
        ("January", "", "2024-01"),
        ("February", "", "2023-02"),
        ("last March", "", "2023-03"),
        ("Sept. 4", "", "2023-09-04"),
        ("4 September 2019", "", "2019-09-04"),
        ("2019-09-04", "", "2019-09-04"),  # an ISO day, not a range of years
        ("now", "", "PRESENT_REF"),
        ("recently", "", "PAST_REF"),
        ("soon", "", "FUTURE_REF"),
        ("this summer", "", "2023-SU"),
        ("nineteen ninety-six", "", "1996"),
        ("the weekend", "", "2023-W37-WE"),
        ("the coming months", "", "FUTURE_REF"),
        ("the past few years", "", "PAST_REF"),
        ("days ago", "", "PAST_REF"),
        ("years earlier", "", "PAST_REF"),
        ("June last year", "", "2022-06"),
        ("Tuesday's", "", "2023-09-19"),
        ("a second day", "", "2023-09-20"),
        ("Christmas", "", "2023-12-25"),
        ("Thanksgiving", "", "2023-11-23"),
        ("Memorial Day", "", "2023-05-29"),
        ("last Christmas", "", "2022-12-25"),
        ("Black Friday", "", "2023-11-24"),  # the day after Thanksgiving, not last Friday
        ("Boxing Day", "", "2023-12-26"),
        ("Veterans Day", "", "2023-11-11"),
        ("Presidents Day", "", "2023-02-20"),
        # A day known by a name we do not hold has no date we know: not publication's, nor
        # the last such weekday (a country's Mother's Day differs from another's).
        ("Mother's Day", "", None),
        ("Polling Day", "", None),
        ("Super Tuesday", "", None),
        ("Bloody Sunday", "", None),
        ("the third straight day", "", "2023-09-20"),
        # A length of time is a date only where it counts ahead: "will ... in five years".
        ("five years", "The bonds will be redeemed in ", "2028"),
        ("five years", "Prices rose for the first time in ", None),
        ("two weeks", "The talks lasted ", None),
    ],
)
def test_normalise_against_a_publication_date(text, before, expected):
    assert normalise(text, WED, before=before) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday", "P-1D"),
        ("today", "P0D"),
        ("a second day", "P0D"),
        ("three years ago", "P-3Y"),
        ("next month", "P+1M"),
        ("Tuesday", "WXX-2"),
        ("Sunday", "WXX-7"),
        ("12 March 2021", "2021-03-12"),
        ("the 1980s", "198X"),
        ("July 4", "XXXX-07-04"),
        ("the 1994 period", "1994"),  # a report's period: which quarter needs the date
    ],
)
def test_without_a_publication_date_values_stay_relative(text, expected):
    assert normalise(text, None) == expected


@pytest.mark.parametrize("published", [None, "", "not a date", "2023-13-45"])
def test_bad_or_missing_publication_date_gives_no_anchor(published):
    assert anchor_of(published) is None


def test_anchor_of_a_datetime():
    assert anchor_of("2023-09-20T08:15:00+04:00") == WED


@settings(deadline=None, max_examples=60)
@given(st.text(max_size=40), st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))))
def test_normalise_never_raises(text, anchor):
    value = normalise(text, anchor)
    assert value is None or isinstance(value, str)


def test_a_live_pages_stamps_are_times_of_its_day(nlp):
    text = ("10:42 GMT\nShells hit the city overnight, the governor said.\n\n"
            "11:15 GMT\nThe air force said it shot down 20 drones.")
    analysis = Analysis(article=Article(id="d2", text=text, published="2023-09-20"))
    values = {r.text: r.value for r in resolve_dates(analysis, nlp(text)).dates}
    assert (values.get("10:42 GMT"), values.get("11:15 GMT")) == ("2023-09-20T10:42", "2023-09-20T11:15")


@pytest.mark.slow
def test_resolve_dates_stage(nlp):
    text = "The army attacked on Tuesday.\nOn Monday, talks had failed. The war ended three years ago."
    analysis = Analysis(article=Article(id="d1", text=text, published="2023-09-20"))
    refs = resolve_dates(analysis, nlp(text)).dates
    values = {r.text: r.value for r in refs}
    assert values.get("Tuesday") == "2023-09-19"
    assert values.get("Monday") == "2023-09-18"
    assert all(text[r.span[0] : r.span[1]] == r.text for r in refs)
    assert values.get("three years ago") == "2020"
    assert all("\n" not in r.text for r in refs)


@pytest.mark.parametrize(
    ("text", "published"),
    [("yesterday", "2023-09-20"), ("three years ago", "2023-09-20"), ("Tuesday", "2023-09-20"),
     ("Sunday", "2023-09-20"), ("next month", "2023-09-20"), ("this week", "2023-09-20"), ("July 4", "2023-09-20"),
     ("the third quarter", "2023-09-20"), ("12 March 2021", "2023-09-20"), ("now", "2023-09-20")],
)
def test_anchoring_a_relative_value_later_equals_normalising_with_the_date(text, published):
    anchor = anchor_of(published)
    assert anchor_relative(normalise(text, None), anchor) == normalise(text, anchor)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("“Nobody came,” said Lena Ortiz, 47, whose house collapsed on Monday.", "47"),
        ("The driver, Tomas Berg, 62, was taken to hospital on Friday.", "62"),
    ],
)
def test_an_age_after_a_name_is_no_date(nlp, text, age):
    analysis = Analysis(article=Article(id="d3", text=text, published="2024-05-06"))
    texts = [r.text for r in resolve_dates(analysis, nlp(text)).dates]
    assert age not in texts and len(texts) == 1


@pytest.mark.slow
def test_rules_add_relative_days_the_model_misses(nlp):
    text = "Talks failed on Monday, just a day before the attack, and resumed two weeks later."
    analysis = Analysis(article=Article(id="d2", text=text))
    values = {r.text: r.value for r in resolve_dates(analysis, nlp(text)).dates}
    assert values.get("Monday") == "WXX-1"
    assert values.get("a day before") == "WXX-1"  # that Monday, another name for it
    assert values.get("two weeks later") == "P+2W"


NOV = dt.date(1995, 11, 8)  # a Wednesday in the fourth quarter


@pytest.mark.parametrize(
    ("text", "before", "after", "expected"),
    [
        # The clause's tense places a month or day without its year (TimeML: by the event).
        ("March 31", "The bakery chain had sales of $9 million in the year ended ", "", "1995-03-31"),
        ("December", "The launch will take place in ", "", "1995-12"),
        ("February", "Its exports began in ", "", "1995-02"),
        ("February", "Its exports began in ", " this year", "1995-02"),
        ("January", "The road will reopen by ", "", "1996-01"),
        ("this September", "", "", "1995-09"),
        # A month opening its sentence takes the tense of the clause after it, the cue
        # nearest to it first ("announced plans to": past); a participle after "be" is no past.
        ("January", "Nothing changed. In ", ", the firm brought in a new chief.", "1995-01"),
        ("January", "Nothing changed. In ", ", the firm announced plans to expand.", "1995-01"),
        ("April 24", "The summit will still be held on ", "", "1996-04-24"),
        ("the middle of October", "Rates have fallen since ", "", "1995-10"),
        # A future cue stops at a comma; a possessive weekday names an event.
        ("Monday", "The mayor will appeal the verdict, handed down ", "", "1995-11-06"),
        ("Tuesday", "Lawyers would try to overturn ", "'s verdict", "1995-11-07"),
        ("Friday", "The two leaders signed a trade plan ", "", "1995-11-03"),
        ("Saturday", "Farmers planned a march on ", "", "1995-11-11"),
        ("Friday", "Traders sold ahead of ", "'s vote", "1995-11-10"),
        ("the weekend", "Traders squared positions ahead of ", "", "1995-W45-WE"),
        ("the weekend", "Talks went on over ", "", "1995-W44-WE"),
        ("a year", "For the nine months, profit rose to $5 million from $4 million ", " earlier", "1994"),
        # A day by its ordinal alone: of the month last named, else of publication's, by tense.
        ("the 19th", "The strike began in March and ended on ", "", "1995-03-19"),
        ("the 6th", "Talks ended on ", "", "1995-11-06"),
        ("the 20th", "Talks ended on ", "", "1995-10-20"),  # still to come this month: last month's
        ("the 2nd", "He will return on ", "", "1995-12-02"),
        ("the 21st of this month", "The vote was set for ", "", "1995-11-21"),
        ("the 31st", "Talks ended on ", "", "1995-10-31"),
        ("the 31st", "He will return on ", "", None),  # November has 30 days
    ],
)
def test_tense_places_days_and_months(text, before, after, expected):
    assert normalise(text, NOV, before=before, after=after) == expected


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        # Named periods of a financial report, in any word order.
        ("the 1993 second quarter", "", "1993-Q2"),
        ("the year-earlier third quarter", "", "1994-Q3"),
        ("next year's first quarter", "", "1996-Q1"),
        ("its fourth quarter", "", "1995-Q4"),
        ("the fiscal-first quarter", "", "1995-Q1"),
        ("the current quarter", "", "1995-Q4"),
        ("the corresponding period last year", "", "1994-Q3"),
        ("the quarter a year ago", "", "1994-Q3"),
        ("last year's quarter", "", "1994-Q3"),
        ("the latest period", "", "1995-Q3"),
        ("the latest fiscal year", "", "1994"),  # the last one whose results are in
        ("next fiscal year", "", "1996"),
        # The period last named sets what "the period" or "a year earlier" is.
        ("the latest period", "The mill reported a loss for its fiscal second quarter. ", "1995-Q2"),
        ("a year earlier", "Profit rose 8% in the third quarter from $2 million ", "1994-Q3"),
        ("a year earlier", "For the nine months, profit rose to $5 million from $4 million ", "1994"),
        ("the 1994 period", "For the first nine months, net fell, compared with a gain in ", "1994"),
        ("a year ago", "In the fiscal first quarter the mill earned $1 million, against a loss ", "1994-Q1"),
        # "A quarter-century low" names no quarter of a year.
        ("a year earlier", "Jobless claims hit a quarter-century low; wages rose 3% from ", "1994"),
        # A quarter not yet over is a forecast, not the period reported.
        ("the latest quarter", "The storm will mean a fourth-quarter charge. Sales fell in ", "1995-Q3"),
        ("the latest period", "The firm reported lower fourth-quarter profit. Sales in ", "1995-Q4"),
        # News that names months, no quarter: "the same period" a year back is in that year.
        ("the same period last year", "Visitors reached 4,000 by mid-September, up from 3,100 in ", "1994"),
        ("the same period a year ago", "Exports fell 9% in the first ten months against ", "1994"),
        ("the same period last year", "Sales rose 5% in the second quarter from ", "1994-Q2"),
        # "This quarter" is the one under way, "next quarter" the one after it; in a report
        # that named the quarter it covers, "this quarter" is that one.
        ("this quarter", "The bank expects losses to peak ", "1995-Q4"),
        ("next quarter", "The plant will reopen ", "1996-Q1"),
        ("the coming quarter", "Prices should ease in ", "1996-Q1"),
        ("next quarter", "Profit rose 5% in the third quarter. The firm sees a recovery ", "1996-Q1"),
        ("this quarter", "Profit rose 5% in the third quarter, against a loss last year. ", "1995-Q3"),
    ],
)
def test_periods_of_a_financial_report(text, before, expected):
    assert normalise(text, NOV, before=before) == expected


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        # Vague times: PRESENT_REF / PAST_REF / FUTURE_REF (TIMEX3).
        ("several years ago", "Support was lower ", "PAST_REF"),
        ("recent weeks and months", "Investors have sold shares in ", "PAST_REF"),
        ("the time", "He spoke in June, saying at ", "PAST_REF"),
        ("this critical moment", "Nobody would travel at ", "PRESENT_REF"),
        ("one day", "The town will ", "FUTURE_REF"),
        ("as soon as possible", "The firm wants to sell the unit ", "FUTURE_REF"),
        ("daily", "Crowds gather ", "P1D"),
        # Hedges TIMEX3 puts in ``mod``, not in the value.
        ("2001 or later", "", "2001"),
        ("post-1945", "", "1945"),
        ("a good part of 1996", "", "1996"),
        ("the next year or so", "", "1996"),
        ("the last half of 1994", "", "1994-H2"),
        ("the first two quarters of 1996", "", "1996-H1"),
        ("this past spring", "", "1995-SP"),
        ("this century", "", "19"),
        # Anaphoric times take the last time named as reference, not publication.
        ("the following year", "On 3 May 1990 she was promoted, and ", "1991"),
        ("later that year", "He left in July 1987 and came back ", "1987"),
        ("that year", "Sales reached $3 million in 1991, a record for ", "1991"),
        ("the next day", "The vote was held on March 3, 1994. ", "1994-03-04"),
        ("the day", "Prices fell after Oct. 12, ", "1995-10-12"),
        ("the next day", "Nothing happened. ", "1995-11-09"),  # no reference: the publication date's
        ("the day", "The minister arrived later in ", "1995-11-08"),
        ("the following month", "The board met in March. Shareholders complained. ", "1995-04"),
        ("the next morning", "He fell ill on Monday and appeared in court ", "1995-11-07"),
        ("the previous Friday", "Shares closed higher on Friday, Nov. 3, up 2% from ", "1995-10-27"),
        # A count "later" or "earlier" counts from the time last named too, not from publication;
        # with none named, from publication; with one coarser than its unit, no value.
        ("two days later", "He was arrested on June 3, 1994. ", "1994-06-05"),
        ("a year later", "The dam was finished in March 1990. ", "1991"),
        ("three weeks later", "Talks broke down on Monday. ", "1995-W48"),
        ("four years earlier", "The war began in 1991. ", "1987"),
        ("a year earlier", "The dam was finished in March 1990. It had been planned ", "1989"),
        ("two days later", "Nothing happened. ", "1995-11-10"),
        ("three months later", "The war began in 1991. ", None),
        ("that summer", "The war began in 1991. ", "1991-SU"),
        ("two days later", "The offensive began on 19 September 1994. ", "1994-09-21"),  # day first
        ("25", "The summit will be held on April 24 and ", "1996-04-25"),
        ("then", "The offer will lapse on Dec. 15. Until ", "1995-12-15"),
        ("the nineties", "", "199X"),
        ("the early eighties", "", "198X"),
        ("year's end", "", "1995"),
        ("the week", "The index fell 2% for ", "1995-WXX"),  # the week unknown, the year kept
        ("week", "Sales doubled in a ", None),  # a length of time
        # Built on another expression.
        ("the day before last Tuesday", "", "1995-11-06"),
        ("the week of Oct. 2", "", "1995-W40"),
        ("earlier in the year", "", "1995"),
        ("Election Day", "", "1995-11-07"),
        # A part of a day by its hours is the day (as "Tuesday morning" is).
        ("the early hours of Tuesday morning", "The roof caught fire in ", "1995-11-07"),
        ("the small hours of Monday", "", "1995-11-06"),
        ("the first minutes of Sunday", "", "1995-11-05"),
        ("the final hours of the year", "", None),  # not a day: no value rather than the year's
    ],
)
def test_vague_hedged_anaphoric_and_composed_times(text, before, expected):
    assert normalise(text, NOV, before=before) == expected


def test_a_frequency_is_not_a_relative_offset():
    assert anchor_relative("P1D", WED) == "P1D"
    assert anchor_relative("P0D", WED) == "2023-09-20"


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2023-09-20", {"Tuesday": "2023-09-19", "morning": "2023-09-19", "that evening": "2023-09-19"}),
     (None, {"Tuesday": "WXX-2", "morning": "WXX-2", "that evening": "WXX-2"})],
)
def test_a_part_of_day_after_a_weekday_is_that_day(published, expected):
    text = "Two blasts hit the town on Tuesday morning. Rescuers left that evening."
    before = {"Tuesday": text[: text.index("Tuesday")], "morning": text[: text.index("morning")],
              "that evening": text[: text.index("that evening")]}
    anchor = anchor_of(published)
    assert {t: normalise(t, anchor, before=b) for t, b in before.items()} == expected


MON = dt.date(2000, 4, 3)  # a Monday


@pytest.mark.parametrize(
    ("text", "before", "after", "expected"),
    [
        # A weekday that opens its sentence takes the tense of the clause after it.
        ("Tuesday", "Nothing was decided. On ", ", the union plans to strike.", "2000-04-04"),
        ("Tuesday", "Nothing was decided. On ", ", the union struck, saying it would go on.", "2000-03-28"),
        # Putting off, and a deadline still running, point ahead.
        ("Thursday", "The court postponed the hearing until ", "", "2000-04-06"),
        ("Friday", "The ministry has given the firms until ", " to reply.", "2000-04-07"),
        # "next to" a place and "due to" a cause say nothing of the future; "due to" a verb does.
        ("Friday", "Two men died in the fire next to the station on ", ".", "2000-03-31"),
        ("Friday", "The match was called off due to the storm on ", ".", "2000-03-31"),
        ("Friday", "The ferry is due to sail on ", ".", "2000-04-07"),
        # A schedule told in the present simple is to come; the same verb in the past is past.
        ("Thursday", "The two leaders meet ", " in Geneva.", "2000-04-06"),
        ("Friday", "The summit opens ", " with a dinner.", "2000-04-07"),
        ("Thursday", "The two leaders met ", " in Geneva.", "2000-03-30"),
        ("Thursday", "He did not want to meet ", ".", "2000-03-30"),
        # A clock time with its day: the day and the time, in either order.
        ("9 a.m. Tuesday", "The relatives have until ", "", "2000-04-04T09:00"),
        ("4 a.m. EDT Thursday", "The father will leave at ", "", "2000-04-06T04:00"),
        ("Friday at 3:30 p.m.", "The talks began ", "", "2000-03-31T15:30"),
        ("noon Wednesday", "The vote will be held at ", "", "2000-04-05T12:00"),
        # A 24-hour clock with its zone, as wires and live pages write it.
        ("14:30 GMT on Tuesday", "The vote will be held at ", "", "2000-04-04T14:30"),
        ("11:30 GMT", "The blast happened on Sunday at ", "", "2000-04-02T11:30"),
        ("10:42 GMT", "", "\nShells hit the city overnight.", "2000-04-03T10:42"),
        ("09:00 CET on Thursday", "The meeting starts at ", "", "2000-04-06T09:00"),
        # An act called or set for a day is to come; one held on it is past.
        ("Friday", "Unions called a strike for ", " over pensions.", "2000-04-07"),
        ("Sunday", "Opposition parties set a rally for ", ".", "2000-04-09"),
        ("Friday", "The strike held on ", " closed schools.", "2000-03-31"),
        # A call or plan that stands points its act's day ahead; a call told in the past
        # simple may be dated by the day, and an act held on it is past.
        ("Tuesday", "The union has called for a general strike on ", ".", "2000-04-04"),
        ("Sunday", "Students are calling for a sit-in and a march on ", ".", "2000-04-09"),
        ("Thursday", "Dockers have announced a 24-hour walkout on ", " at the port.", "2000-04-06"),
        ("Saturday", "A farmers' rally planned on ", " will block the ring road.", "2000-04-08"),
        ("Tuesday", "The bishop called for calm on ", ".", "2000-03-28"),
        # "from" a day is when the act called starts, never when it was called: ahead
        ("Wednesday", "Unions called a nationwide strike from ", ".", "2000-04-05"),
        ("Friday", "Farmers have announced protests from ", " across the region.", "2000-04-07"),
        ("Thursday", "Dockers declared an indefinite walkout from ", ".", "2000-04-06"),
        ("Wednesday", "The strike from ", " to Friday closed schools.", "2000-03-29"),
        ("Wednesday", "Thousands joined the strike on ", ".", "2000-03-29"),
        # A forecast runs ahead; a closure told in the past does not.
        ("Wednesday", "Forecasters said more rain was expected until ", ".", "2000-04-05"),
        ("Friday", "Storms are forecast through ", ", officials said.", "2000-04-07"),
        ("Wednesday", "The road was closed until ", ", officials said.", "2000-03-29"),
        # What is awaited on a day is to come; what was announced on it is past.
        ("Thursday", "Final results were expected on ", ", the commission said.", "2000-04-06"),
        ("Friday", "A ruling on the appeal is due by ", ".", "2000-04-07"),
        ("Thursday", "The results were announced on ", ".", "2000-03-30"),
        # What is agreed or ordered to run from a day runs ahead; what started on it is past.
        ("Monday", "The sides agreed to a 72-hour truce starting on ", ".", "2000-04-10"),
        ("Friday", "The army announced a curfew effective ", ".", "2000-04-07"),
        ("Monday", "The fighting started on ", ".", "2000-04-03"),
        # the model's span takes the count of a relation after it: "on Monday hours after ..."
        ("Monday hours", "The governor was killed on ", " after he spoke.", "2000-04-03"),
    ],
)
def test_weekday_direction_and_clock_times(text, before, after, expected):
    assert normalise(text, MON, before=before, after=after) == expected


@pytest.mark.parametrize(
    ("text", "before", "after", "expected"),
    [
        # "the day after/before" an event: a day from the day last named; an appositive
        # ("Oct. 12, the day before the crash") is that day; no day named: unknown.
        ("day", "He died on Oct. 23. Police came to his house the ", " after his death.", "1995-10-24"),
        ("the day", "Shares rose on Oct. 12, ", " before the crash.", "1995-10-12"),
        ("day", "Police came to his house the ", " after his death.", None),
        # A count from an event the text does not date is no time counted from the report;
        # set beside a named time, it is that time.
        ("a week before", "Rebels shelled the town ", " the ceasefire talks.", None),
        ("two days after", "He was freed ", " his arrest.", None),
        ("a day before", "Talks failed on Wednesday, just ", " the attack.", "1995-11-08"),
        ("a day before", "On Oct. 12 — ", " the crash — shares rose.", "1995-10-12"),
        # Spelled-out days of the month (broadcast transcripts).
        ("this coming Sunday, November twelfth", "", "", "1995-11-12"),
        ("the twenty-first of May", "Exports began on ", "", "1995-05-21"),
        # Feasts counted from Easter; Holy Week is the week that ends on Easter Sunday.
        ("Easter", "", "", "1995-04-16"),
        ("Good Friday", "", "", "1995-04-14"),
        ("Holy Week", "", "", "1995-W15"),
        # A vague quantity: "in a year or two".
        ("a year or two", "The rules may change in ", "", "FUTURE_REF"),
        ("a week or two", "Prices fell ", " ago", "PAST_REF"),
        # An elided unit: "this year as last".
        ("last", "The dividend will be twice as high this year as ", "", "1994"),
        # A quarter with an adjective, and a report's quarter keeping its fiscal number.
        ("a flat second quarter", "After ", "", "1995-Q2"),
        ("the latest period", "Net rose in the fiscal second quarter. Sales rose in the quarter ended Sept. 30. ",
         "", "1995-Q2"),
    ],
)
def test_anaphoric_days_spelled_days_feasts_and_report_periods(text, before, after, expected):
    assert normalise(text, NOV, before=before, after=after) == expected


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        # Undated, the direction of a weekday is kept: strictly before "<", after ">".
        ("next Tuesday", "", "WXX-2>"),
        ("last Tuesday", "", "WXX-2<"),
        ("Thursday", "The ministers will meet on ", "WXX-4>"),
        ("9 a.m. Tuesday", "The court will sit at ", "WXX-2T09:00>"),
        ("the early hours of Tuesday", "The roof caught fire in ", "WXX-2"),
        ("the weekend", "Talks went on over ", "WXX-WE"),
        ("next weekend", "", "P+1W-WE"),
        # A report's periods: the latest quarter, a year back, a numbered one a year back.
        ("the quarter", "Profit rose 8% in ", "P-1Q"),
        ("the year-earlier quarter", "", "P-5Q"),
        ("a year ago", "Net rose in the third quarter, from $2 million ", "P-1Y-Q3"),
        ("the fourth quarter", "", "XXXX-Q4"),
        # A month of a year counted from publication's, or before/after it.
        ("June last year", "", "P-1Y-06"),
        ("February", "Its exports began in ", "XXXX-02<="),  # the tense places it: past
        ("February", "Its exports will begin in ", "XXXX-02>="),
        ("March 31", "Sales rose in the year ended ", "XXXX-03-31<="),
        ("March 5", "", "XXXX-03-05"),
        ("March 5", "The treaty was signed on ", "P-1Y-03-05"),
        ("last March", "", "XXXX-03<"),
        ("last fall", "", "P-1Y-FA"),
        ("Christmas", "", "XXXX-12-25"),
        ("last Thanksgiving", "", "XXXX-thanksgiving<"),  # a moving feast keeps its name
        ("Holy Week", "", "XXXX-holy_week"),
    ],
)
def test_undated_relative_values_keep_direction_and_period(text, before, expected):
    after = " last year" if before.startswith("The treaty") else ""
    assert normalise(text, None, before=before, after=after) == expected


# Expressions whose undated value anchors to exactly what the dated one is, on any day.
_ANCHORABLE = [
    ("yesterday", "", ""), ("Tuesday", "Fighting began on ", ""), ("Thursday", "The ministry will meet on ", ""),
    ("last Wednesday", "", ""), ("next Monday", "", ""), ("Sunday", "", ""), ("the weekend", "Talks went on over ", ""),
    ("the weekend", "Traders squared positions ahead of ", ""), ("next weekend", "", ""),
    ("9 a.m. Tuesday", "The relatives have until ", ""), ("three years ago", "", ""), ("next month", "", ""),
    ("this week", "", ""), ("the third quarter", "", ""), ("the fourth quarter", "", ""),
    ("the quarter", "Profit rose 8% in ", ""), ("the year-earlier quarter", "", ""),
    ("a year ago", "Net rose in the third quarter, from $2 million ", ""),
    ("a year earlier", "Profit rose 8% in the quarter, from $2 million ", ""), ("June last year", "", ""),
    ("last March", "", ""), ("next July", "", ""), ("February", "", ""), ("last fall", "", ""),
    ("next summer", "", ""), ("Christmas", "", ""), ("last Christmas", "", ""), ("July 4", "", ""),
    ("February", "In ", " this year"), ("12 March 2021", "", ""), ("now", "", ""),
    ("March 31", "Sales rose in the year ended ", ""), ("June 1", "The plant will close by ", ""),
    ("December", "The firm changed its fiscal year in ", ""), ("March 5", "The treaty was signed on ", " last year"),
    ("January", "Nothing changed. In ", ", the firm announced plans to expand."),
    ("the week", "The index fell 2% for ", ""),
    ("Thanksgiving", "", ""), ("last Thanksgiving", "", ""), ("next Easter", "", ""), ("this Christmas", "", ""),
    ("Holy Week", "", ""), ("Election Day", "", ""), ("next Labor Day", "", ""),
    ("Black Friday", "", ""), ("last Cyber Monday", "", ""), ("Boxing Day", "", ""),
    ("tomorrow morning", "", ""), ("yesterday evening", "", ""), ("today", "", ""),
    ("this quarter", "", ""), ("next quarter", "The plant will reopen ", ""),
    ("this Friday", "", ""), ("this Monday", "The two leaders met ", ""), ("this past weekend", "", ""),
    ("this coming weekend", "", ""),
]


@settings(deadline=None, max_examples=40)
@given(st.dates(dt.date(1980, 1, 1), dt.date(2040, 12, 31)))
def test_anchoring_an_undated_value_later_equals_normalising_with_the_date(anchor):
    for text, before, after in _ANCHORABLE:
        undated = normalise(text, None, before=before, after=after)
        assert anchor_relative(undated, anchor) == normalise(text, anchor, before=before, after=after), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the fourth quarter", "1997-Q4"), ("the third quarter", "1998-Q3"), ("the latest quarter", "1997-Q4"),
     ("the year-earlier quarter", "1996-Q4"), ("the year-ago fourth quarter", "1996-Q4")],
)
def test_a_fourth_quarter_named_early_in_the_year_is_last_years(text, expected):
    assert normalise(text, dt.date(1998, 2, 10)) == expected


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [("the third quarter", "Profit fell 5% in ", "1997-Q3"),  # told in the past, not yet begun: last year's
     ("Q2", "Sales rose in ", "1997-Q2"),
     ("the third quarter", "Profit will rise in ", "1998-Q3"),
     ("the first quarter", "Profit fell in ", "1998-Q1")],  # begun: this year's
)
def test_a_quarter_told_in_the_past_is_one_begun(text, before, expected):
    feb = dt.date(1998, 2, 10)
    assert normalise(text, feb, before=before) == expected
    assert anchor_relative(normalise(text, None, before=before), feb) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("winter", "1997-WI"), ("this winter", "1997-WI"), ("last winter", "1996-WI"), ("next winter", "1998-WI"),
     ("this past winter", "1997-WI"), ("this summer", "1998-SU")],
)
def test_a_winter_named_in_january_is_the_one_begun_in_december(text, expected):
    # 1997-WI runs from December 1997; in January 1998 it was read as the one to begin in December 1998.
    jan = dt.date(1998, 1, 20)
    assert normalise(text, jan) == expected
    assert anchor_relative(normalise(text, None), jan) == expected



def test_anchor_dates_resolves_an_undated_articles_dates_against_a_day():
    from newsdesk.model import DateRef
    from newsdesk.nlp.dates import anchor_dates

    text = "The ministers will meet on Thursday. Profit rose in the third quarter from $2 million a year ago."
    spans = [(text.index("Thursday"), text.index("Thursday") + 8), (text.index("a year ago"), len(text) - 1)]
    refs = tuple(DateRef("d3", s, text[s[0] : s[1]], normalise(text[s[0] : s[1]], None, before=text[: s[0]]))
                 for s in spans)
    assert [r.value for r in refs] == ["WXX-4>", "P-1Y-Q3"]
    anchored = anchor_dates(Analysis(article=Article(id="d3", text=text), dates=refs), WED)
    assert [r.value for r in anchored.dates] == ["2023-09-21", "2022-Q3"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Decades and centuries counted from publication (dateparser would give a year).
        ("the last decade", "198X"),
        ("this decade", "199X"),
        ("next decade", "200X"),
        ("the past decade", "P10Y"),  # the ten years to now: a duration
        ("the last century", "18"),
        ("next century", "20"),
        ("the first half of the 1990s", "199X"),  # the decade, with mod START
        ("the mid-1990s", "199X"),
        ("the last half of the '80s", "198X"),
    ],
)
def test_decades_and_centuries(text, expected):
    assert normalise(text, dt.date(1998, 2, 6)) == expected


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        # A clock time alone is on the day its sentence names, else on the publication day.
        ("noon", "Police came on Sunday and left at ", "2000-04-02T12:00"),
        ("3 p.m.", "The vote, at ", "2000-04-03T15:00"),
        # The period of "a.m." or "U.S." ends no clause: the cue before it still counts.
        ("Tuesday", "The talks were postponed until 9 a.m. ", "2000-04-04"),
        ("Friday", "The U.S. envoy will fly to Cairo on ", "2000-04-07"),
    ],
)
def test_clock_times_alone_and_abbreviations(text, before, expected):
    assert normalise(text, MON, before=before) == expected


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        # An end hour earlier than its start is the next morning.
        ("5 a.m.", "Soldiers enforced a curfew from 9 p.m. to ", "2000-04-04T05:00"),
        ("06:00", "The port stays shut between 23:00 and ", "2000-04-04T06:00"),
        ("4 a.m.", "Shops must close from 10 p.m. Sunday until ", "2000-04-03T04:00"),
        ("6 a.m.", "Nobody may leave home from midnight to ", "2000-04-04T06:00"),
        # A later end hour is the same day, and so is midnight, the end of its day.
        ("4 p.m.", "The market may open from 8 a.m. to ", "2000-04-03T16:00"),
        ("midnight", "Bars will shut from 11 p.m. to ", "2000-04-03T24:00"),
        # Undated: the day after the publication's.
        ("5 a.m.", "The town is under curfew from 7 p.m. to ", "P+1DT05:00"),
    ],
)
def test_the_end_of_a_span_of_hours_that_runs_past_midnight(text, before, expected):
    anchor = None if expected.startswith("P") else MON
    assert normalise(text, anchor, before=before) == expected


@pytest.mark.parametrize(
    ("text", "before", "after", "expected"),
    [
        # a time alone is on the day its sentence names, after it as well as before it
        ("9 p.m.", "Troops imposed a ", " to 6 a.m. curfew on Saturday.", "2000-04-01T21:00"),
        ("6 a.m.", "Troops imposed a 9 p.m. to ", " curfew on Saturday.", "2000-04-02T06:00"),
        ("6 a.m", "Troops imposed a 9 p.m. to ", ". curfew on Saturday.", "2000-04-02T06:00"),  # the model's cut
        # not a day of the next sentence
        ("noon", "The talks resumed at ", ". The envoy left on Saturday.", "2000-04-03T12:00"),
    ],
)
def test_a_clock_time_alone_takes_the_day_named_after_it(text, before, after, expected):
    assert normalise(text, MON, before=before, after=after) == expected


@pytest.mark.slow
def test_a_clock_time_joins_the_day_beside_it(nlp):
    text = ("The talks were postponed until 9 a.m. Tuesday. The relatives have until Friday at 3 p.m. to answer. "
            "The ceasefire took effect at 1 p.m. local time on Sunday.")
    analysis = Analysis(article=Article(id="d4", text=text, published="2000-04-03"))
    values = {r.text: r.value for r in resolve_dates(analysis, nlp(text)).dates}
    assert values.get("9 a.m. Tuesday") == "2000-04-04T09:00"
    assert values.get("Friday at 3 p.m.") == "2000-04-07T15:00"
    assert values.get("1 p.m. local time on Sunday") == "2000-04-02T13:00"


@pytest.mark.parametrize(
    ("clock", "gap", "day", "expected"),
    [("1 p.m.", " local time (0900 GMT) on ", "Sunday", "2000-04-02T13:00"),  # the time elsewhere, in brackets
     ("about 1 p.m.", " (0900 GMT) on ", "2 April", "2000-04-02T13:00")],
)
def test_a_clock_time_joins_its_day_across_the_time_elsewhere(clock, gap, day, expected):
    from types import SimpleNamespace

    text = f"The ceasefire took effect at {clock}{gap}{day}."
    start = text.index(clock)
    ents = (SimpleNamespace(start_char=start, end_char=start + len(clock), label_="TIME", text=clock),
            SimpleNamespace(start_char=text.index(day), end_char=text.index(day) + len(day), label_="DATE", text=day))
    analysis = Analysis(article=Article(id="d5", text=text, published="2000-04-03"))
    assert [(r.text, r.value) for r in resolve_dates(analysis, SimpleNamespace(ents=ents)).dates] == [
        (f"{clock}{gap}{day}", expected)]


@pytest.mark.parametrize(
    ("text", "before", "after", "expected"),
    [
        # A length of time is no date, however it is written.
        ("the nine months", "For ", ", the company earned $5 million.", None),
        ("a month", "The appeal could take as long as ", " or two.", None),
        ("a week", "The hostage was freed within ", " of his capture.", None),
        ("16-hour", "After a ", " flight, she landed in Lima.", None),
        ("five hours", "She will spend only ", " in the capital.", None),
        ("twenty years", "The country has been at war for ", ".", None),
        ("about a decade", "It is the first order in ", ".", None),
        ("24 hours", "Police held him for ", ".", None),
        ("a 10-year", "The yield on ", " note fell.", None),
        ("the past five years", "Prices doubled over ", ".", None),
        ("six and four years", "The two were given sentences of ", " respectively.", None),
        ("three or four days", "The talks could last ", ".", None),
        ("between two and three years", "Repairs will take ", ".", None),
        # A number alone, in words, is no month: dateparser reads "two" as February.
        ("two", "The wait is between ", " to six days.", None),
        ("eleven", "Of the ", " injured, three were children.", None),
        ("a", "It took ", " while.", None),
        # ... unless the words around it make it one.
        ("two weeks", "The mayor resigned ", " ago.", "2023-W36"),
        ("five years", "The bonds will be redeemed in ", ".", "2028"),
        ("a year", "Sales rose from $2 million ", " earlier.", "2022"),
        # A year is not a count of quarters.
        ("the 2022 quarter", "", "", "2022-Q2"),
    ],
)
def test_a_length_of_time_is_no_date(text, before, after, expected):
    assert normalise(text, WED, before=before, after=after) == expected


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        # A preposition the model's span holds is context, not part of the time.
        ("since 2019", "Prices have risen ", "2019"),
        ("until 2025", "The deal runs ", "2025"),
        ("on Friday", "The council will vote ", "2023-09-22"),
        ("over the weekend", "Talks went on ", "2023-W37-WE"),  # "over" is a signal, not the time
        ("throughout 2022", "Prices rose ", "2022"),
        ("in five years", "The bonds will be redeemed ", "2028"),
        ("as early as next year's first quarter", "The plant could open ", "2024-Q1"),
        ("at least the first two quarters of 2024", "Losses will last through ", "2024-H1"),
        ("as soon as possible", "He wants to leave ", "FUTURE_REF"),
        ("from time to time", "The board reviews the plan ", None),
        # A range is given its start.
        ("2011 to 2015", "He was mayor from ", "2011"),
        ("between 2001 and 2004", "The ministry paid him ", "2001"),
        ("Aug. 14 to Thursday", "Shares were bought from ", "2023-08-14"),
        ("Monday-Friday", "The office opened ", "2023-09-18"),
        ("2001–2004", "He led the party in ", "2001"),
        ("day-long", "After a ", None),  # a dash in a compound is no range
        ("the year-earlier nine months", "Profit rose from ", None),
        ("on time", "The train arrived ", None),
        # A period by the day it ends.
        ("the third quarter ended June 30", "The bank lost $5 million in ", "2023-Q3"),
        ("the quarter ended June 30", "Sales rose in ", "2023-Q2"),
        ("the year ended March 31", "Profit fell in ", "2023"),
        ("the nine months ended June 30", "Profit fell in ", None),
        # A time after words the model's span took in by mistake.
        ("coup d'etat last year", "He fled after the ", "2022"),
        ("the day Friday", "During ", "2023-09-15"),
        ("the day before last Tuesday", "He called ", "2023-09-18"),
        ("his first day", "He will sign it on ", None),
        ("just over an hour later", "He was shot at noon. ", None),  # "later" alone is no tail
        # A list is given its first time.
        ("2011, 2012 and", "He won in ", "2011"),
        # An age is no year: the model tags "Smith, 44," as a DATE.
        ("44", "John Smith, ", None),
        ("4", "She left the country in 1962 when she was ", None),
        ("30s", "when he was in his ", None),
    ],
)
def test_spans_the_model_draws_wider_or_otherwise(text, before, expected):
    assert normalise(text, WED, before=before) == expected


@pytest.mark.parametrize(
    ("text", "before", "after", "expected"),
    [
        # A year cut out of a report's period is that period: the quarter just reported.
        ("2022", "Profit fell 5% from the ", " period.", "2022-Q2"),
        ("last year", "Sales were $9 million in the corresponding period ", ".", "2022-Q2"),
        ("2022", "Prices rose in ", ".", "2022"),
        # A span that runs into the next expression's conjunction.
        ("between now and", "He will not be sent back ", " March 10.", "PRESENT_REF"),
    ],
)
def test_a_span_cut_out_of_a_report_period_or_running_into_a_conjunction(text, before, after, expected):
    assert normalise(text, WED, before=before, after=after) == expected


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        # The business press's short forms of quarters and halves.
        ("Q3", "", "2023-Q3"),
        ("Q3 2022", "", "2022-Q3"),
        ("2022 Q4", "", "2022-Q4"),
        ("3Q", "", "2023-Q3"),
        ("H1 2024", "", "2024-H1"),
        # A year named as a fiscal year or a season.
        ("fiscal year 2024", "", "2024"),
        ("the 2022 fiscal year", "", "2022"),
        ("the 2021 season", "", "2021"),
        # A part of a year named by "this/next/last year".
        ("the first quarter of next year", "", "2024-Q1"),
        ("the second half of the year", "", "2023-H2"),
        ("the summer of last year", "", "2022-SU"),
        ("June of last year", "", "2022-06"),
        # Anaphoric weeks count from the day last named, as "the following day" does.
        ("the following week", "The pact was signed on Aug. 2. ", "2023-W32"),
        ("the previous week", "The pact was signed on Aug. 2. ", "2023-W30"),
        ("the following week", "", "2023-W39"),
        # dateparser read "the 3rd" alone as March: it is a day of the month (publication's here).
        ("the 3rd", "", "2023-09-03"),
    ],
)
def test_short_forms_fiscal_years_parts_of_years_and_anaphoric_weeks(text, before, expected):
    assert normalise(text, WED, before=before) == expected


@pytest.mark.parametrize(
    ("text", "after", "expected"),
    [("19-20", " September 2023 in the region", "2023-09-19"),  # dateparser read "19-20" as 2020-09-19
     ("19", " and 20 September 2023", "2023-09-19"),
     ("3", " of March", "2023-03-03"),
     ("19-20", " percent of voters", None),
     ("12", " people died", None)],
)
def test_days_written_before_their_month(text, after, expected):
    assert normalise(text, WED, before="Fighting raged on ", after=after) == expected


def test_an_iso_day_the_model_cuts_in_two_is_found_whole():
    from types import SimpleNamespace

    from newsdesk.nlp.dates import _spans

    text = "It happened on 2023-09-19 at 11:00."
    ents = (SimpleNamespace(start_char=15, end_char=19, label_="DATE", text="2023"),
            SimpleNamespace(start_char=19, end_char=34, label_="DATE", text="-09-19 at 11:00"))
    assert [text[s:e] for s, e in _spans(SimpleNamespace(ents=ents), text)] == ["2023-09-19"]
    assert normalise("2023-09-19 at 11:00", WED) == "2023-09-19T11:00"  # whole, not a range of years


def test_holidays_the_model_tags_as_events_are_found():
    from types import SimpleNamespace

    from newsdesk.nlp.dates import _spans

    text = "He was rescued on Thanksgiving Day. On Easter, shops shut. Easter Island is far. Christmas shoppers came."
    found = [text[s:e] for s, e in _spans(SimpleNamespace(ents=()), text)]
    assert found == ["Thanksgiving Day", "Easter"]


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        # TIMEX3 writes midnight as the end of its day; the day named with it is its day.
        ("midnight on Thursday", "The ban took effect at ", "2000-03-30T24:00"),
        ("midnight Friday", "The ferry will sail at ", "2000-04-07T24:00"),
        ("noon on Thursday", "Polls open at ", "2000-04-06T12:00"),
        # A part of a day after a day named is that day (with none, TimeML's default: the
        # report's day; "no value" there cost main_event one held-out "when").
        ("the night", "On Saturday the guards rested. They stayed home for ", "2000-04-01"),
    ],
)
def test_midnight_and_a_part_of_day_after_a_day(text, before, expected):
    assert normalise(text, MON, before=before, after=".") == expected


def test_midnight_is_joined_to_the_day_after_it(nlp):
    text = "The curfew in Velmor took effect at midnight on Thursday, officials said."
    analysis = Analysis(article=Article(id="d3", text=text, published="2000-04-08"))
    values = {r.text: r.value for r in resolve_dates(analysis, nlp(text)).dates}
    assert values == {"midnight on Thursday": "2000-04-06T24:00"}
