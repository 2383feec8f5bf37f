"""The story comparison, on hand-built analyses (no model needed)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdesk.corpus.compare import build_dossier, report_time
from newsdesk.corpus.relate import sentence_spans
from newsdesk.corpus.sources import origins
from newsdesk.corpus.verdicts import rounding
from newsdesk.model import Analysis, Article, DateRef, Event, Figure, Flag, MainEvent, Quote, Relation
from newsdesk.report.export import main_event_dict, story_main_event


def _analysis(aid, text="x", *, published=None, source=None, figures=(), quotes=(), events=(), flags=()):
    return Analysis(
        article=Article(id=aid, text=text, published=published, source=source, flags=tuple(flags)),
        figures=tuple(Figure(aid, span, q, v, **kw) for span, q, v, kw in figures),
        quotes=tuple(quotes),
        events=tuple(events),
    )


def _fig(quantity, value, **kw):
    return ((0, 1), quantity, value, kw)


@pytest.mark.parametrize(
    ("value", "approximate", "expected"),
    [(2000, True, 500), (2000, False, 500), (1960, False, 0), (1960, True, 5), (27, False, 0), (30, True, 5),
     (120000, True, 5000), (2.5, True, 0)],
)
def test_rounding_of_round_and_approximate_values(value, approximate, expected):
    assert rounding(value, approximate) == expected


def _status(*analyses, relations=()):
    (fig,) = build_dossier(list(analyses), list(relations))["figures"]
    return fig["status"]


def test_about_2000_agrees_with_1960():
    a = _analysis("a", published="2023-09-19", figures=[_fig("peacekeepers", 1960)])
    b = _analysis("b", published="2023-09-19", figures=[_fig("peacekeepers", 2000, approximate=True)])
    assert _status(a, b) == "agree"


def test_a_later_higher_toll_is_a_progression():
    day1 = _analysis("a", published="2023-09-19", figures=[_fig("killed", 2)])
    day2 = _analysis("b", published="2023-09-20", figures=[_fig("killed", 27)])
    assert _status(day2, day1) == "progression"


def test_a_later_lower_toll_is_a_conflict():
    day1 = _analysis("a", published="2023-09-19", figures=[_fig("killed", 27)])
    day2 = _analysis("b", published="2023-09-20", figures=[_fig("killed", 2)])
    assert _status(day1, day2) == "conflict"


@pytest.mark.parametrize(("quantity", "status"), [("missing", "progression"), ("killed", "conflict")])
def test_a_later_lower_count_of_the_missing_is_the_search_going_on(quantity, status):
    day1 = _analysis("a", published="2031-03-11", figures=[_fig(quantity, 90, approximate=True)])
    day2 = _analysis("b", published="2031-03-12", figures=[_fig(quantity, 70, approximate=True)])
    assert _status(day1, day2) == status


def test_one_sources_dated_counts_of_the_missing_that_fall_are_a_progression():
    a = _analysis("a", published="2031-03-12", figures=[
        ((0, 1), "missing", 90, {"as_of_value": "2031-03-11"}), ((2, 3), "missing", 70, {"as_of_value": "2031-03-12"})])
    assert _status(a) == "progression"


def test_different_values_at_the_same_time_conflict():
    a = _analysis("a", published="2023-09-19", figures=[_fig("killed", 11)])
    b = _analysis("b", published="2023-09-19", figures=[_fig("killed", 40)])
    assert _status(a, b) == "conflict"


def test_a_copy_is_not_a_second_source():
    a = _analysis("a", published="2023-09-19", figures=[_fig("killed", 11)])
    b = _analysis("b", published="2023-09-19", figures=[_fig("killed", 12)])
    assert _status(a, b, relations=[Relation("near_copy", "a", "b", 0.9)]) == "single"


def test_background_and_repeated_figures_are_left_out():
    text = "Six died. Six died."
    a = _analysis(
        "a",
        text,
        figures=[
            ((0, 3), "killed", 6, {}),
            ((10, 13), "killed", 6, {}),
            ((0, 3), "killed", 3000, {"background": True}),
        ],
        flags=[Flag("repeated_sentence", "Six died.", (10, 19))],
    )
    (fig,) = build_dossier([a], [])["figures"]
    assert [v["value"] for v in fig["values"]] == [6]


def test_origins_follow_copy_chains_but_not_shared_passages():
    rels = [
        Relation("near_copy", "a", "b", 0.9),
        Relation("rewrite", "b", "c", 0.7),
        Relation("shared_passage", "a", "d", 0.1),
    ]
    assert origins("abcd", rels) == {"a": "a", "b": "a", "c": "a", "d": "d"}


def test_undated_articles_are_ordered_by_the_latest_weekday_they_name():
    day1 = _analysis("b", "On Monday, a day before the attack on Tuesday, talks failed.")
    day2 = _analysis("a", "The offensive begun on Tuesday went on for a second day on Wednesday.")
    timeline = build_dossier([day2, day1], [])["timeline"]
    assert [t["article_id"] for t in timeline] == ["b", "a"]
    assert report_time(day2, 0).label == "Wednesday (from the text)"


@pytest.mark.parametrize(
    ("values", "label"),
    [
        (["WXX-4", "WXX-5>"], "Thursday"),  # "said on Thursday ... will travel on Friday"
        (["WXX-6", "WXX-2"], "Tuesday"),  # Saturday is three days before a Tuesday report
        (["WXX-1", "WXX-4"], "Thursday"),
        (["WXX-7"], "Sunday"),
    ],
)
def test_an_undated_report_is_from_the_weekday_the_week_reaches_last(values, label):
    article = _analysis("a", "Text.")
    dates = tuple(DateRef("a", (0, 1), "day", v) for v in values)
    assert report_time(replace(article, dates=dates), 0).label == f"{label} (from the text)"


def test_the_same_quote_from_copies_is_merged():
    words = "We will rebuild the bridge."
    q = [Quote(aid, (0, len(words)), words, "direct", "Anna Lindqvist", "person:anna-lindqvist") for aid in "ab"]
    a = _analysis("a", words, source="Wire", quotes=[q[0]])
    b = _analysis("b", words, source="Blog", quotes=[q[1]])
    (speaker,) = build_dossier([a, b], [])["quotes"]
    (quote,) = speaker["quotes"]
    assert quote["outlets"] == ["Wire", "Blog"]
    assert len(quote["citations"]) == 2


def test_words_a_mixed_quote_marks_are_shown_inside_it_not_beside_it():
    text = 'The mayor said the bridge was "beyond repair" and would be closed.'
    outer = Quote("a", (15, 67), text[15:67], "mixed", "Ana Ruiz", "person:ana-ruiz")
    inner = Quote("a", (34, 48), "beyond repair", "mixed", "Ana Ruiz", "person:ana-ruiz")
    (speaker,) = build_dossier([_analysis("a", text, source="Wire", quotes=[outer, inner])], [])["quotes"]
    assert [q["text"] for q in speaker["quotes"]] == [outer.text]


def test_another_speakers_words_inside_a_quote_stay():
    text = "The minister said the port was closed, according to the agency Varta."
    agency = Quote("a", (0, 38), text[:38], "indirect", "Varta", "org:varta")
    minister = Quote("a", (18, 38), text[18:38], "indirect", "The minister", None)
    dossier = build_dossier([_analysis("a", text, source="Wire", quotes=[agency, minister])], [])
    assert sorted(s["speaker"] for s in dossier["quotes"]) == ["The minister", "Varta"]


def test_a_speakers_quotes_are_grouped_by_entity_across_names():
    said = [Quote("a", (0, 9), "We stay.", "direct", "Baku", "gpe:azerbaijan"),
            Quote("b", (0, 9), "We go on.", "indirect", "Azerbaijan", "gpe:azerbaijan")]
    arts = [_analysis(aid, "We stay. We go on.", source=src, quotes=[q])
            for aid, src, q in zip("ab", ("Wire", "Daily"), said, strict=True)]
    (speaker,) = build_dossier(arts, [])["quotes"]
    assert [(q["text"], q["outlets"]) for q in speaker["quotes"]] == [("We stay.", ["Wire"]), ("We go on.", ["Daily"])]


def test_events_count_independent_sources():
    ev = [Event(aid, (0, 5), "ASSAULT", actor="Azerbaijan", place="Nagorno-Karabakh") for aid in "abc"]
    arts = [_analysis(aid, events=[e]) for aid, e in zip("abc", ev, strict=True)]
    (event,) = build_dossier(arts, [Relation("exact_copy", "a", "b", 1.0)])["events"]
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (3, 3, 2)


@pytest.mark.parametrize(
    ("when", "published", "recalled"),
    [("2020", "2023-09-20", True), ("2023", "2023-09-20", False), ("2023-09-19", "2023-09-20", False),
     ("2023-06-01", "2023-09-20", True), ("199X", None, True), ("2020", None, True), ("WXX-2", None, False),
     (None, "2023-09-20", False)],
)
def test_an_event_the_story_recalls_comes_after_those_it_reports(when, published, recalled):
    old = [Event(aid, (0, 5), "ASSAULT", actor="Ruritania", recipient="Molvania", when=when) for aid in "ab"]
    new = Event("a", (6, 9), "CONSULT", actor="Molvania")
    arts = [_analysis("a", published=published, events=[old[0], new]), _analysis("b", published=published,
                                                                                    events=[old[1]])]
    events = build_dossier(arts, [])["events"]
    assert [e["background"] for e in events] == ([False, True] if recalled else [False, False])
    assert [e["type"] for e in events] == (["CONSULT", "ASSAULT"] if recalled else ["ASSAULT", "CONSULT"])


def test_a_copy_retelling_its_originals_event_is_that_event():
    original = "Shelling killed six people in Tarvo. Later, gunmen attacked a bus."
    rewrite = "Shelling killed six individuals in Tarvo. Later, gunmen attacked a bus."
    told = [Event("a", (0, 35), "ASSAULT", recipient="people", place="Tarvo", killed=6),
            Event("a", (44, 70), "ASSAULT", actor="gunmen", recipient="bus")]
    retold = [Event("b", (0, 40), "ASSAULT", recipient="individuals", place="Tarvo", killed=6),
              Event("b", (49, 75), "ASSAULT", actor="gunmen", recipient="bus")]
    arts = [_analysis("a", original, events=told), _analysis("b", rewrite, events=retold)]
    aligned = Relation("rewrite", "a", "b", 0.9, evidence=(((0, 36), (0, 41)), ((37, 71), (42, 76))))
    events = build_dossier(arts, [aligned])["events"]
    assert sorted((e["recipient"], e["num_articles"], e["num_sources"]) for e in events) == [
        ("bus", 2, 1), ("people", 2, 1)]
    apart = build_dossier(arts, [])["events"]  # unrelated reports: the differing words keep them apart
    assert sorted((e["recipient"], e["num_articles"]) for e in apart) == [("bus", 2), ("individuals", 1), ("people", 1)]


def test_a_rewrite_that_drops_an_event_of_a_sentence_still_retells_the_others():
    original = "Envoys met in Varna, but only after the rebels disarmed."
    rewrite = "Delegates met in Varna."
    told = [Event("a", (7, 10), "CONSULT", actor="envoys", place="Varna"),
            Event("a", (47, 55), "RETREAT", mode="disarm", actor="rebels")]
    retold = [Event("b", (10, 13), "CONSULT", actor="delegates", place="Varna")]
    aligned = Relation("rewrite", "a", "b", 0.8, evidence=(((0, 56), (0, 23)),))
    arts = [_analysis("a", original, events=told), _analysis("b", rewrite, events=retold)]
    events = build_dossier(arts, [aligned])["events"]
    assert sorted((e["type"], e["num_articles"]) for e in events) == [("CONSULT", 2), ("RETREAT", 1)]


@pytest.mark.parametrize(
    ("towns", "rows"),
    [(("Nakuru",), [3]),  # "people" in Nakuru, "protesters" in Nakuru, "people took part in the march"
     (("Nakuru", "Eldoret"), [1, 1, 1])],  # marches in two towns: the placeless report fits either
)
def test_a_crowds_march_told_three_ways_is_one_row_where_the_story_has_one(towns, rows):
    ev = [Event("a", (0, 5), "PROTEST", "demo", actor="people", recipient="new tax", place=towns[0],
                when="2025-09-13"),
          Event("b", (0, 5), "PROTEST", "demo", actor="protesters", place=towns[-1], when="2025-09-13",
                modality="claimed", claimed_by="police"),
          Event("c", (0, 5), "PROTEST", "demo", actor="people", modality="claimed", claimed_by="organisers")]
    events = build_dossier([_analysis(e.article_id, events=[e]) for e in ev], [])["events"]
    assert sorted((e["num_articles"] for e in events), reverse=True) == rows


def test_a_named_actors_march_is_no_crowds():
    ev = [Event("a", (0, 5), "PROTEST", "demo", actor="people", place="Nakuru"),
          Event("b", (0, 5), "PROTEST", "demo", actor="Nakuru Traders Alliance")]
    events = build_dossier([_analysis(e.article_id, events=[e]) for e in ev], [])["events"]
    assert len(events) == 2


def test_a_merged_claimed_event_keeps_who_claims_it():
    ev = [Event(aid, (0, 5), "ASSAULT", actor="Azerbaijan", modality="claimed", claimed_by=who)
          for aid, who in (("a", None), ("b", "the ministry"))]
    (event,) = build_dossier([_analysis(e.article_id, events=[e]) for e in ev], [])["events"]
    assert event["claimed_by"] == "the ministry"


def test_summary_cites_its_sentences_and_skips_repeats():
    text = (
        "Floods killed 40 people in Riverton on Friday. Officials said 300 homes were evacuated. "
        "Floods killed 40 people in Riverton on Friday."
    )
    repeat_start = text.rindex("Floods")
    a = Analysis(
        article=Article(id="a", text=text, flags=(Flag("repeated_sentence", "Floods", (repeat_start, len(text))),)),
        figures=(
            Figure("a", (14, 16), "killed", 40),
            Figure("a", (62, 65), "evacuated", 300),
            Figure("a", (repeat_start + 14, repeat_start + 16), "killed", 40),
        ),
    )
    summary = build_dossier([a], [])["summary"]
    assert [s["text"] for s in summary] == [
        "Floods killed 40 people in Riverton on Friday.",
        "Officials said 300 homes were evacuated.",
    ]
    for s in summary:
        start, end = s["span"]
        assert text[start:end] == s["text"]


def test_an_undated_article_takes_a_date_from_the_storys_dated_ones():
    dated = _analysis("a", "Shelling began on Tuesday.", published="2023-09-19")
    undated = _analysis("b", "Talks opened on Thursday in Yevlakh.")
    timeline = build_dossier([undated, dated], [])["timeline"]
    assert [(t["article_id"], t["when"][:10]) for t in timeline] == [("a", "2023-09-19"), ("b", "2023-09-21")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said: “Go.” Then he left.", ["He said: “Go.”", "Then he left."]),
        ("Heading\nBody one. Body two!", ["Heading", "Body one.", "Body two!"]),
        ("Dr. smith came. 3 died.", ["Dr. smith came.", "3 died."]),
        # a title before a name, an initialism inside a name end no sentence
        ("Dr. Mariam Eltayeb said 19 died. Others fled.", ["Dr. Mariam Eltayeb said 19 died.", "Others fled."]),
        ("South of Chala, the U.S. Geological Survey said. Houses fell.",
         ["South of Chala, the U.S. Geological Survey said.", "Houses fell."]),
        ("He lives in the U.S. The next day he left.", ["He lives in the U.S.", "The next day he left."]),
    ],
)
def test_sentences(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def test_durations_and_generic_counts_are_not_compared():
    a = _analysis("a", published="2023-09-19", figures=[_fig("duration", 9), _fig("count", 2), _fig("killed", 2)])
    b = _analysis("b", published="2023-09-20", figures=[_fig("duration", 1), _fig("count", 5), _fig("killed", 27)])
    assert [f["quantity"] for f in build_dossier([a, b], [])["figures"]] == ["killed"]


def test_one_source_with_two_counts_on_one_day_is_not_a_conflict():
    day1 = _analysis("a", published="2023-09-19", figures=[_fig("killed", 2), _fig("killed", 6)])
    day2 = _analysis("b", published="2023-09-20", figures=[_fig("killed", 27)])
    assert _status(day1, day2) == "progression"


def test_an_undated_report_takes_the_day_the_story_gives_it():
    dated = _analysis("a", "The shelling began on Tuesday.", published="2023-09-19")
    text = "Talks opened on Wednesday in the capital."
    start = text.index("Wednesday")
    undated = replace(
        _analysis("b", text, events=[Event("b", (0, len(text)), "CONSULT", actor="envoys", when="WXX-3")]),
        dates=(DateRef("b", (start, start + 9), "Wednesday", "WXX-3"),),
    )
    dossier = build_dossier([dated, undated], [])
    assert [e["when"] for e in dossier["events"]] == ["2023-09-20"]
    assert [t["when"] for t in dossier["timeline"]] == ["2023-09-19", "2023-09-20 (Wednesday, from the text)"]


def test_an_undated_story_keeps_its_relative_times():
    text = "Talks opened on Wednesday in the capital."
    start = text.index("Wednesday")
    undated = replace(
        _analysis("b", text, events=[Event("b", (0, len(text)), "CONSULT", actor="envoys", when="WXX-3")]),
        dates=(DateRef("b", (start, start + 9), "Wednesday", "WXX-3"),),
    )
    assert [e["when"] for e in build_dossier([undated], [])["events"]] == ["WXX-3"]


def test_an_undated_report_is_dated_by_a_day_with_a_clock_time():
    undated = replace(_analysis("b", "At 9 a.m. on 19 September the road closed."),
                      dates=(DateRef("b", (3, 28), "9 a.m. on 19 September", "2023-09-19T09:00"),))
    assert report_time(undated, 0).label == "2023-09-19"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # a bound is every count past it: 34 is "at least 21"; 12 is not "at least 40"
        ({"value": 21, "qualifier": "at least"}, {"value": 34}, "agree"),
        ({"value": 40, "qualifier": "at least"}, {"value": 12}, "conflict"),
        ({"value": 50, "qualifier": "up to"}, {"value": 45}, "agree"),
        ({"value": 18000, "qualifier": "range", "high": 20000}, {"value": 19500}, "agree"),
        ({"value": 18000, "qualifier": "range", "high": 20000}, {"value": 5300}, "conflict"),
        # two bounds agree while a count satisfies both
        ({"value": 21, "qualifier": "at least"}, {"value": 30, "qualifier": "up to"}, "agree"),
        # a bound reaches twice its number: "more than 5,300" does not vouch for 18,000
        ({"value": 5300, "qualifier": "more than"}, {"value": 18000, "qualifier": "range", "high": 20000}, "conflict"),
        ({"value": 10, "qualifier": "up to"}, {"value": 2}, "conflict"),
        # a vague plural reaches the next unit: "thousands" are fewer than ten thousand
        ({"value": 2000, "qualifier": "at least", "approximate": True}, {"value": 9000}, "agree"),
        ({"value": 2000, "qualifier": "at least", "approximate": True}, {"value": 12000}, "conflict"),
    ],
)
def test_bounds_and_ranges_agree_with_the_counts_inside_them(first, second, expected):
    a = _analysis("a", published="2023-09-19", figures=[_fig("killed", first.pop("value"), **first)])
    b = _analysis("b", published="2023-09-19", figures=[_fig("killed", second.pop("value"), **second)])
    assert _status(a, b) == expected


def test_rising_bounds_over_days_are_a_progression():
    """"More than 2,000" on Monday and "more than 5,300" on Wednesday agree, but the toll grew."""
    monday = _analysis("a", published="2023-09-11", figures=[_fig("killed", 2000, qualifier="more than")])
    wednesday = _analysis("b", published="2023-09-13", figures=[_fig("killed", 5300, qualifier="more than")])
    assert _status(monday, wednesday) == "progression"


def test_a_source_that_cuts_its_own_toll_later_is_a_conflict_and_one_that_raises_it_a_progression():
    """One source's 11,300 on Saturday, withdrawn for 3,958 on Monday: a revision, not one
    count; 3,958 on Saturday and 11,300 on Monday: a toll that grew, by the days its words name."""
    saturday = {"as_of": "On Saturday", "as_of_value": "2023-09-16"}
    monday = {"as_of": "on Monday", "as_of_value": "2023-09-18"}
    cut = [_fig("killed", 11300, **saturday), _fig("killed", 3958, **monday)]
    assert _status(_analysis("a", published="2023-09-18", figures=cut)) == "conflict"
    grew = [_fig("killed", 3958, **saturday), _fig("killed", 11300, **monday)]
    b = _analysis("b", published="2023-09-18", figures=grew)
    assert _status(b) == "progression"
    # "had earlier put the toll at 21" has only its report's day, later than the day it was told
    c = _analysis("c", published="2023-09-18", figures=[_fig("killed", 34, **saturday), _fig("killed", 21)])
    assert _status(c) == "single"


def test_a_toll_as_of_the_day_before_precedes_the_days_toll():
    """Six dead "on Tuesday morning" in a Wednesday report, beside another source's 27 of
    Wednesday: Tuesday's toll, then Wednesday's, not two counts of one day."""
    tuesday = {"as_of": "on Tuesday morning", "as_of_value": "2023-09-19TMO"}
    a = _analysis("a", published="2023-09-20", figures=[_fig("killed", 6, **tuesday)])
    b = _analysis("b", published="2023-09-20", figures=[_fig("killed", 27)])
    assert _status(a, b) == "progression"
    assert _status(replace(a, figures=(replace(a.figures[0], as_of_value=None),)), b) == "conflict"


def test_a_rewrite_a_day_later_retells_the_old_count():
    """The rewrite's "two dead so far" on Wednesday is its original's Tuesday count."""
    day1 = _analysis("a", published="2023-09-19", figures=[_fig("killed", 2)])
    rewrite = _analysis("b", published="2023-09-20", figures=[_fig("killed", 2)])
    other = _analysis("c", published="2023-09-20", figures=[_fig("killed", 27)])
    assert _status(day1, rewrite, other, relations=[Relation("rewrite", "a", "b", 0.7)]) == "progression"
    assert _status(day1, rewrite, other) == "conflict"  # two sources, two counts on Wednesday


def test_people_and_individuals_are_one_subject_civilians_another():
    a = _analysis("a", published="2023-09-19", figures=[_fig("killed", 6, subject="people"),
                                                         _fig("killed", 2, subject="civilians")])
    b = _analysis("b", published="2023-09-19", figures=[_fig("killed", 6, subject="individuals"),
                                                         _fig("killed", 6, subject="other people")])
    groups = {f["subject"]: f for f in build_dossier([a, b], [])["figures"]}
    assert set(groups) == {None, "civilians"}
    assert groups[None]["status"] == "agree" and len(groups[None]["values"]) == 3


def test_an_undated_reports_figure_takes_the_day_the_story_gives_it():
    dated = _analysis("a", "The shelling began on Tuesday.", published="2023-09-19")
    text = "On Wednesday officials said 14 people had died."
    undated = replace(
        _analysis("b", text, figures=[((28, 30), "killed", 14, {"as_of": "On Wednesday", "as_of_value": "WXX-3"})]),
        dates=(DateRef("b", (3, 12), "Wednesday", "WXX-3"),),
    )
    [fig] = build_dossier([dated, undated], [])["figures"]
    assert fig["values"][0]["as_of_value"] == "2023-09-20"


# Three sentences each rich in figures, and a plain lead that states what happened: the
# figures alone would fill the summary before the lead.
_FIGURES_TEXT = (
    "Rebels seized the port of Varna on Monday. "
    "Officials said 40 people were killed and 300 injured. "
    "About 2,000 people fled and 12 were arrested. "
    "Some 5,000 troops and 80 tanks were sent."
)
_FIGURES = [((58, 60), "killed", 40, {}), ((84, 87), "injured", 300, {}), ((103, 108), "displaced", 2000, {}),
            ((125, 127), "arrested", 12, {}), ((148, 153), "troops", 5000, {})]


def _with_main(a: Analysis, span, *, type_="COERCE", in_title=False) -> Analysis:
    what = (a.article.title if in_title else a.article.text)[span[0]:span[1]]
    return replace(a, main_event=MainEvent(a.article.id, span, what, type=type_, in_title=in_title))


@pytest.mark.parametrize("in_title", [False, True])
def test_the_summary_states_the_main_event_first_whatever_the_figures_cover(in_title):
    a = _analysis("a", _FIGURES_TEXT, figures=_FIGURES)
    a = replace(a, article=replace(a.article, title="Rebels seize the port of Varna"))
    assert "Rebels seized" not in build_dossier([a], [])["summary"][0]["text"]  # without a main event
    span = (7, 30) if in_title else (0, 41)  # the headline's words, or the lead's
    summary = build_dossier([_with_main(a, span, in_title=in_title)], [])["summary"]
    assert summary[0]["text"] == "Rebels seized the port of Varna on Monday."  # a headline's event: the lead


def test_the_main_event_that_opens_the_summary_is_the_agreed_one_else_the_first_reports():
    talks_text = "Talks on the port began in Sofia. Envoys met for an hour."
    talks = _with_main(_analysis("b", talks_text, published="2024-03-05"), (0, 32), type_="CONSULT")
    seized = _with_main(_analysis("a", _FIGURES_TEXT, published="2024-03-04", figures=_FIGURES), (0, 41))
    # no two reports agree: the first report's event, not the figures, opens the summary
    assert build_dossier([talks, seized], [])["summary"][0]["text"] == "Rebels seized the port of Varna on Monday."
    more_talks = _with_main(_analysis("c", "Envoys talked in Sofia. Nothing else.", published="2024-03-06"),
                            (0, 22), type_="CONSULT")
    # two agree: theirs (a sentence with no other fact), though later, and the other report's
    # event beside it; the summary reads in time order
    agreed = [s["text"] for s in build_dossier([talks, seized, more_talks], [])["summary"]]
    assert agreed[0] == "Rebels seized the port of Varna on Monday." and "Talks on the port began in Sofia." in agreed


def _main(aid, text, published, what_end, actor, **kw):
    a = _analysis(aid, text, published=published, **kw)
    return replace(a, main_event=MainEvent(aid, (0, what_end), text[:what_end], actor=actor))


def test_two_reports_of_a_tolls_rise_do_not_make_it_the_storys_main_event():
    """Two reports lead with the toll that "rose to 41"; the first report's capsizing,
    which no other report leads with, is still what happened: it opens the summary, and
    the story's main event is no toll's rise (export.story_main_event)."""
    capsized = _main("a", "A ferry capsized near Velm on Sunday, killing 23. Divers searched.", "2031-03-10",
                     16, "ferry")
    rose = [_main(aid, f"The toll rose to 41 on Tuesday, {who} said. The captain was held.", "2031-03-11", 19,
                  actor) for aid, who, actor in (("b", "officials", "Velm ferry toll"),
                                                 ("c", "the governor", "death toll from the capsizing"))]
    summary = build_dossier([capsized, *rose], [])["summary"]
    assert summary[0]["text"] == "A ferry capsized near Velm on Sunday, killing 23."
    mains = [main_event_dict(a.main_event) | {"article_id": a.article.id} for a in (capsized, *rose)]
    assert story_main_event(mains, 3) is None  # no two reports agree on what happened


def test_a_lead_whose_value_its_outlet_withdrew_is_no_sentence_of_the_summary():
    wire = _main("a", "A ferry capsized near Velm on Sunday, killing 23. Divers searched.", "2031-03-10",
                 16, "ferry", source="Wire", figures=[((42, 44), "killed", 23, {})])
    early = _main("b", "At least 230 are feared dead after a ferry sank. Kin waited.", "2031-03-10", 33, None,
                  source="Echo", figures=[((9, 12), "killed", 230, {})])
    note = ("The toll rose to 41.\n\nCorrection: The previous version of this story said that 230 "
            "people had died.")
    fixed = _analysis("c", note, published="2031-03-11", source="Echo",
                      figures=[((17, 19), "killed", 41, {}), ((note.index("230"), note.index("230") + 3), "killed", 230,
                                                              {})])
    texts = [s["text"] for s in build_dossier([wire, early, fixed], [])["summary"]]
    assert texts[0] == "A ferry capsized near Velm on Sunday, killing 23." and not any("230" in t for t in texts)


def test_the_summary_gives_the_latest_toll_of_a_progression():
    """Day one's two dead are the lead's; day two's 27, worded like the lead, would be left
    out as a repeat: the toll as it now is is in the summary all the same."""
    lead = "Rebels shelled the port of Varna on Monday, killing two people. Dockers fled."
    later = "Rebels shelled the port of Varna on Monday, killing 27 people, officials said. Ships left."
    day1 = _with_main(_analysis("a", lead, published="2031-03-10", figures=[((48, 51), "killed", 2, {})]), (0, 41))
    day2 = _analysis("b", later, published="2031-03-11", figures=[((48, 50), "killed", 27, {})])
    texts = [s["text"] for s in build_dossier([day1, day2], [])["summary"]]
    assert texts[0] == lead.split(" Dockers")[0] and later.split(" Ships")[0] in texts


def test_a_quote_across_sentences_is_one_sentence_of_the_summary():
    text = 'Floods hit Ruse on Monday. "The water rose in minutes. We lost everything," said Ana Petrova.'
    start, lost = text.index("The water"), text.index("lost")
    events = [Event("a", (0, 10), "ASSAULT", actor="floods"), Event("a", (lost, lost + 4), "AID", actor="we")]
    a = replace(_analysis("a", text, events=events),
                quotes=(Quote("a", (start, start + 45), text[start : start + 45], "direct", "Ana Petrova"),))
    assert [s["text"] for s in build_dossier([a], [])["summary"]] == [
        "Floods hit Ruse on Monday.", '"The water rose in minutes. We lost everything," said Ana Petrova.']


def test_two_reporters_of_one_article_are_two_sources():
    """A spokesman's 5,300 and a mayor's 18,000 the same day conflict; one reporter's two
    numbers of a day count two things."""
    two = [_fig("killed", 5300, qualifier="more than", reported_by="Tarek Saleh"),
           _fig("killed", 18000, reported_by="the mayor")]
    assert _status(_analysis("a", published="2023-09-14", figures=two)) == "conflict"
    one = [_fig("killed", 5300, reported_by="Tarek Saleh"), _fig("killed", 18000, reported_by="Tarek Saleh")]
    assert _status(_analysis("a", published="2023-09-14", figures=one)) == "single"


def test_a_rewrite_without_the_reporters_name_retells_its_originals_count():
    """The rewrite's "two dead" a day later, its ombudsman left out, is the original's count
    of the day before, not a second source's against the new day's 27."""
    wire = _analysis("a", published="2023-09-19", figures=[_fig("killed", 2, reported_by="the ombudsman")])
    rewrite = _analysis("b", published="2023-09-20", figures=[_fig("killed", 2)])
    ledger = _analysis("c", published="2023-09-20", figures=[_fig("killed", 27, reported_by="officials")])
    assert _status(wire, rewrite, ledger, relations=[Relation("rewrite", "a", "b", 0.8)]) == "progression"


def test_the_toll_of_one_incident_is_set_beside_that_incidents_counts_only():
    """Six dead in a landmine blast, one source, beside another's two dead of the offensive
    the same day: two rows, no conflict; two outlets' counts of blasts share a row."""
    a = _analysis("a", published="2023-09-19", figures=[_fig("killed", 6, incident="landmine explosion")])
    b = _analysis("b", published="2023-09-19", figures=[_fig("killed", 2), _fig("killed", 6, incident="mine blast")])
    rows = {(f["incident"], f["status"]) for f in build_dossier([a, b], [])["figures"]}
    assert rows == {(None, "single"), ("explosion", "agree")}


def test_a_days_new_cases_are_set_beside_that_days_only():
    """An outbreak's 140 new cases on Tuesday and 95 on Wednesday beside its totals of 3,200
    and 3,295: the totals grew, and no day's count conflicts with a total or another day's;
    two outlets' counts of Wednesday's new cases share a row and disagree."""
    tue = _analysis("a", published="2031-03-04", figures=[
        _fig("infected", 140, increment=True), _fig("infected", 3200)])
    wed = _analysis("b", published="2031-03-05", figures=[
        _fig("infected", 95, increment=True), _fig("infected", 3295)])
    other = _analysis("c", published="2031-03-05", figures=[_fig("infected", 120, increment=True)])
    rows = build_dossier([tue, wed, other], [])["figures"]
    assert sorted((r["new_on"] or "", r["status"], sorted(v["value"] for v in r["values"])) for r in rows) == [
        ("", "progression", [3200, 3295]), ("2031-03-04", "single", [140]), ("2031-03-05", "conflict", [95, 120])]


@pytest.mark.parametrize(("since", "apart"), [("since 2019", True), ("since the war began in May 2027", True),
                                              ("since the attack", False), ("since March 2031", False)])
def test_a_count_since_a_year_before_the_story_is_the_wider_conflicts(since, apart):
    """An army's 14 dead and a rights group's 31 of one night's attack, the same day, conflict; the
    thousands dead "since 2019" in the wire's background line count the wider war, and
    stand in a row of their own (a count since the attack, or since the story's year, is
    the story's)."""
    wire = _analysis("a", published="2031-03-14", figures=[
        _fig("killed", 14, subject="civilians", reported_by="the army"),
        _fig("killed", 2000, qualifier="at least", approximate=True, subject="civilians", as_of=since)])
    ngo = _analysis("b", published="2031-03-14", figures=[
        _fig("killed", 31, subject="civilians", reported_by="a rights group")])
    rows = build_dossier([wire, ngo], [])["figures"]
    if apart:
        assert [(r["since"], r["status"], [r["values"][i]["value"] for i in r["because"] or ()]) for r in rows] == [
            (None, "conflict", [14, 31]), (since.split()[-1], "single", [])]
    else:
        # one row; the pair that decides it is the army's count and the rights group's
        assert [(r["since"], sorted(v["value"] for v in r["values"]), [r["values"][i]["value"] for i in r["because"]])
                for r in rows] == [(None, [14, 31, 2000], [14, 31])]


def test_a_value_its_outlets_correction_withdraws_is_shown_corrected_and_judged_no_more():
    """An outlet's 230 dead on day one, withdrawn by its day-two note, beside the wire's 23
    and the day-two 41: no conflict, the 230 shown as corrected by the note's article, and
    the note's own numbers (what was printed, what was right then) are no counts."""
    text = ("The toll has risen to 41, officials said on Tuesday.\n\nCorrection: An earlier version of this "
            "article said that 230 people had died. The figure at the time was 23 dead.")
    at = {w: (text.index(w), text.index(w) + len(w)) for w in ("41", "230", "23 dead")}
    note = _analysis("c", text, published="2031-03-11", source="Echo", figures=[
        (at["41"], "killed", 41, {}), (at["230"], "killed", 230, {}), (at["23 dead"], "killed", 23, {})])
    early = _analysis("b", published="2031-03-10", source="Echo", figures=[_fig("killed", 230, qualifier="at least")])
    wire = _analysis("a", published="2031-03-10", source="Wire", figures=[_fig("killed", 23, qualifier="at least")])
    (row,) = build_dossier([wire, early, note], [])["figures"]
    assert [(v["article_id"], v["value"], v["corrected_by"]) for v in row["values"]] == [
        ("a", 23, None), ("b", 230, "c"), ("c", 41, None)]
    assert (row["status"], row["because"]) == ("progression", [0, 2])


def _strike(aid, **kw):
    return _analysis(aid, "A drone strike hit the market.", published="2024-03-04",
                     events=[Event(aid, (0, 14), "ASSAULT", **kw)])


def test_reports_that_leave_out_the_attacker_join_the_one_event_they_fit():
    """One drone strike on Kidal told three ways is one story event, which the army's denial
    disputes; the rebels' strike there two days later and a strike elsewhere stay apart."""
    reports = [
        _strike("a", mode="drone", place="Kidal", when="2024-03-03", killed=21),
        _strike("b", mode="drone", actor="Malian army", place="Kidal", when="2024-03-03"),
        _strike("c", recipient="people", place="Kidal", killed=34),
        _strike("d", mode="drone", actor="rebels", place="Kidal", when="2024-03-05"),
        _strike("e", mode="drone", place="Gao", when="2024-03-03"),
        _strike("f", actor="Malian army", place="Kidal", modality="denied"),
    ]
    events = build_dossier(reports, [])["events"]
    one = [e for e in events if e["num_articles"] == 4]
    assert [(e["actor"], e["when"], e["killed"], e["disputed"]) for e in one] == [
        ("Malian army", "2024-03-03", 21, True)]
    assert sorted(e["num_articles"] for e in events) == [1, 1, 4]


@pytest.mark.parametrize(
    ("denial", "disputed"),
    [
        ({"actor": "the army", "modality": "denied"}, True),  # fits: one row, disputed
        ({"actor": "the army", "modality": "negated", "place": "Mopti"}, False),  # elsewhere: its own row
        ({"actor": "the rebels", "modality": "denied"}, False),  # another actor's denial
    ],
)
def test_a_denial_of_an_event_others_report_disputes_it(denial, disputed):
    claim = _strike("a", actor="the army", mode="aerial", place="Kidal", modality="claimed", claimed_by="residents")
    rows = build_dossier([claim, _strike("b", **denial)], [])["events"]
    assert [r["disputed"] for r in rows if r["modality"] == "claimed"] == [disputed]
    assert len(rows) == (1 if disputed else 2)


@pytest.mark.parametrize(
    ("rejection", "disputed"),
    [
        ("The army denied the accusation.", True),
        ("The army rejected the allegations.", True),
        ("The army denied the report.", False),  # no charge: a denial of a report, not of what it claims
        ("The rebels denied the accusation.", False),  # the accusers' words, not the accused's
    ],
)
def test_the_accused_rejecting_a_charge_disputes_what_it_is_accused_of(rejection, disputed):
    """The rebels accuse the army of shelling their camp; the army "denied the accusation"
    names no act, yet disputes the shelling the same report says the rebels claim."""
    text = "Rebels accused the army of shelling their camp. " + rejection
    who = rejection.split()[1]
    a = _analysis("a", text, published="2031-03-22", events=[
        Event("a", (26, 47), "ASSAULT", actor="army", modality="claimed", claimed_by="Rebels"),
        Event("a", (48 + len("The "), len(text) - 1), "REJECT", actor=who)])
    rows = build_dossier([a], [])["events"]
    assert [r["disputed"] for r in rows if r["type"] == "ASSAULT"] == [disputed]


def test_the_summary_tells_what_followed_the_main_event():
    """Each other event the reports lead with, in its earliest report's words, though its
    sentence holds no figure: the talks after the offensive."""
    day1 = _with_main(_analysis("a", _FIGURES_TEXT, published="2024-03-04", figures=_FIGURES), (0, 41))
    day2 = _with_main(_analysis("b", "Rebels seized the port of Varna on Monday. Dockers fled.",
                                published="2024-03-05"), (0, 41))
    day3 = _with_main(_analysis("c", "Envoys opened talks in Sofia on Wednesday. Nothing was agreed.",
                                published="2024-03-06"), (0, 42), type_="CONSULT")
    day4 = _with_main(_analysis("d", "Envoys met again in Sofia. They will meet on Friday.",
                                published="2024-03-07"), (0, 26), type_="CONSULT")
    texts = [s["text"] for s in build_dossier([day1, day2, day3, day4], [])["summary"]]
    assert texts[0] == "Rebels seized the port of Varna on Monday."
    assert "Envoys opened talks in Sofia on Wednesday." in texts  # the first report of the talks
    assert "Envoys met again in Sofia." not in texts


@pytest.mark.parametrize(
    ("sentence", "anaphoric"),
    [
        ("On Monday, a day before the offensive, it let aid trucks in.", True),
        ("He added that 40 people were killed.", True),
        ("Their convoy reached the town.", True),
        ("Russia, which has 1,960 peacekeepers there, urged both sides to stop.", False),
        ("Baku said it was ready to meet envoys.", False),
        ('"We heard it first," said a nurse.', False),
    ],
)
def test_a_summary_never_opens_a_sentence_on_a_pronoun_it_leaves_behind(sentence, anaphoric):
    text = f"Rebels seized the port of Varna. {sentence}"
    a = _analysis("a", text, events=[Event("a", (0, 6), "COERCE", actor="rebels"),
                                     Event("a", (33, len(text)), "AID", actor="x")])
    texts = [s["text"] for s in build_dossier([a], [])["summary"]]
    assert (sentence not in texts) == anaphoric


def test_a_copy_that_retells_its_original_is_cited_in_the_originals_words():
    wire = _analysis("a", "Rebels seized the port of Varna.", published="2024-03-04",
                     events=[Event("a", (0, 6), "COERCE", actor="rebels")])
    spun = _analysis("b", "Insurgents captured the harbour of Varna. Dockers fled.", published="2024-03-05",
                     events=[Event("b", (0, 10), "COERCE", actor="insurgents"),
                             Event("b", (42, 55), "RETREAT", actor="dockers")])
    rewrite = Relation("rewrite", "a", "b", 0.7, evidence=(((0, 32), (0, 41)),))
    texts = [s["text"] for s in build_dossier([wire, spun], [rewrite])["summary"]]
    assert texts == ["Rebels seized the port of Varna.", "Dockers fled."]


@pytest.mark.parametrize(
    ("figures", "status", "because"),
    [
        # two sources one day: that pair, whatever else the row holds
        ([("a", "2023-09-12", 2000, "Hammad"), ("b", "2023-09-14", 5300, "Saleh"), ("b", "2023-09-14", 18000, "mayor")],
         "conflict", [1, 2]),
        # a count that fell
        ([("a", "2023-09-14", 11300, None), ("b", "2023-09-18", 3958, None)], "conflict", [0, 1]),
        ([("a", "2023-09-12", 2, None), ("b", "2023-09-13", 27, None), ("c", "2023-09-14", 200, None)],
         "progression", [0, 2]),
        ([("a", "2023-09-12", 27, None), ("b", "2023-09-12", 27, None)], "agree", None),
    ],
)
def test_a_verdict_names_the_two_values_that_decide_it(figures, status, because):
    by_article: dict[str, list] = {}
    days = {}
    for aid, day, value, who in figures:
        by_article.setdefault(aid, []).append(_fig("killed", value, reported_by=who))
        days[aid] = day
    [row] = build_dossier([_analysis(a, published=days[a], figures=f) for a, f in by_article.items()], [])["figures"]
    assert (row["status"], row["because"]) == (status, because)


def test_the_summary_gives_both_sides_of_a_conflicting_toll():
    text = ("Rebels seized the port of Varna on Monday. The mayor said 12 people were killed. "
            "A monitoring group said 40 people were killed. Dockers fled the port.")
    twelve, forty = text.index("12"), text.index("40")
    figures = [((twelve, twelve + 2), "killed", 12, {"reported_by": "the mayor"}),
               ((forty, forty + 2), "killed", 40, {"reported_by": "a monitoring group"})]
    events = [Event("a", (0, 6), "COERCE", actor="rebels", place="Varna"),
              Event("a", (text.index("Dockers"), len(text)), "RETREAT", actor="dockers", place="Varna")]
    a = _with_main(_analysis("a", text, published="2024-03-04", figures=figures, events=events), (0, 41))
    texts = [s["text"] for s in build_dossier([a], [])["summary"]]
    assert {"The mayor said 12 people were killed.", "A monitoring group said 40 people were killed."} <= set(texts)


def test_mentions_that_name_neither_actor_nor_place_stay_apart():
    """"attacks on civilians" in two reports names no one event; "the army's attack on
    civilians" in both does."""
    general = [_analysis(a, events=[Event(a, (0, 5), "ASSAULT", recipient="civilians")]) for a in "ab"]
    assert [e["num_articles"] for e in build_dossier(general, [])["events"]] == [1, 1]
    named = [_analysis(a, events=[Event(a, (0, 5), "ASSAULT", actor="army", recipient="civilians")]) for a in "ab"]
    assert [e["num_articles"] for e in build_dossier(named, [])["events"]] == [2]
