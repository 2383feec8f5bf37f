"""The main event of news of many kinds (issue 7): who, what, when and where as a reader
reads them in leads of sport, business, science, politics, disasters and crime.

The articles are written for these tests (invented people and events, real towns where the
gazetteer must know them); each runs the real per-article stages with the session ``nlp``
fixture, as a user's article goes.
"""

from __future__ import annotations

import pytest

from newsdesk.clean import clean_document
from newsdesk.facts.main import find_main_event
from newsdesk.model import Analysis, Article, DateRef, Document, Event, Mention, Place
from newsdesk.pipeline import analyse


def _at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _ingested(title: str, content: str, published: str = "2031-05-12") -> Analysis:
    """An article as the pipeline makes it: cleaned, then the per-article stages."""
    article = clean_document(Document(origin="t", content=content, title=title, published=published))
    (analysis,) = analyse([article])
    return analysis


@pytest.mark.parametrize(
    ("title", "actor"),
    [
        # a town that is the subject of a tensed verb acts, as a team or a council does
        ("Denver beat Portland in overtime", "Denver"),
        ("Leeds bans cars from city centre", "Leeds"),
        ("Portland approves new stadium deal", "Portland"),
        ("Toyota to raise car prices in Europe", "Toyota"),  # a firm named for its town
    ],
)
def test_a_town_that_is_a_verbs_subject_is_who(nlp, title, actor):
    analysis = _ingested(title, "The players of both sides arrived by coach on Saturday.\n\nFans sang.")
    main = analysis.main_event
    assert (main.in_title, main.actor) == (True, actor)


@pytest.mark.parametrize(
    ("title", "lead", "actor"),
    [
        # a force of nature that is also a happening's word is who for the disaster, not
        # the rescuers or the officials the lead names next
        ("Earthquake kills dozens in Peru",
         "A strong earthquake struck southern Peru on Sunday, killing at least 30 people. "
         "Rescue teams searched the rubble through the night.", "strong earthquake"),
        ("Storm sinks ferry off Bergen",
         "A violent storm sank a ferry off Bergen on Sunday. The coastguard rescued 20 passengers.", "violent storm"),
        # ... a force that is no happening's word already was
        ("Floods kill 12 in Peru",
         "Torrential rain has killed 12 people in Peru. Rescuers searched for nine people.", "Torrential rain"),
        # ... and one who acts in a happening still is who
        ("Stabbing leaves two injured in Leeds",
         "An armed man attacked shoppers at a market in Leeds on Sunday. Police came.", "armed man"),
    ],
)
def test_a_force_of_nature_is_who_for_its_disaster(nlp, title, lead, actor):
    main = _ingested(title, lead + "\n\nIt was a cold day.").main_event
    assert (main.in_title, main.actor) == (True, actor)


@pytest.mark.parametrize(
    ("title", "lead", "actor"),
    [
        # a headline's role word is the person the lead names in apposition to its subject,
        # not the next person the lead names
        ("Prime minister resigns after losing vote",
         "The prime minister of Velmia, Ivo Korr, resigned on Monday, hours after losing a vote in parliament. "
         "President Ana Vell will name a successor.", "Ivo Korr"),
        ("Head coach quits after heavy defeat",
         "The club's head coach, Maria Lund, quit on Sunday after a 5-0 defeat. Chairman Tom Hale thanked her.",
         "Maria Lund"),
        # a name the model took for an appositive without a comma is none ("budget carrier SkyWays")
        ("Airline chief steps down amid safety probe",
         "The chief executive of budget carrier SkyWays, Martin Kell, stepped down on Monday as regulators "
         "widened an inquiry. Finance director Ruth Aldous will run the airline.", "Martin Kell"),
        # a name in capitals (a tabloid's opening, which the model tags as no one) is the
        # person the article names so elsewhere
        ("Racing legend makes tearful farewell at home race",
         "The racer will stop at the end of this year.\n\nIVO KORR did not get the send-off he wanted in his "
         "last home race after a crash in the rain. Fans cheered Ivo Korr all the same.", "Ivo Korr"),
        # ... a person who is the subject already was (the lead's clause, which names them, may
        # then outrank the headline's)
        ("Head coach quits after heavy defeat",
         "Maria Lund quit on Sunday after a 5-0 defeat. Chairman Tom Hale thanked her.", "Maria Lund"),
    ],
)
def test_a_role_word_is_the_person_the_lead_names_in_apposition(nlp, title, lead, actor):
    assert _ingested(title, lead + "\n\nThe club said nothing more.").main_event.actor == actor


_GEORGIA = dict(name="Georgia", country="GE", geonameid=614540)
_BATUMI = dict(name="Batumi", country="GE", geonameid=615532)


@pytest.mark.parametrize(
    ("text", "organisation", "expected"),
    [
        # "of" after an organisation's name says whose it is: the town is no place of the event
        ("Scientists found a new frog in Georgia, the University of Batumi said.", "the University of", "Georgia"),
        ("Prices rose in Georgia last month, the Bank of Batumi said.", "the Bank of", "Georgia"),
        # ... and after a noun that is no kind of place, the town is whose it is
        ("Scientists found a new frog in Georgia, the mayor of Batumi said.", None, "Georgia"),
        # ... as it is a part of a place after a noun that names one
        ("Scientists found a new frog in Georgia, near the port of Batumi.", None, "Batumi"),
        ("Scientists found a new frog in Georgia, on the outskirts of Batumi.", None, "Batumi"),
    ],
)
def test_a_town_after_of_is_part_of_a_place_only_after_a_kind_of_place(text, organisation, expected):
    places = (Place("a", _at(text, "Georgia"), "Georgia", **_GEORGIA),
              Place("a", _at(text, "Batumi"), "Batumi", **_BATUMI))
    mentions = tuple(Mention("a", p.span, p.text, "GPE", "gpe:" + p.text) for p in places)
    if organisation:
        mentions += (Mention("a", _at(text, organisation), organisation, "ORG", "org:1"),)
    verb = text.split()[1]
    event = Event(article_id="a", span=_at(text, verb), type="OTHER", actor=text.split()[0])
    article = Article(id="a", text=text, published="2031-05-12")
    found = find_main_event(Analysis(article=article, mentions=mentions, places=places, events=(event,)))
    assert found.place == expected


@pytest.mark.parametrize(
    ("title", "what"),
    [
        # "because of" says why, not what happened
        ("Velmo recalls two million cars because of a brake fault", "recalls two million cars"),
        ("Ardo council closes the old bridge because of storm damage", "closes the old bridge"),
        # ... what it was done to stays
        ("Velmo recalls two million cars", "recalls two million cars"),
    ],
)
def test_a_reason_is_no_part_of_what_happened(nlp, title, what):
    main = _ingested(title, "The news came late on Sunday.\n\nNo one was hurt.").main_event
    assert (main.in_title, main.what) == (True, what)


@pytest.mark.parametrize(
    "quotation",
    [
        # a quotation of several sentences: its sentences are someone's words, not what happened
        "“He is right. The council cut our budget by half in a gap year,” Korr told reporters.",
        "“He is right,” Korr said. “The council cut our budget by half in a gap year.”",
    ],
)
def test_a_sentence_of_a_long_quotation_is_no_main_event(nlp, quotation):
    title = "Korr says mayor 'right' about the budget"
    lead = "Former mayor Ivo Korr said on Monday that the mayor was “right” about the budget.\n\n" + quotation
    main = _ingested(title, lead + "\n\nThe council meets in June.").main_event
    assert main.what not in quotation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country that owns what follows it is whose, not where
        ("Georgia's Ivo Korr won the race on Sunday.", None),
        ("Scientists studied Georgia's rivers on Sunday.", None),
        # ... unless a preposition says where
        ("Ivo Korr won the race in Georgia's north on Sunday.", "Georgia"),
    ],
)
def test_a_country_that_owns_a_noun_is_no_place(text, expected):
    places = (Place("a", _at(text, "Georgia"), "Georgia", **_GEORGIA),)
    mentions = tuple(Mention("a", p.span, p.text, "GPE", "gpe:" + p.text) for p in places)
    verb = "won" if "won" in text else "studied"
    event = Event(article_id="a", span=_at(text, verb), type="OTHER", actor="Ivo Korr")
    article = Article(id="a", text=text, published="2031-05-12")
    found = find_main_event(Analysis(article=article, mentions=mentions, places=places, events=(event,)))
    assert found.place == expected


@pytest.mark.parametrize(
    ("title", "lead", "actor"),
    [
        # a headline's description of a firm is the name the lead gives the actor of the
        # headline's verb, also in a report's words
        ("German carmaker cuts 5,000 jobs",
         "Volkswagen said on Tuesday it would cut 5,000 jobs at its plants, blaming weak demand. "
         "The cuts will be made over three years.", "Volkswagen"),
        ("Dutch bank closes 40 branches",
         "Ardo Bank closed 40 of its branches on Monday as more customers moved online. Staff will be moved.",
         "Ardo Bank"),
    ],
)
def test_a_headlines_description_of_a_firm_is_the_name_the_lead_gives(nlp, title, lead, actor):
    main = _ingested(title, lead + "\n\nThe unions were not told.").main_event
    assert main.actor == actor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the lead's where is where something happened, not where a plan is to happen
        ("Rebels shelled the depot on Sunday. Talks will be held in Batumi next week.", None),
        ("Rebels shelled the depot on Sunday. Envoys are due to meet in Batumi next week.", None),
        ("Rebels shelled the depot on Sunday. The shells fell in Batumi overnight.", "Batumi"),
        # ... nor does a country give way to a town where a plan is to happen
        ("Rebels shelled the depot in Georgia. Talks will be held in Batumi next week.", "Georgia"),
        ("Rebels shelled the depot in Georgia. The shells fell in Batumi overnight.", "Batumi"),
    ],
)
def test_a_place_where_a_plan_is_to_happen_is_not_where(text, expected):
    places = tuple(Place("a", _at(text, name), name, **data) for name, data in
                   (("Georgia", _GEORGIA), ("Batumi", _BATUMI)) if name in text)
    mentions = tuple(Mention("a", p.span, p.text, "GPE", "gpe:" + p.text) for p in places)
    event = Event(article_id="a", span=_at(text, "shelled the depot"), type="ASSAULT", actor="Rebels")
    article = Article(id="a", text=text, published="2031-05-12")
    found = find_main_event(Analysis(article=article, mentions=mentions, places=places, events=(event,)))
    assert found.place == expected


@pytest.mark.parametrize(
    ("second", "year", "expected"),
    [
        # a sentence dated years back is background: its place is not where the news happened
        ("The club has played in Batumi since 1971.", "1971", None),
        ("The club has played in Batumi since May.", "2031-05", "Batumi"),
        ("The club played in Batumi on Sunday.", None, "Batumi"),
    ],
)
def test_a_place_of_a_sentence_dated_years_back_is_not_where(second, year, expected):
    text = f"The council approved a new stadium on Tuesday. {second}"
    places = (Place("a", _at(text, "Batumi"), "Batumi", **_BATUMI),)
    mentions = (Mention("a", places[0].span, "Batumi", "GPE", "gpe:Batumi"),)
    when = next((w for w in ("1971", "May", "Sunday") if w in second), None)
    dates = (DateRef("a", _at(text, when), when, year),) if year else ()
    event = Event(article_id="a", span=_at(text, "approved a new stadium"), type="OTHER", actor="council")
    article = Article(id="a", text=text, published="2031-05-12")
    found = find_main_event(Analysis(article=article, mentions=mentions, places=places, dates=dates, events=(event,)))
    assert found.place == expected
