"""The article's main event (issue 7): the choice among the lead's events and the completion
of its place and time from the text linked to it.

Articles are written for these tests (invented people and events); most are built by hand
(events, dates, places and mentions placed on the text) so that each rule is tested alone;
one runs the real per-article stages with the session ``nlp`` fixture.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.clean import clean_document
from newsdesk.facts.clauses import OTHER, Clause, headline_verb, lead_clauses, main_clause, verb_phrase
from newsdesk.facts.headline import Headline
from newsdesk.facts.main import (
    CONTEXT_CHARS,
    LEAD_CHARS,
    SHOWN,
    find_main_event,
    merge_clauses,
    without_relative_tail,
)
from newsdesk.model import Analysis, Article, DateRef, Document, Event, Mention, Place, article_id
from newsdesk.pipeline import ARTICLE_STAGES, analyse


def _span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def _event(text: str, part: str, actor: str | None = "Rebels", **kw) -> Event:
    return Event(article_id="a", span=_span(text, part), type="ASSAULT", actor=actor, **kw)


def _article(text: str, *, title: str | None = None, published: str | None = "2031-05-12", **kw) -> Analysis:
    return Analysis(article=Article(id="a", text=text, title=title, published=published, **kw))


def _with(analysis: Analysis, **kw) -> Analysis:
    fields = {f: getattr(analysis, f) for f in ("article", "mentions", "places", "dates", "events")}
    return Analysis(**(fields | kw))


def _mention(text: str, part: str, entity: str, label: str = "ORG", nth: int = 0) -> Mention:
    return Mention("a", _span(text, part, nth), part, label, entity)


def _date(text: str, part: str, value: str | None) -> DateRef:
    return DateRef("a", _span(text, part), part, value)


def _place(text: str, part: str, name: str | None = None, nth: int = 0) -> Place:
    return Place("a", _span(text, part, nth), part, name or part)


# -- choice -------------------------------------------------------------------------------

LEAD = "Guards seized the depot. The Brotherhood shelled the ridge. The Brotherhood denied it. " + "x" * LEAD_CHARS


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ((), None),
        ((("seized the depot", None, "hypothetical"),), None),  # not reported as having happened
        ((("seized the depot", None, "negated"), ("shelled the ridge", None, "asserted")), "shelled the ridge"),
        ((("seized the depot", None, "asserted"),), "seized the depot"),  # a bare event when alone
        ((("seized the depot", None, "asserted"), ("shelled the ridge", "Rebels", "asserted")), "shelled the ridge"),
        ((("seized the depot", "Guards", "asserted"), ("shelled the ridge", "Rebels", "claimed")), "seized the depot"),
        ((("x" * 20, "Guards", "asserted"),), None),  # after the lead
    ],
)
def test_choice_among_shown_events(events, expected):
    text = LEAD + "x" * 20
    built = []
    for part, actor, modality in events:
        span = (len(LEAD), len(LEAD) + 20) if part == "x" * 20 else _span(text, part)
        built.append(Event("a", span, "ASSAULT", actor=actor, modality=modality))
    found = find_main_event(_with(_article(text), events=tuple(built)))
    assert (text[found.span[0] : found.span[1]] if found else None) == expected


@pytest.mark.parametrize(
    ("filler", "title", "expected"),
    [
        (300, "Blast at the Ardo depot", "Blast"),  # the actor event ends the lead
        (300, None, "Blast"),
        (10, None, "struck the wall"),  # right after it, the event with an actor
    ],
)
def test_a_bare_headline_event_outranks_an_actor_event_far_down_the_lead(filler, title, expected):
    text = "Blast at the Ardo depot\n\n" + "y" * filler + " A car struck the wall."
    events = (_event(text, "Blast", None), _event(text, "struck the wall", "car"))
    found = find_main_event(_with(_article(text, title=title), events=events))
    assert text[found.span[0] : found.span[1]] == expected


def test_an_actor_the_article_keeps_naming_outranks_an_earlier_one():
    text = LEAD + " The Brotherhood said. The Brotherhood left."
    mentions = (
        _mention(text, "Guards", "org:guards"),
        *(_mention(text, "Brotherhood", "org:brotherhood", nth=n) for n in range(4)),
    )
    events = (_event(text, "seized the depot", "Guards"), _event(text, "shelled the ridge", "The Brotherhood"))
    found = find_main_event(_with(_article(text), mentions=mentions, events=events))
    assert found.actor == "The Brotherhood"
    # Named once each, the earlier event is the main one: position decides.
    once = tuple(m for m in mentions if m.span[0] < len("Guards seized the depot. The Brotherhood"))
    assert find_main_event(_with(_article(text), mentions=once, events=events)).actor == "Guards"


def test_an_actor_named_only_in_a_modifier_takes_no_salience_from_it():
    text = "Guards seized the depot. The victims of the Brotherhood raid marched. " + "The Brotherhood left. " * 3
    mentions = tuple(_mention(text, "Brotherhood", "org:brotherhood", nth=n) for n in range(4))
    events = (_event(text, "seized the depot", "Guards"), _event(text, "marched", "victims of the Brotherhood raid"))
    assert find_main_event(_with(_article(text), mentions=mentions, events=events)).actor == "Guards"
    named = (_event(text, "seized the depot", "Guards"), _event(text, "marched", "The Brotherhood"))
    assert find_main_event(_with(_article(text), mentions=mentions, events=named)).actor == "The Brotherhood"


@pytest.mark.parametrize("actor", ["rescuers in the Brotherhood", "the mayor of the Brotherhood",
                                   "rescuers in the northern Brotherhood"])
def test_an_actor_whose_phrase_ends_in_a_name_after_a_preposition_takes_no_salience_from_it(actor):
    text = f"Guards seized the depot. Then {actor} marched. " + "The Brotherhood left. " * 3
    mentions = tuple(_mention(text, "Brotherhood", "org:brotherhood", nth=n) for n in range(4))
    events = (_event(text, "seized the depot", "Guards"), _event(text, "marched", actor))
    assert find_main_event(_with(_article(text), mentions=mentions, events=events)).actor == "Guards"


def test_an_actor_named_in_the_possessive_keeps_the_salience_of_the_name():
    # the model's entity may take the "'s" with the name: "Ivo Korr's" names Ivo Korr
    text = "Guards seized the depot. Ivo Korr marched. " + "Ivo Korr's aides left. " * 3
    mentions = tuple(_mention(text, "Ivo Korr's", "person:ivo-korr-s", "PERSON", nth=n) for n in range(3))
    events = (_event(text, "seized the depot", "Guards"), _event(text, "marched", "Ivo Korr"))
    assert find_main_event(_with(_article(text), mentions=mentions, events=events)).actor == "Ivo Korr"


def test_the_event_that_repeats_the_title_outranks_an_earlier_one():
    text = "Guards seized a depot, and crowds then marched on the palace of Vell. " + "x" * 300
    events = (_event(text, "seized a depot", "Guards"), _event(text, "marched on the palace", "crowds"))
    title = "Crowds march on Vell palace"
    assert find_main_event(_with(_article(text, title=title), events=events)).actor == "crowds"
    assert find_main_event(_with(_article(text, title="Unrest"), events=events)).actor == "Guards"


# -- completion: time ---------------------------------------------------------------------

SUNDAY = "2031-05-11"  # the day before the articles' publication date (2031-05-12)


@pytest.mark.parametrize(
    ("text", "date", "value", "expected"),
    [
        # A day of the event's own sentence.
        ("Rebels shelled Ardo on Sunday. Nothing else.", "Sunday", SUNDAY, SUNDAY),
        ("Rebels shelled Ardo today.", "today", "2031-05-12", "2031-05-12"),  # the text says so
        # A day named later in the lead (the next sentence) still dates the lead's event.
        ("Rebels shelled Ardo. It happened on Sunday, officials said.", "Sunday", SUNDAY, SUNDAY),
        # A day after publication is a plan (the vote on Thursday), not the event.
        ("Rebels shelled Ardo before the vote on Thursday.", "Thursday", "2031-05-15", None),
        # A duration, a frequency or an unresolved expression is not a point in time.
        ("Rebels shelled Ardo for over ten hours.", "over ten hours", None, None),
        ("Rebels shelled Ardo daily.", "daily", "P1D", None),
        ("Rebels shelled Ardo yesterday.", "yesterday", "P-1D", "P-1D"),  # an undated article's day
        ("Rebels shelled Ardo on May 9.", "May 9", "XXXX-05-09", "XXXX-05-09"),  # one named without its year
        ("Rebels shelled Ardo in May.", "May", "XXXX-05", None),  # a month is no day
        ("Rebels shelled Ardo for a week.", "a week", "P1W", None),
    ],
)
def test_time_from_the_text_linked_to_the_event(text, date, value, expected):
    analysis = _with(_article(text), dates=(_date(text, date, value),), events=(_event(text, "shelled Ardo"),))
    found = find_main_event(analysis)
    assert found.when == expected
    assert found.when_span == (_span(text, date) if expected else None)


@pytest.mark.parametrize(
    ("text", "lead_day", "expected"),
    [
        # A time counted from an event the text does not date ("a week before the talks") is
        # the event's when in words, with no calendar value, over a day of the lead ...
        ("Rebels shelled Ardo a week before the talks. Officials spoke on Sunday.", SUNDAY, "a week before"),
        # ... and the lead's, where the lead names no day
        ("Rebels shelled Ardo. It came two days after the vote, officials said.", None, "two days after"),
    ],
)
def test_a_time_counted_from_an_event_is_the_events_in_words(text, lead_day, expected):
    dates = (_date(text, expected, None),) + ((_date(text, "Sunday", lead_day),) if lead_day else ())
    found = find_main_event(_with(_article(text), dates=dates, events=(_event(text, "shelled Ardo"),)))
    assert (found.when, found.when_span) == (None, _span(text, expected))


def test_the_latest_day_of_the_lead_dates_the_event():
    text = "Rebels shelled Ardo.\n\nAfter the vote of Thursday, they shelled it again on Saturday and Sunday."
    dates = (_date(text, "Thursday", "2031-05-08"), _date(text, "Saturday", "2031-05-10"),
             _date(text, "Sunday", "2031-05-11"))
    events = (_event(text, "shelled Ardo"),)
    found = find_main_event(_with(_article(text), dates=dates, events=events))
    assert (found.when, found.when_span) == ("2031-05-11", _span(text, "Sunday"))
    undated = tuple(DateRef("a", d.span, d.text, v) for d, v in zip(dates, ("P-4D", "P-2D", "P-1D"), strict=True))
    found = find_main_event(_with(_article(text, published=None), dates=undated, events=events))
    assert found.when == "P-4D"  # relative days: the first named


@pytest.mark.parametrize(
    "lead",
    [
        # the lead's sentence that restates the headline dates its event, not a later day of the lead
        "The town of Ardo opened its new bridge over the Velm on Wednesday. Crowds stayed until Sunday.",
        # ... and of its own days the latest: an earlier one is background
        "After Tuesday's vote, the town of Ardo opened its new bridge over the Velm on Wednesday. "
        "Crowds stayed until Sunday.",
    ],
)
def test_the_sentence_that_restates_the_headline_dates_its_event(nlp, lead):
    main = _ingested("Ardo opens new bridge over the Velm", lead).main_event
    assert (main.in_title, main.when) == (True, "2031-05-07")


def test_a_sentence_that_does_not_restate_the_headline_does_not_date_it(nlp):
    # (fewer than half of the headline's words: the lead's latest day)
    main = _ingested("Ardo opens new bridge over the Velm",
                     "Ardo has waited for a bridge since Wednesday. Crowds stayed until Sunday.").main_event
    assert (main.in_title, main.when) == (True, SUNDAY)


def test_the_publication_date_alone_is_not_the_event_time():
    text = "Rebels shelled Ardo. Residents fled."
    analysis = _with(_article(text, published="2031-05-12"), events=(_event(text, "shelled Ardo"),))
    assert find_main_event(analysis).when is None


def test_a_day_far_below_the_lead_does_not_date_the_event():
    text = "Rebels shelled Ardo. " + "Filler. " * (CONTEXT_CHARS // 8) + "On Sunday a fair opened."
    analysis = _with(_article(text), dates=(_date(text, "Sunday", SUNDAY),), events=(_event(text, "shelled Ardo"),))
    assert find_main_event(analysis).when is None


def test_a_duration_gives_way_to_the_day_of_the_sentence():
    text = "On Sunday rebels shelled Ardo for over ten hours."
    dates = (_date(text, "Sunday", SUNDAY), _date(text, "over ten hours", None))
    event = _event(text, "shelled Ardo", when="over ten hours")
    assert find_main_event(_with(_article(text), dates=dates, events=(event,))).when == SUNDAY
    # The event's own day stands.
    event = _event(text, "shelled Ardo", when="2031-05-10")
    assert find_main_event(_with(_article(text), dates=dates, events=(event,))).when == "2031-05-10"


# -- completion: place --------------------------------------------------------------------


def test_place_from_the_events_own_sentence():
    text = "Rebels shelled the hills near Ardo. Talks resumed in Velm."
    places = (_place(text, "Ardo"), _place(text, "Velm"))
    mentions = (_mention(text, "Ardo", "gpe:ardo", "GPE"), _mention(text, "Velm", "gpe:velm", "GPE"))
    analysis = _with(_article(text), places=places, mentions=mentions, events=(_event(text, "shelled the hills"),))
    found = find_main_event(analysis)
    assert (found.place, found.place_span) == ("Ardo", _span(text, "Ardo"))
    # The event's own place stands.
    own = _event(text, "shelled the hills", place="Korn")
    assert find_main_event(_with(analysis, events=(own,))).place == "Korn"


@pytest.mark.parametrize(
    "text", ["Rebels shelled the hills near Ardo-on-Vel.", "Tanks\n\nRebels shelled the hills near Ardo-on-Vel."]
)
def test_a_hyphenated_place_longer_than_its_mention(text):
    # The model tags "Ardo", the places stage reads the whole name (nlp/places.py): the
    # place keeps the mention's label, and the whole name wins over the part.
    analysis = _with(
        _article(text), places=(_place(text, "Ardo-on-Vel"),), mentions=(_mention(text, "Ardo", "gpe:ardo", "GPE"),),
        events=(_event(text, "shelled the hills"),),
    )
    found = find_main_event(analysis)
    assert (found.place, found.place_span) == ("Ardo-on-Vel", _span(text, "Ardo-on-Vel"))


# Real places, so that the gazetteer knows their kind (country or city).
_GEORGIA = dict(name="Georgia", country="GE", geonameid=614540)
_BATUMI = dict(name="Batumi", country="GE", geonameid=615532)
_GYUMRI = dict(name="Gyumri", country="AM", geonameid=616635)


@pytest.mark.parametrize(
    ("town", "own", "expected"),
    [
        (_BATUMI, None, "Batumi"),  # the town in the country the sentence names first
        (_BATUMI, "Georgia", "Batumi"),  # also when the event had the country itself
        (_GYUMRI, None, "Georgia"),  # a town of another country does not narrow it
        (_GYUMRI, "Georgia", "Georgia"),
    ],
)
def test_a_country_gives_way_to_a_town_in_it(town, own, expected):
    _a_country_gives_way(f"Rebels shelled targets in Georgia, near the port of {town['name']}.", town, own, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled targets in Georgia as Batumi called for calm.",  # the town acts: not where
        "Rebels shelled targets in Georgia, Batumi said.",
    ],
)
def test_a_country_does_not_give_way_to_a_town_that_is_no_place_there(text):
    _a_country_gives_way(text, _BATUMI, None, "Georgia")


def _a_country_gives_way(text, town, own, expected):
    places = (
        Place("a", _span(text, "Georgia"), "Georgia", **_GEORGIA),
        Place("a", _span(text, town["name"]), town["name"], **town),
    )
    mentions = tuple(_mention(text, p.text, "gpe:" + p.text, "GPE") for p in places)
    event = _event(text, "shelled targets", place=own)
    found = find_main_event(_with(_article(text), places=places, mentions=mentions, events=(event,)))
    assert (found.place, text[found.place_span[0] : found.place_span[1]]) == (expected, expected)


@pytest.mark.parametrize(
    ("second", "town", "expected"),
    [
        ("The shells fell in Batumi overnight.", _BATUMI, "Batumi"),  # a town of the country, named as where
        ("Officials said Batumi was calm.", _BATUMI, "Georgia"),  # named, but not as where
        ("The shells fell in Gyumri overnight.", _GYUMRI, "Georgia"),  # a town of another country
        ("Talks went on. " * 60 + "The shells fell in Batumi overnight.", _BATUMI, "Georgia"),  # past the context
    ],
)
def test_a_country_gives_way_to_a_town_in_it_named_later_in_the_lead(second, town, expected):
    text = f"Rebels shelled targets in Georgia. {second}"
    places = (
        Place("a", _span(text, "Georgia"), "Georgia", **_GEORGIA),
        Place("a", _span(text, town["name"]), town["name"], **town),
    )
    mentions = tuple(_mention(text, p.text, "gpe:" + p.text, "GPE") for p in places)
    event = _event(text, "shelled targets")
    found = find_main_event(_with(_article(text), places=places, mentions=mentions, events=(event,)))
    assert (found.place, text[found.place_span[0] : found.place_span[1]]) == (expected, expected)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        (None, "Ardo"),  # the model tagged nothing; the places stage found the name
        (("Ardo", "GPE"), "Ardo"),
        (("Ardo", "ORG"), "Ardo"),  # the model's organisation, the places stage's town
        (("Ardo", "PERSON"), None),
        (("Ardo Trams", "ORG"), None),  # part of a company's name
    ],
)
def test_a_place_the_model_did_not_tag_is_a_place_of_the_sentence(mention, expected):
    text = "Ardo Trams crash kills seven. Nothing else."
    mentions = (_mention(text, mention[0], "x:ardo", mention[1]),) if mention else ()
    analysis = _with(_article(text), places=(_place(text, "Ardo"),), mentions=mentions,
                     events=(_event(text, "crash kills seven", actor=None),))
    assert find_main_event(analysis).place == expected


def test_a_resolved_building_after_at_is_one_place():
    # the places stage resolved the building the model tagged FAC: a toponym and a
    # building on the same words (their sort once compared a country with None)
    text = "Rebels shelled the depot at Ardo Fort. Nothing else."
    place = replace(_place(text, "Ardo Fort"), country="XX")
    analysis = _with(_article(text), places=(place,), mentions=(_mention(text, "Ardo Fort", "fac:ardo", "FAC"),),
                     events=(_event(text, "shelled the depot"),))
    assert find_main_event(analysis).place == "Ardo Fort"


def test_a_nationality_is_not_a_place():
    text = "Rebels shelled a Vellan convoy. Nothing else."
    analysis = _with(
        _article(text),
        places=(_place(text, "Vellan", "Vellia"),),
        mentions=(_mention(text, "Vellan", "gpe:vellia", "NORP"),),
        events=(_event(text, "shelled a Vellan convoy"),),
    )
    assert find_main_event(analysis).place is None


@pytest.mark.parametrize(
    ("text", "building", "label", "expected"),
    [
        ("The envoys met at the Amber Hall for an hour.", "Amber Hall", "ORG", "Amber Hall"),
        ("The envoys met in the Amber Hall for an hour.", "Amber Hall", "FAC", "Amber Hall"),
        ("The envoys met outside Korr Tower for an hour.", "Korr Tower", "FAC", "Korr Tower"),
        ("The envoys met, the Amber Hall said.", "Amber Hall", "ORG", None),  # it speaks: not a place
        ("The envoys met in Vellan Guard barracks.", "Vellan Guard", "ORG", None),  # it modifies a noun
    ],
)
def test_a_building_after_at_is_a_place(text, building, label, expected):
    analysis = _with(
        _article(text),
        mentions=(_mention(text, building, "fac:x", label),),
        events=(Event("a", _span(text, "met"), "CONSULT", actor="The envoys"),),
    )
    assert find_main_event(analysis).place == expected


@pytest.mark.parametrize(
    ("text", "dateline", "expected"),
    [
        ("Shells on Ardo\n\nARDO — Rebels shelled the town overnight.", None, "Ardo"),
        ("Shells on Ardo\n\nARDO, Velm (Wirenews) - Rebels shelled the town.", None, "Ardo"),
        ("Rebels shelled the town overnight.", "ARDO (Wirenews)", "Ardo"),  # cleaning took it out
        ("Rebels shelled the town overnight. ARDO — a word.", None, None),  # not opening a paragraph
        ("Shells\n\nBREAKING NEWS: Rebels shelled the town.", None, None),  # no place there
        ("Shells on Ardo\n\nPhoto ARDO -- Rebels shelled the town.", None, "Ardo"),  # a caption's word before it
        ("Shells\n\nBy Ann Vell ARDO, May 11 (Wirenews) - Rebels shelled the town.", None, "Ardo"),  # a byline
        # after a photo credit, whatever came before in the paragraph
        ("Shells\n\nSkip ad. Ruins. (Photo: Ann Vell) ARDO -- Rebels shelled the town.", None, "Ardo"),
        ("Shells\n\nSkip ad. Ruins (Photo: Ann Vell) at dawn. Rebels shelled the town.", None, None),
    ],
)
def test_place_from_the_dateline(text, dateline, expected):
    places = (_place(text, "ARDO", "Ardo"),) if "ARDO" in text else ()
    analysis = _with(_article(text, dateline=dateline), places=places, events=(_event(text, "shelled the town"),))
    assert find_main_event(analysis).place == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ardo Foods shrinks its bars\n\nThe maker sells them in Velmia and Korrland.", "Velmia"),
        ("Ardo Foods shrinks its bars\n\nThe Velmia office of the maker said so.", None),  # whose, not where
        # a compass word between the preposition and the place
        ("Ardo Foods shrinks its bars\n\nThe maker sells them in northern Velmia.", "Velmia"),
        ("Ardo Foods shrinks its bars\n\nThe maker sells them in the south-west Korrland.", "Korrland"),
        ("Ardo Foods shrinks its bars\n\nThe maker sells them in Velmia's north.", "Velmia"),
        ("Ardo Foods shrinks its bars\n\nThe maker sells them in big Velmia towns.", None),
    ],
)
def test_place_from_the_first_toponym_of_the_lead_that_says_where(text, expected):
    places = tuple(_place(text, p) for p in ("Velmia", "Korrland") if p in text)
    mentions = tuple(_mention(text, p.text, "gpe:" + p.text, "GPE") for p in places)
    analysis = _with(_article(text), places=places, mentions=mentions, events=(_event(text, "shrinks its bars"),))
    found = find_main_event(analysis)
    assert found.place == expected
    assert found.place_span == (_span(text, expected) if expected else None)


def test_a_dateline_in_capitals_the_places_stage_missed_is_looked_up():
    text = "Shells\n\nBATUMI -- Rebels shelled the port.\n\nBREAKING NEWS - more later."
    analysis = _with(_article(text), events=(_event(text, "shelled the port"),))
    assert find_main_event(analysis).place == "Batumi"


@pytest.mark.parametrize(
    ("label", "resolved", "expected"),
    [
        ("ORG", True, "Velm"),  # "the Velm Rovers" made it a team; "across Velm" is a place
        ("GPE", False, "Velm"),  # not in the gazetteer: the text's name
        ("NORP", "Velmia", None),  # a people's adjective of a country ("Thai" of Thailand) is no place
        ("NORP", True, "Velm"),  # ... but a place's own name the model typed NORP is
        ("PERSON", True, None),  # a person the gazetteer knows as a town ("in the Velm email case")
        ("ORG", False, None),
    ],
)
def test_a_place_after_a_locative_preposition_whatever_its_label(label, resolved, expected):
    text = "The Velm Rovers won the cup\n\nFans celebrated across Velm on Sunday."
    name = resolved if isinstance(resolved, str) else None
    places = (_place(text, "Velm", name, nth=1),) if resolved else ()
    mentions = (_mention(text, "Velm", "x:velm", label, nth=1),)
    analysis = _with(_article(text), places=places, mentions=mentions, events=(_event(text, "won the cup"),))
    assert find_main_event(analysis).place == expected


# -- the lead's main clauses (with the parse) ---------------------------------------------


def _stages(nlp, text: str, title: str | None = None) -> tuple[Analysis, object]:
    article = Article(id=article_id(text), text=text, title=title, published="2031-05-12")
    analysis, doc = Analysis(article=article), nlp(text)
    for stage in ARTICLE_STAGES:
        analysis = stage(analysis, doc)
    return analysis, doc


@pytest.mark.parametrize(
    ("text", "actor", "what"),
    [
        # the adjunct of time is no part of what was done
        ("Vell blames the Korr council for the defeat after a long night\n\nThe mayor spoke.", "Vell",
         "blames the Korr council for the defeat"),
        # the next link of a chain of prepositions, and a relative clause, are not either
        ("Guards arrive at the Amber Hall for talks with the council\n\nThey came by train.", "Guards",
         "arrive at the Amber Hall"),
        ("Korr troops enter the port near the border with Velmia\n\nThey came by train.", "Korr troops",
         "enter the port near the border"),
        ("Police name three victims of the crash that killed seven\n\nThe names were given.", "Police",
         "name three victims of the crash"),
        ("Dozens of divers are trying to reach a girl trapped in a cave.", "divers",  # a count is no actor
         "are trying to reach a girl"),
        # a headline's verb tagged as a noun still heads its clause
        ("Marta Vell and Ivo Korr meet at Amber Hall\n\nMarta Vell describes the talks as excellent.",
         "Marta Vell and Ivo Korr", "meet at Amber Hall"),
        # ... but a noun with neither object nor preposition after it is no verb
        ("Tarvik well rescue\n\nDozens of divers are diving.", "divers", "are diving"),
        # the reported clause comes first: it is the headline's news
        ("The ministry has found no wrongdoing in the new emails, says Korr\n\nKorr spoke.", "ministry",
         "has found no wrongdoing in the new emails"),
    ],
)
def test_the_first_main_clause_of_a_headline(nlp, text, actor, what):
    analysis, doc = _stages(nlp, text)
    first = lead_clauses(analysis, doc, LEAD_CHARS)[0]
    assert (first.actor, text[first.span[0] : first.span[1]]) == (actor, what)


def test_a_passive_clause_names_its_agent_as_actor(nlp):
    text = "The depot was seized by the Vellan guards on Sunday."
    analysis, doc = _stages(nlp, text)
    (clause,) = lead_clauses(analysis, doc, LEAD_CHARS)
    assert (clause.actor, clause.recipient) == ("Vellan guards", "depot")


@pytest.mark.parametrize(
    ("text", "actor", "what"),
    [
        # a headline's passive: what happened is what happened to its subject
        ("Korr bridge destroyed in storm\n\nThe river rose.", None, "Korr bridge destroyed in storm"),
        ("Velmian ship seized in Ardo strait\n\nThe crew is safe.", None, "Velmian ship seized in Ardo strait"),
        # its agent is the actor ("by" read as a preposition too, of the verb or of its noun)
        ("Old Velm ferry sunk by pirates off Ardo coast\n\nThe crew is safe.", "pirates",
         "Old Velm ferry sunk by pirates"),
        # ... unless it names a happening, not one who acts
        ("Old Velm ferry sunk by storm off Ardo coast\n\nThe crew is safe.", None, "Old Velm ferry sunk by storm"),
        ("Vell port festival marred by shooting\n\nThe police came.", None, "Vell port festival marred by shooting"),
        ("Korr bridge destroyed in night raid by rebels\n\nThe river rose.", "rebels",
         "Korr bridge destroyed in night raid by rebels"),
        # a subject coordinated with what came before it: both are reported
        ("Several dead and dozens injured after ferry sinks off Velm\n\nThe crew is safe.", None,
         "Several dead and dozens injured"),
        # a verb of feeling's participle says how its subject feels: the subject is who
        # (the model reads "are upset" as an adjective, "are angered" as a passive), and what
        # they feel it over is why, not what happened
        ("Commuters are angered over rail cuts\n\nThe fares rose.", "Commuters", "are angered"),
        ("Drivers are infuriated over fuel tax\n\nThe tax rose.", "Drivers", "are infuriated"),
        ("Residents are shocked at the closure\n\nThe mill shut.", "Residents", "are shocked"),
        # ... unless its agent made them feel it
        ("Ardo shoppers angered by council\n\nThe fees rose.", "council", "Ardo shoppers angered by council"),
        # a clause set off by commas inside the subject stays out: the verb's phrase alone
        ("Ferry captain, who sailed from Ardo on Sunday, is feared dead\n\nThe crew is safe.", None,
         "is feared dead"),
    ],
)
def test_a_headlines_passive(nlp, text, actor, what):
    analysis, doc = _stages(nlp, text, title=text.split("\n")[0])
    first = lead_clauses(analysis, doc, LEAD_CHARS)[0]
    assert (first.actor, text[first.span[0] : first.span[1]]) == (actor, what)


@pytest.mark.parametrize(
    ("title", "actor"),
    [
        # a subject that names a happening (a gerund, an accident, a contest, a change)
        # says what happened, not who acted
        ("Stabbing leaves two injured in Velm", None),
        ("Shooting at Velm parade leaves two injured", None),
        ("Storm sinks Velm ferry off Ardo coast", None),
        ("Close race leaves mayor short of a majority", None),
        ("Timetable change worries Velm commuters", None),
        # ... where the noun phrase says whose the happening is, they are the actor; a place is where
        ("Mayor Vell's decision worries Ardo shopkeepers", "Vell"),
        ("Ardo Foods price change worries shoppers", "Ardo Foods"),
        ("Velm shooting leaves two injured", None),
        # a means says how, not who, whatever the model tags it
        ("Ransomware attack cripples Velm hospital network", None),
        ("Malware attack halts Ardo port systems", None),
        ("Drone strike leaves two dead in Velm", None),
        # a subject who acts stays the actor
        ("Velm commuters block the tram line", "Velm commuters"),
        ("Hackers attack Ardo council servers", "Hackers"),
    ],
)
def test_a_happening_is_no_actor(nlp, title, actor):
    analysis, doc = _stages(nlp, title + "\n\nThe town was quiet.", title=title)
    first = lead_clauses(analysis, doc, LEAD_CHARS)[0]
    assert first.actor == actor


@pytest.mark.parametrize(
    ("lead", "actor"),
    [
        ("An armed man attacked shoppers at the Velm market on Sunday.", "armed man"),
        # a happening of the lead names no one either
        ("The parade drew thousands on Sunday.", None),
        # a lead clause the main event could not be (it reports) still says who
        ("Ruritania said on Tuesday it had started operations against rebel units in Velm.", "Ruritania"),
        # ... but one who tells is no one who acted where the lead names who did
        ("Residents said a gunman attacked shoppers at the Velm market on Sunday.", "gunman"),
    ],
)
def test_the_lead_says_who_where_the_headline_names_a_happening(nlp, lead, actor):
    analysis = _ingested("Stabbing leaves two injured in Velm", lead + "\n\nIt was a warm day.")
    main = analysis.main_event
    assert (main.in_title, main.actor) == (True, actor)


@pytest.mark.parametrize("town", ["Seattle", "Denver", "Leeds"])
def test_a_town_before_a_happening_says_where_not_who(nlp, town):
    # the events stage or the parse ("Seattle [nsubj] shooting [VERB]") takes the town for the actor
    analysis = _ingested(f"{town} shooting: Two hurt near bar",
                         f"A gunman wounded two men in downtown {town} on Friday.\n\nPolice came.")
    main = analysis.main_event
    assert (main.in_title, main.actor, main.place) == (True, "gunman", town)


def test_a_headline_whose_subject_is_a_happening_stays_the_main_event(nlp):
    """The headline's clause with a happening for subject is a whole clause: it still
    outranks a clause further down the lead (whose actor then says who)."""
    analysis = _ingested("Timetable change worries Velm commuters",
                         "Commuters of the Velm line have hit back at the plan to cut the evening trains.\n\n"
                         "Velm Rail said costs had risen. Velm Rail will cut two trains.")
    main = analysis.main_event
    assert (main.in_title, main.what) == (True, "worries Velm commuters")


@pytest.mark.parametrize(
    ("text", "actor", "what"),
    [
        # (with the infinitive right after its words: what it landed for, part of what happened)
        ("Velm ferry lands in Ardo to pick up stranded fishermen\n\nThe crew is safe.", "Velm ferry",
         "lands in Ardo to pick up stranded fishermen"),
        ("Storm in the north: Velm ferry lands in Ardo port\n\nThe crew is safe.", "Velm ferry", "lands in Ardo port"),
        ("Velm mayor rams truck into Ardo hall\n\nThe hall burned.", "Velm mayor", "rams truck into Ardo hall"),
        # a second clause after a comma does not take the verb's place
        ("Bus plunges into ravine in Nepal, 20 killed\n\nThe road was icy.", "Bus", "plunges into ravine"),
        # after "as", the word is a subordinate clause's verb: the main clause is the one
        # before it, whose plural verb the model tagged a noun too (below)
        ("Crowds cheer as Velm ferry lands in Ardo port\n\nThe crew is safe.", "Crowds", "cheer"),
    ],
)
def test_a_headlines_verb_tagged_as_a_plural_noun(nlp, text, actor, what):
    analysis, doc = _stages(nlp, text, title=text.split("\n")[0])
    first = lead_clauses(analysis, doc, LEAD_CHARS)[0]
    assert (first.actor, text[first.span[0] : first.span[1]]) == (actor, what)


@pytest.mark.parametrize(
    ("title", "actor", "what"),
    [
        # a plural subject's verb the model tagged a noun ("rescue" as in "a dog rescue")
        ("Firefighters rescue dog from frozen Velm lake", "Firefighters", "rescue dog from frozen Velm lake"),
        ("Rebels attack convoy near Ardo", "Rebels", "attack convoy near Ardo"),
        # a label before a colon cuts the headline in two segments: the second is still the headline's
        ("Watch: Firefighters rescue dog from frozen Velm lake", "Firefighters", "rescue dog from frozen Velm lake"),
        ("Storm Kiro: Ferry lands in Ardo port", "Ferry", "lands in Ardo port"),
    ],
)
def test_a_headlines_plural_verb_tagged_as_a_noun(nlp, title, actor, what):
    analysis = _ingested(title, "The rescue took an hour.\n\nNobody was hurt.")
    main = analysis.main_event
    assert (main.in_title, main.actor, main.what) == (True, actor, what)


def test_a_headlines_actor_keeps_the_titles_capitals(nlp):
    # a Title Case headline is parsed in sentence case; a name the body never writes would
    # come out as the parse read it ("Marta vell")
    analysis = _ingested("Singer Marta Vell Cancels Her Tour Of Ardo", "The tour was to start in May.\n\nFans knew.")
    main = analysis.main_event
    assert (main.in_title, main.actor) == (True, "Singer Marta Vell")


def test_a_noun_with_its_article_and_a_participle_is_no_clause(nlp):
    """A headline drops its articles: "a photo taken by" is a sentence's noun phrase."""
    text = "A photo taken by Ivo Korr of the burnt depot near Velm on Sunday.\n\nThe depot burned."
    analysis, doc = _stages(nlp, text)
    assert [text[c.span[0] : c.span[1]] for c in lead_clauses(analysis, doc, LEAD_CHARS)] == ["burned"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the report is not the event; what it reports is
        ("Mayor Vell says she and Korr had a good talk\n\nIvo Korr and Ana Vell met for the first time on Sunday.",
         "had a good talk"),
        ("Ana Vell says she is tired\n\nIt was late.", "was late"),
        ("Ana Vell says she is tired", "says she is tired"),  # unless the lead has nothing else
        # a headline's reported clause without its verb, parsed as the object of "say"
        ("Officials say 12 dead after floods in Velm\n\nTwelve people drowned in the floods.", "drowned in the floods"),
    ],
)
def test_a_reporting_clause_is_not_the_main_event(nlp, text, expected):
    analysis, doc = _stages(nlp, text, title=text.split("\n")[0])
    found = find_main_event(analysis, doc)
    assert text[found.span[0] : found.span[1]] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two guards were killed and nine hurt when rebels shelled the depot in Ardo on Sunday, officials said.",
         "Two guards were killed"),
        ("Police name the three victims of the blast that killed seven\n\nThe names were given on Sunday.",
         "name the three victims of the blast"),
    ],
)
def test_an_event_of_a_subordinate_clause_is_not_the_main_event(nlp, text, expected):
    analysis, doc = _stages(nlp, text, title=text.split("\n")[0])
    found = find_main_event(analysis, doc)
    assert text[found.span[0] : found.span[1]] == expected


def test_a_clause_merges_with_the_event_on_its_verb():
    text = "Vell has blamed the council for the defeat. Korr bridge destroyed."
    event = Event("a", _span(text, "blamed the council"), "ACCUSE")
    clause = Event("a", _span(text, "has blamed the council"), OTHER, actor="Vell")
    (merged,) = merge_clauses([event], [Clause(text.index("blamed"), False, clause)])
    assert (merged.type, merged.span, merged.actor) == ("ACCUSE", clause.span, "Vell")
    # a passive's subject, which the events stage took for the actor, is the recipient
    event = Event("a", _span(text, "destroyed"), "ASSAULT", actor="Korr bridge")
    clause = Event("a", _span(text, "Korr bridge destroyed"), OTHER, recipient="Korr bridge")
    (merged,) = merge_clauses([event], [Clause(text.index("destroyed"), True, clause)])
    assert (merged.type, merged.actor, merged.recipient) == ("ASSAULT", None, "Korr bridge")


def test_a_clause_merges_with_the_nominal_event_around_its_verb():
    """A headline's "Rebels attack depot" may be read by the events stage as the noun
    phrase "Rebels attack" (an attack by rebels) and by the clause reader as a verb: one event."""
    text = "Rebels attack depot"
    event = Event("a", _span(text, "Rebels attack"), "ASSAULT", actor="Rebels")
    clause = Event("a", _span(text, "attack depot"), OTHER, actor="Rebels")
    (merged,) = merge_clauses([event], [Clause(text.index("attack"), False, clause)])
    assert (merged.type, merged.span, merged.actor) == ("ASSAULT", clause.span, "Rebels")


def test_a_clause_is_the_main_event_when_the_lead_has_no_plover_event(nlp):
    text = "Ardo Foods changes the shape of its bars\n\nThe maker said the bars would be lighter."
    analysis, doc = _stages(nlp, text, title="Ardo Foods changes the shape of its bars")
    assert find_main_event(analysis) is None  # no PLOVER event, and no parse to read a clause from
    found = find_main_event(analysis, doc)
    assert found.type is None
    assert (found.actor, text[found.span[0] : found.span[1]]) == (
        "Ardo Foods", "changes the shape of its bars")


def test_a_clause_whose_verb_is_an_event_keeps_the_events_type(nlp):
    text = "Korr rebels shell the port of Batumi after a truce\n\nThe port was closed on Sunday."
    analysis, doc = _stages(nlp, text, title="Korr rebels shell the port of Batumi after a truce")
    found = find_main_event(analysis, doc)
    assert found.type == "ASSAULT"
    assert text[found.span[0] : found.span[1]] == "shell the port of Batumi"


def test_the_headlines_clause_outranks_a_later_plover_event(nlp):
    text = "Police name the three victims\n\nA bomb killed three people in Velm on Sunday."
    analysis, doc = _stages(nlp, text, title="Police name the three victims")
    assert find_main_event(analysis).type == "ASSAULT"  # without the parse: the toll
    assert find_main_event(analysis, doc).actor == "Police"


# -- with the real stages -----------------------------------------------------------------


def test_a_written_article_through_the_stages(nlp):
    text = (
        "Militia shells Batumi port\n\n"
        "A militia shelled the port of Batumi on Sunday, killing two dock workers, "
        "port officials said.\n\n"
        "The militia, which has shelled the coast before, said it would go on."
    )
    article = Article(id=article_id(text), text=text, title="Militia shells Batumi port", published="2031-05-12")
    analysis, doc = Analysis(article=article), nlp(text)
    for stage in ARTICLE_STAGES:
        analysis = stage(analysis, doc)
    found = find_main_event(analysis)
    assert found is not None
    assert found.type == "ASSAULT"
    assert found.span[0] < text.index("The militia, which")  # the lead's event
    assert found.when == SUNDAY
    assert found.place == "Batumi"


# -- bad input ----------------------------------------------------------------------------

_SPANS = st.tuples(st.integers(0, 500), st.integers(0, 500)).map(sorted).map(tuple)
_ACTORS = st.one_of(st.none(), st.text())
_VALUES = st.one_of(st.none(), st.sampled_from(("2031-05-11", "P-1D", "2031", "x")))


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(max_size=300),
    events=st.lists(st.tuples(_SPANS, st.sampled_from((*SHOWN, "negated")), _ACTORS), max_size=4),
    dates=st.lists(st.tuples(_SPANS, _VALUES), max_size=4),
    published=st.one_of(st.none(), st.text(max_size=12), st.just("2031-05-12")),
    dateline=st.one_of(st.none(), st.text(max_size=20)),
    labels=st.lists(st.sampled_from(("GPE", "ORG", "FAC", "NORP")), max_size=4),
)
def test_any_analysis_gives_an_answer_or_none(text, events, dates, published, dateline, labels):
    """Odd spans, dates or metadata (an upstream stage's bug) never raise here."""
    analysis = Analysis(
        article=Article(id="a", text=text, published=published, dateline=dateline),
        events=tuple(Event("a", span, "ASSAULT", actor=actor, modality=mod) for span, mod, actor in events),
        dates=tuple(DateRef("a", span, "d", value) for span, value in dates),
        places=tuple(Place("a", span, "p", "P") for span, _ in dates),
        mentions=tuple(Mention("a", span, "m", label, "e") for (span, _), label in zip(dates, labels, strict=False)),
    )
    found = find_main_event(analysis)
    assert found is None or (found.span in {e.span for e in analysis.events} and found.modality in SHOWN)


# -- the headline, apart from the text (as cleaning leaves it) ------------------------------


def _ingested(title: str | None, content: str) -> Analysis:
    """An article as the pipeline makes it: cleaned (the headline moves to the title), then
    the per-article stages, the main event's last."""
    article = clean_document(Document(origin="t", content=content, title=title, published="2031-05-12"))
    (analysis,) = analyse([article])
    return analysis


def test_the_stage_reads_the_main_event_in_the_headline(nlp):
    title = "Korr rebels shell the port of Batumi"
    analysis = _ingested(title, title + "\n\nThe port was closed on Sunday.\n\nShips waited offshore.")
    assert analysis.article.title == title and title not in analysis.article.text  # cleaning moved it
    main = analysis.main_event
    assert (main.type, main.actor, main.what, main.in_title) == ("ASSAULT", "Korr rebels", "shell the port of Batumi",
                                                                  True)
    assert title[main.span[0] : main.span[1]] == main.what
    # the place is the headline's, the day the text's: each span says where its words are
    assert (main.place, main.place_in_title, title[main.place_span[0] : main.place_span[1]]) == (
        "Batumi", True, "Batumi")
    text = analysis.article.text
    assert (main.when, main.when_in_title, text[main.when_span[0] : main.when_span[1]]) == (SUNDAY, False, "Sunday")


def test_a_clause_of_the_lead_over_a_headlines_noun_phrase(nlp):
    """A headline without a verb ("Deadly blast at Ardo market") names the event; the lead's
    clause says what happened, with whom and when: a verb phrase, as the what of a lead is."""
    analysis = _ingested("Deadly blast at Ardo market", "Six people were killed in the blast on Sunday, police said.")
    main = analysis.main_event
    assert (main.in_title, main.what) == (False, "Six people were killed in the blast")


@pytest.mark.parametrize(
    ("title", "in_title", "actor", "what"),
    [
        # the floods are a force of nature: who for the disaster (main._with_force)
        ('"We have lost everything": Ardo flood victims', False, "Floods", "swept through Ardo"),
        # a clause of the headline's own after the quotation is the headline's event
        ('"We have lost everything": Ardo flood victims wait for help', True, "Ardo flood victims", "wait for help"),
    ],
)
def test_a_headlines_quotation_is_no_main_event(nlp, title, in_title, actor, what):
    """A clause between quotation marks is someone's words, as a reported clause is."""
    analysis = _ingested(title, "Floods swept through Ardo on Sunday, destroying 300 homes.")
    main = analysis.main_event
    assert (main.in_title, main.actor, main.what) == (in_title, actor, what)


def test_the_headlines_actor_is_named_as_the_text_names_it(nlp):
    analysis = _ingested("Vell Blames Council For Flood Defeat",
                         "Mayor Marta Vell blamed the town council on Sunday for the flood.\n\nThe council replied.")
    assert (analysis.main_event.actor, analysis.main_event.type) == ("Marta Vell", "ACCUSE")


def test_without_a_headline_the_main_event_is_the_texts(nlp):
    analysis = _ingested(None, "Rebels shelled the port of Batumi on Sunday.\n\nShips waited offshore.")
    main = analysis.main_event
    assert (main.type, main.in_title, main.place, main.when) == ("ASSAULT", False, "Batumi", SUNDAY)
    assert analysis.article.text[main.span[0] : main.span[1]] == main.what


def _parsed(nlp, words: list[str], heads: list[int], deps: list[str], pos: list[str]):
    """A doc with the parse given: the model's parse errors, made on purpose."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("A fire that destroyed a barn near Velm was started deliberately, police said.", "started"),
        ("When the police arrived, the gunman fled.", "fled"),
        ("The man who shot two guards was arrested on Monday.", "arrested"),
    ],
)
def test_a_clause_subordinate_to_another_is_no_main_clause(nlp, text, verb):
    assert main_clause(nlp(text)[:])[1].text == verb


def test_of_two_subjects_the_nearer_before_the_verb_acts(nlp):
    # "Bus crash: Police name victims", the headline's label parsed as a second subject
    doc = _parsed(nlp, ["Bus", "crash", ":", "Police", "name", "victims"], [1, 4, 1, 4, 4, 4],
                  ["compound", "nsubj", "punct", "nsubj", "ROOT", "dobj"],
                  ["NOUN", "NOUN", "PUNCT", "NOUN", "VERB", "NOUN"])
    subj, verb = main_clause(doc[:])
    assert (subj.text, verb.text) == ("Police", "name")


def test_a_verb_phrase_ends_at_an_adjunct(nlp):
    # "Boy found dead after long search", "search" parsed as the verb's object
    doc = _parsed(nlp, ["Boy", "found", "dead", "after", "long", "search"], [1, 1, 1, 1, 5, 1],
                  ["nsubj", "ROOT", "oprd", "prep", "amod", "dobj"], ["NOUN", "VERB", "ADJ", "ADP", "ADJ", "NOUN"])
    start, end = verb_phrase(doc[1], doc[:])
    assert doc.text[start:end] == "found dead"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun's infinitive complement says which decision or plan: kept
        ("The council stood by its decision not to shut the mill.", "stood by its decision not to shut the mill"),
        ("The ministry scrapped plans to build a dam on the river.", "scrapped plans to build a dam on the river"),
        # a restrictive relative clause of the object says which roof: kept
        ("The storm lifted a roof that had sheltered the market.", "lifted a roof that had sheltered the market"),
        # a non-restrictive one comments on it: left out, without the comma before it
        ("The storm lifted the roof, which had sheltered the market.", "lifted the roof"),
        ("The storm lifted the roof which had sheltered the market.", "lifted the roof"),
        # a preposition whose object is a time opens an adjunct of time, as "after" does
        ("The man who shot two guards was arrested on Monday.", "was arrested"),
        ("Rebels shelled the port on Monday in a dawn raid.", "shelled the port"),
        # a place's name after "in" or "near" opens an adjunct of place: where is its own answer
        ("A tram derailed in Croydon on Monday.", "derailed"),
        ("A gunman opened fire near Seattle.", "opened fire"),
        ("The ministry praised the team's performance in Brazil.", "praised the team's performance"),
        # ... not a venue after "at", nor where someone goes
        ("The two leaders met at the White House.", "met at the White House"),
        ("The company moved its office to Paris.", "moved its office to Paris"),
        # a preposition the parse leaves without its object (the noun read as an adverb) keeps it
        ("A girl fell down an abandoned well on Sunday.", "fell down an abandoned well"),
    ],
)
def test_a_verb_phrase_keeps_what_says_which_object_not_when(nlp, text, expected):
    subj, verb = main_clause(nlp(text)[:])
    start, end = verb_phrase(verb, verb.doc[:])
    assert text[start:end] == expected


def _headline(title: str, events: tuple[Event, ...]) -> Headline:
    return Headline(Analysis(article=Article(id="a", text=title, title=title), events=events), None)


def test_the_headline_comes_first_in_the_leads_reading_order():
    title = "Guards seize the depot"
    text = "Rebels shelled the ridge on Sunday, the ministry said. " + "x" * LEAD_CHARS
    head = _headline(title, (_event(title, "seize the depot", actor="Guards"),))
    analysis = _with(_article(text, title=title), events=(_event(text, "shelled the ridge"),))
    found = find_main_event(analysis, None, head)
    assert (found.what, found.in_title) == ("seize the depot", True)
    # the text starts after the title in the lead: a long headline leaves less of the text in it
    late = _with(analysis, events=(Event("a", (300, 310), "ASSAULT", actor="Rebels"),))
    assert find_main_event(late, None, _headline(title, ())).span == (300, 310)
    long_title = "y" * 120
    assert find_main_event(_with(late, article=replace(late.article, title=long_title)), None,
                           _headline(long_title, ())) is None


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("its raids in the north, which it calls counter-terror measures,", "its raids in the north"),
        ("shelled the port, which the navy had left, ", "shelled the port"),
        ("freed the two hostages, who were flown home", "freed the two hostages"),
        # a relative clause inside, with the main words after it, stays
        ("the raid, which began at dawn, ended the siege", "the raid, which began at dawn, ended the siege"),
        # no comma: a restrictive clause is part of what is named
        ("seized the depot which held the fuel", "seized the depot which held the fuel"),
    ],
)
def test_the_what_ends_before_a_relative_clause_that_ends_it(text, what):
    start, end = without_relative_tail("Before. " + text + " After.", (8, 8 + len(text)))
    assert ("Before. " + text)[start:end] == what


def test_a_force_of_nature_in_the_lead_says_who_where_the_headline_names_a_disaster(nlp):
    """The rain that killed is no event's actor (no one acts in it), but it still answers
    "who" for the disaster, before the rescuers the lead names next."""
    analysis = _ingested("Floods kill 12 in Velm", "Torrential rain has killed 12 people in Velm, officials said. "
                         "Rescuers searched for nine people who are missing.\n\nIt was a wet day.")
    assert (analysis.main_event.in_title, analysis.main_event.actor) == (True, "Torrential rain")


# -- headlines and leads the small parse misreads, and what a report says --------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day right after the verb: what follows is still the verb's
        ("Police were searching on Thursday for a gunman.", "were searching on Thursday for a gunman"),
        ("The mayor promised on Monday to resign.", "promised on Monday to resign"),
        # a day after the object still ends the phrase
        ("Rebels shelled the port on Monday in a dawn raid.", "shelled the port"),
    ],
)
def test_a_day_right_after_the_verb_ends_no_phrase(nlp, text, expected):
    subj, verb = main_clause(nlp(text)[:])
    start, end = verb_phrase(verb, verb.doc[:])
    assert text[start:end] == expected


def test_what_a_report_reports_outranks_the_report(nlp):
    analysis = _ingested("Police say review finds no wrongdoing by Ardo mayor",
                         "Officers said on Monday the review had cleared the mayor.")
    main = analysis.main_event
    assert (main.in_title, main.what) == (True, "finds no wrongdoing by Ardo mayor")


def test_a_relative_pronoun_heads_no_main_clause(nlp):
    # "Boy who fell into well found dead", as the small model parses it: "who fell" the root
    from spacy.tokens import Doc

    words = ["Boy", "who", "fell", "into", "well", "found", "dead"]
    doc = Doc(nlp.vocab, words=words, heads=[2, 2, 2, 2, 5, 2, 5],
              deps=["intj", "nsubj", "ROOT", "prep", "advmod", "advcl", "oprd"],
              pos=["INTJ", "PRON", "VERB", "ADP", "ADV", "VERB", "ADJ"],
              tags=["UH", "WP", "VBD", "IN", "RB", "VBN", "JJ"])
    assert main_clause(doc[:]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A boy who fell into a well has been found dead.", "has been found dead"),
        ("A boy, who fell into a well, has been found dead.", "has been found dead"),
        ("The depot was seized by the Vellan guards.", "The depot was seized by the Vellan guards"),
    ],
)
def test_a_passive_leaves_out_a_clause_about_its_subject(nlp, text, expected):
    analysis, doc = _stages(nlp, text)
    first = lead_clauses(analysis, doc, LEAD_CHARS)[0]
    assert text[first.span[0] : first.span[1]] == expected


def test_a_hyphenated_name_opens_a_headlines_clause(nlp):
    subject, _, (start, end) = headline_verb(nlp("Ana Vell-Korr opens new bridge")[:])
    assert (subject.text, "Ana Vell-Korr opens new bridge"[start:end]) == ("Ana Vell-Korr", "opens new bridge")


@pytest.mark.parametrize("title", ["What we know about the Ardo bus crash", "Will Ardo close its bus line?"])
def test_a_headline_that_asks_is_no_main_event(nlp, title):
    analysis = _ingested(title, "Three people died when a bus hit a bridge in Ardo on Tuesday.")
    main = analysis.main_event
    assert (main.in_title, main.what) == (False, "died")


def test_a_headlines_verb_with_an_agent_is_a_passive(nlp):
    title = "Velm Bank fined $1bn by EU"  # the model tags "fined" VBD, with "1bn" its object
    analysis, doc = _stages(nlp, title + "\n\nThe bank paid.", title=title)
    first = lead_clauses(analysis, doc, LEAD_CHARS)[0]
    assert (first.actor, first.recipient) == ("European Union", "Velm Bank")


def test_after_a_noun_and_as_the_headlines_clause_is_what_happened(nlp):
    analysis = _ingested("Horror as bus ploughs into crowd in Ardo",
                         "Nine people were hurt when a bus mounted the pavement in Ardo on Saturday.")
    main = analysis.main_event
    assert (main.in_title, main.what) == (True, "ploughs into crowd")


def test_participles_that_share_a_passive_are_one_clause(nlp):
    text = "Two guards were killed and dozens injured when rebels shelled the depot in Ardo on Sunday."
    analysis, doc = _stages(nlp, text)
    found = find_main_event(analysis, doc)
    assert (text[found.span[0] : found.span[1]], found.actor) == ("Two guards were killed and dozens injured", None)


@pytest.mark.parametrize(
    "text",
    [
        "After the mayor resigned on Monday, councillors elected a new mayor on Thursday.",
        "Two days after Tuesday's vote, the two leaders met in Ardo on Thursday.",
    ],
)
def test_the_day_of_the_main_verb_dates_the_event(nlp, text):
    assert _ingested(None, text).main_event.when == "2031-05-08"  # the Thursday before publication


# Places of the gazetteer, as the places stage resolves them: (words, name, country, geonameid).
_EU = ("EU", "European Union", None, None)  # an area of no one country
_TURKEY = ("Turkey", "Turkey", "TR", 298795)
_IRAQ = ("Iraq", "Iraq", "IQ", 99237)
_CROYDON = ("Croydon", "Croydon", "GB", 2651817)


def _headline_place(title, what, actor, places):
    """The main event's (what, actor, place) of a headline of one event at ``places``
    (words, name, country, geonameid)."""
    head = Analysis(
        article=Article(id="a", text=title, title=title),
        events=(Event("a", _span(title, what), OTHER, actor=actor),),
        places=tuple(Place("a", _span(title, w), w, n, country=c, geonameid=g) for w, n, c, g in places),
    )
    analysis = _article("Officials gave no details. " + "x" * LEAD_CHARS, title=title)
    found = find_main_event(analysis, None, Headline(head, None))
    return found.what, found.actor, found.place


@pytest.mark.parametrize(
    ("title", "what", "actor", "places", "expected"),
    [
        # the actor itself is who acts, not where
        ("EU agrees sanctions on Velmia", "agrees sanctions on Velmia", "European Union", [_EU], None),
        ("Turkey bombs positions in Iraq", "bombs positions", "Turkey", [_TURKEY, _IRAQ], "Iraq"),
        # a country or a union of them that owns the actor says whose, not where
        ("Turkey's army bombs positions", "bombs positions", "Turkey's army", [_TURKEY], None),
        ("EU ministers agree sanctions", "agree sanctions", "EU ministers", [_EU], None),
        # a town in the actor's words still says where, and so does a place said as where
        ("Croydon tram crash survivor recalls the night", "recalls the night", "Croydon tram crash survivor",
         [_CROYDON], "Croydon"),
        ("Rescuers in Turkey find survivors", "find survivors", "Rescuers in Turkey", [_TURKEY], "Turkey"),
    ],
)
def test_a_place_that_names_the_actor_is_not_where(title, what, actor, places, expected):
    assert _headline_place(title, what, actor, places) == (what, actor, expected)


_ZIMBABWE = ("Zimbabwe", "Zimbabwe", "ZW", 878675)
_HARARE = ("Harare", "Harare", "ZW", 890299)
_CHILE = ("Chile", "Chile", "CL", 3895114)


@pytest.mark.parametrize(
    ("title", "what", "actor", "places", "expected"),
    [
        # the side beaten is whom the contest was against, not where it was played
        ("Velmia thrash Zimbabwe by eight wickets", "thrash Zimbabwe", "Velmia", [_ZIMBABWE], None),
        ("Velmia beat Chile on penalties", "beat Chile", "Velmia", [_CHILE], None),
        ("Velmia edged by Chile in final", "edged", None, [_CHILE], None),
        ("Velmia draw with Chile", "draw with Chile", "Velmia", [_CHILE], None),
        # where it was played stays where
        ("Velmia thrash Zimbabwe in Harare", "thrash Zimbabwe", "Velmia", [_ZIMBABWE, _HARARE], "Harare"),
    ],
)
def test_a_country_beaten_in_a_contest_is_not_where(title, what, actor, places, expected):
    found_what, _, found_place = _headline_place(title, what, actor, places)
    assert (found_what, found_place) == (what, expected)


@pytest.mark.parametrize(
    ("title", "lead", "what"),
    [
        # the gerund of "for" or "after" says why or after what: the headline's verb is what happened
        ("Man jailed for killing wife in Leeds", "The man was jailed for life on Friday, police said.",
         "Man jailed for killing wife"),
        ("Man arrested after stabbing guard in Leeds", "A man was arrested on Friday after stabbing a guard.",
         "Man arrested"),
    ],
)
def test_an_event_of_a_gerund_of_time_or_reason_is_not_the_main_event(nlp, title, lead, what):
    main = _ingested(title, lead).main_event
    assert (main.in_title, main.what) == (True, what)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Striking nurses walk out in London", "walk out"),  # "out" tagged an adverb (advmod)
        ("Fighting breaks out in Leeds", "breaks out"),  # tagged a particle (prt)
    ],
)
def test_a_headlines_particle_is_part_of_its_verb(nlp, text, expected):
    subj, verb = main_clause(nlp(text)[:])
    start, end = verb_phrase(verb, verb.doc[:])
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        # the parse splits "A magnitude 6.8 earthquake" into two subjects: the later is the head
        ("Earthquake strikes off coast of Japan", "A magnitude 6.8 earthquake struck off the coast of Japan"),
        ("Quake hits Japan", "A magnitude 6.8 earthquake struck off the coast of Japan"),
    ],
)
def test_a_noun_phrase_split_into_two_subjects_acts_by_its_head(nlp, title, lead):
    main = _ingested(title, lead).main_event
    assert main.actor != "magnitude"


@pytest.mark.parametrize(
    ("title", "what", "mentions", "expected"),
    [
        # a town's own name typed NORP is a place; a people's adjective is not
        ("Syrian army retakes Aleppo", "retakes Aleppo", [("Syrian", "Syria"), ("Aleppo", "Aleppo")], "Aleppo"),
        ("Army retakes town from Syrian rebels", "retakes town", [("Syrian", "Syria")], None),
    ],
)
def test_a_places_own_name_typed_as_a_people_is_a_place(title, what, mentions, expected):
    head = Analysis(
        article=Article(id="a", text=title, title=title),
        events=(Event("a", _span(title, what), OTHER, actor="army"),),
        mentions=tuple(Mention("a", _span(title, w), w, "NORP", f"norp:{w.lower()}") for w, _ in mentions),
        places=tuple(Place("a", _span(title, w), w, n) for w, n in mentions),
    )
    analysis = _article("Officials gave no details. " + "x" * LEAD_CHARS, title=title)
    assert find_main_event(analysis, None, Headline(head, None)).place == expected


def test_an_actors_name_ends_before_a_verb_the_parse_hung_on_it(nlp):
    """"floods triggered by monsoon rains killed 38": the parse hangs "killed" on "rains" as a
    participle; with an object it is no reduced relative, so no part of the actor's name."""
    analysis = _ingested("Flash Floods Kill 38 In Northern Pakistan",
                         "Flash floods triggered by monsoon rains killed at least 38 people in northern Pakistan on "
                         "Sunday, officials said. The flash floods swept away homes.")
    assert analysis.main_event.actor in (None, "monsoon rains")


@pytest.mark.parametrize(
    ("title", "lead", "actor"),
    [
        # a headline's description of one person: the lead names who
        ("Velm tram crash survivor recalls the night",
         "A father who survived the crash spoke to reporters. Rescue crews worked through the "
         "night. Marta Vell, 30, was on the tram when it left the rails.",
         "Marta Vell"),
        # ... not the one who reports it, nor where the description names whose ("Vell aide")
        ("Gunman kills five in Ardo", "A gunman killed five people in Ardo on Sunday, police chief Ivo Korr said.",
         "Gunman"),
    ],
)
def test_a_headlines_description_of_a_person_is_the_person_the_lead_names(nlp, title, lead, actor):
    main = _ingested(title, lead).main_event
    assert (main.in_title, main.actor) == (True, actor)


def test_a_survivors_port_is_not_where_and_the_day_of_the_telling_not_when(nlp):
    """"brought the survivors to the port of Misrata" names where they were taken, not where
    the boat sank; in "sank late on Friday, the agency said on Sunday" the event is Friday's."""
    title = "Dozens of migrants drown as boat sinks off Libya"
    content = title + ("\n\nAt least 30 migrants drowned when their boat sank off western Libya late on Friday, "
                       "the agency said on Sunday.\n\nThe coast guard brought 12 survivors to the port of Misrata.")
    main = _ingested(title, content).main_event
    assert (main.place, main.when) == ("Libya", "2031-05-09")


def test_a_strait_keeps_its_name():
    """A feature's name that ends in "of" takes the name after it, whatever the model typed
    it. (A toll as the headline's "who" stays: the story reads it to tell a count's change
    from the event, ``compare.tells_a_count``.)"""
    import newsdesk

    main = newsdesk.analyse_text("The crew was unharmed, officials said.",
                                 title="Tanker seized in Strait of Hormuz by Iranian forces",
                                 published="2026-03-05").main_event
    assert main is not None and main.place == "Strait of Hormuz"
