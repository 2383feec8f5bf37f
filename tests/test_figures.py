"""Figures: number phrases (property-tested), what they count, who reports them, flags."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.facts.figures import find_figures
from newsdesk.facts.numbers import find_numbers, word_value
from newsdesk.facts.quotes import find_quotes
from newsdesk.model import Analysis, Article, Flag, article_id
from newsdesk.nlp.dates import resolve_dates
from newsdesk.nlp.entities import find_mentions


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "approximate"),
    [
        ("27", 27, None, False),
        ("1,960", 1960, None, False),
        ("two", 2, None, False),
        ("twenty-seven", 27, None, False),
        ("two hundred thousand", 200_000, None, False),
        ("2.5 million", 2_500_000, None, False),
        ("a dozen", 12, None, False),
        ("hundreds", 200, "at least", True),
        ("tens of thousands", 20_000, "at least", True),
        ("about 2,000", 2000, "about", True),
        ("an estimated 120,000", 120_000, "about", True),
        ("at least 200", 200, "at least", False),
        ("more than 40", 40, "more than", False),
        ("up to 15", 15, "up to", False),
        ("as much as 7", 7, "up to", False),  # "shares fell as much as 7%"
        ("nearly 90", 90, "nearly", True),
        ("between 30 and 40", 30, "range", True),
        ("10-15", 10, "range", True),
        ("1.2 lakh", 120_000, None, False),  # South Asian English: a lakh is 100,000
        ("three lakh", 300_000, None, False),
        ("more than 2 crore", 20_000_000, "more than", False),  # a crore is ten million
        ("several thousand", 3000, "at least", True),  # "several" is more than two
    ],
)
def test_number_phrases(text, value, qualifier, approximate):
    [n] = find_numbers(f"They counted {text} on the road.")
    assert (n.value, n.qualifier, n.approximate) == (value, qualifier, approximate)


@pytest.mark.parametrize("text", ["The first shots came at 14:45 GMT.", "The motion passed by a 3:1 margin.",
                                  "Updated 09:05 local time"])
def test_a_clock_time_or_ratio_is_no_number(text):
    assert list(find_numbers(text)) == []


def test_a_range_keeps_its_upper_end():
    [n] = find_numbers("between 30 and 40 houses")
    assert n.high == 40


@given(st.text(max_size=60))
def test_find_numbers_never_raises_and_spans_point_at_their_text(text):
    for n in find_numbers(text):
        assert text[n.span[0] : n.span[1]] == n.text


@given(st.integers(min_value=0, max_value=99))
def test_number_words_read_back(n):
    ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    word = ones[n] if n < 20 else tens[n // 10] + (f"-{ones[n % 10]}" if n % 10 else "")
    assert word_value(word) == n


def analyse(nlp, text: str, flags: tuple[Flag, ...] = ()) -> Analysis:
    doc = nlp(text)
    article = Article(id=article_id(text), text=text, flags=flags)
    analysis = find_quotes(find_mentions(Analysis(article=article), doc), doc)
    return find_figures(analysis, doc)


def figure(analysis: Analysis, value: float):
    found = [f for f in analysis.figures if f.value == value]
    assert len(found) == 1, analysis.figures
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "quantity", "subject"),
    [
        ("Officials counted 31 deaths in the valley.", 31, "killed", None),
        ("The shelling killed five civilians near the market.", 5, "killed", "civilians"),
        ("Three soldiers were wounded in the clash.", 3, "injured", "soldiers"),
        ("There were two dead and 14 people injured.", 14, "injured", "people"),
        ("Nine fishermen are still missing after the storm.", 9, "missing", "fishermen"),
        ("More than 3,000 families fled the district.", 3000, "displaced", "families"),
        ("Police arrested 42 protesters on Friday.", 42, "arrested", "protesters"),
        ("The alliance sent 800 troops to the border.", 800, "troops", None),
        ("About 1,500 peacekeepers patrol the zone.", 1500, "peacekeepers", None),
        ("The island is home to a population of 45,000.", 45_000, "population", None),
        ("The valley is inhabited by some 8,000 farmers.", 8000, "population", "farmers"),
        ("The camp lies 35 kilometers south of the city.", 35, "distance", None),
        ("The ferry sank 18 nautical miles off the cape.", 18, "distance", None),
        ("The bank lent $40 million to the port.", 40_000_000, "money", None),
        ("The siege lasted 12 days.", 12, "duration", None),
        ("Hundreds of students marched to the ministry.", 200, "protesters", "students"),
        # a toll stated apart from its number
        ("By noon the death toll had climbed to 85.", 85, "killed", None),
        ("The coroner later put the toll at 1,240.", 1240, "killed", None),
        ("The toll stands at 19, the fire service said.", 19, "killed", None),
        ("The tornado left a death toll of 31 across the county.", 31, "killed", None),
        ("The number of people arrested rose to 112 overnight.", 112, "arrested", "people"),  # as "14 people injured"
        ("The number of displaced passed 9,000 by Friday.", 9000, "displaced", None),
        ("The injury toll may reach 300.", 300, "injured", None),
        # what a passive's complement says its subject became
        ("Seven workers had been confirmed dead by the evening.", 7, "killed", "workers"),
        ("Five sailors were reported killed in the blast.", 5, "killed", "sailors"),
        ("About 60 climbers were still unaccounted for.", 60, "missing", "climbers"),
    ],
)
def test_what_a_figure_counts(nlp, text, value, quantity, subject):
    f = figure(analyse(nlp, text), value)
    assert (f.quantity, f.subject) == (quantity, subject)


@pytest.mark.parametrize(
    ("text", "value", "quantity", "subject"),
    [
        # staff of a rescue service or a hospital are no army's
        ("The government sent 6,200 personnel to search the collapsed buildings.", 6200, "count", "personnel"),
        ("More than 3,000 emergency personnel joined the search for survivors.", 3000, "count", "emergency personnel"),
        ("The clinic's 300 staff worked through the night.", 300, "count", "staff"),
        # an army's are troops
        ("The army deployed 4,000 personnel along the northern border.", 4000, "troops", None),
        ("About 500 military personnel took part in the drill.", 500, "troops", None),
        ("This month 120 Freedonian personnel joined naval exercises off the coast.", 120, "troops", None),
    ],
)
def test_personnel_are_troops_only_in_a_military_context(nlp, text, value, quantity, subject):
    f = figure(analyse(nlp, text), value)
    assert (f.quantity, f.subject) == (quantity, subject)


@pytest.mark.parametrize(
    ("text", "value", "quantity", "subject"),
    [
        ("Divers recovered three bodies from the lake on Sunday.", 3, "killed", None),
        ("The bodies of 12 people were pulled from the rubble.", 12, "killed", "people"),
        ("The bodies of nine miners were found on Monday.", 9, "killed", "miners"),
        ("Two bodies were discovered in the burnt-out van.", 2, "killed", None),
        ("Villagers saw 14 dead bodies by the road.", 14, "killed", None),
        ("The remains of four hikers were recovered near the pass.", 4, "killed", "hikers"),
        # bodies found or handed on to a morgue, told by a participle after them or a verb
        ("Nurses said 31 bodies received at the clinic bore bullet wounds.", 31, "killed", None),
        ("Most of the 16 bodies pulled from the canal were young men.", 16, "killed", None),
        ("The district morgue received 22 bodies on Saturday.", 22, "killed", None),
        ("Eight bodies were taken to the county hospital.", 8, "killed", None),
        # bodies that are no one's dead: governing bodies
        ("Two bodies oversee the vote in the province.", 2, "count", "bodies"),
        ("Three regional bodies received extra funding.", 3, "count", "bodies"),
        # bodies counted in error correct a toll: their number is no toll
        ("The toll fell to 14 after two bodies were counted twice.", 2, "count", "bodies"),
        ("Officials said five bodies had been wrongly counted in the total.", 5, "count", "bodies"),
        ("Three bodies were recorded by mistake at the morgue.", 3, "count", "bodies"),
    ],
)
def test_bodies_found_are_the_dead(nlp, text, value, quantity, subject):
    f = figure(analyse(nlp, text), value)
    assert (f.quantity, f.subject) == (quantity, subject)


@pytest.mark.parametrize(
    ("text", "value", "quantity", "subject"),
    [
        ("Clinics in the delta logged 1,200 new cases of cholera this week.", 1200, "infected", None),
        ("The measles outbreak has infected 300 children since May.", 300, "infected", "children"),
        ("Nearly 450 villagers were infected after the well was fouled.", 450, "infected", "villagers"),
        ("Health workers confirmed 85 dengue cases in the port.", 85, "infected", None),
        ("The ministry recorded 2,300 infections by Friday.", 2300, "infected", None),
        # cases of no illness are a count of cases
        ("The court heard 40 cases of fraud last year.", 40, "count", "cases"),
        ("Dockers unloaded 600 cases of wine at the quay.", 600, "count", "cases"),
    ],
)
def test_an_outbreaks_cases_and_infections_count_the_infected(nlp, text, value, quantity, subject):
    f = figure(analyse(nlp, text), value)
    assert (f.quantity, f.subject) == (quantity, subject)


def test_parts_after_including_take_their_totals_quantity(nlp):
    a = analyse(nlp, "The strike killed 12 people, including four children, on Sunday.")
    assert figure(a, 4).quantity == "killed"
    assert figure(a, 4).subject == "children"
    assert figure(a, 12).as_of == "Sunday"


def test_who_reports_a_figure(nlp):
    a = analyse(
        nlp,
        "According to the health ministry, 19 people were killed.\n"
        "The governor said that 40 homes were destroyed.\n"
        "“We counted 7 bodies in the river,” said Lena Ortiz.",
    )
    assert figure(a, 19).reported_by == "the health ministry"
    assert figure(a, 40).reported_by == "The governor"
    assert figure(a, 7).reported_by == "Lena Ortiz"


def test_a_toll_since_a_years_outbreak_is_no_background(nlp):
    a = analyse(nlp, "More than 900 people have been killed since fighting broke out in the valley in May 2029.")
    assert figure(a, 900).as_of.startswith("since fighting broke out") and not figure(a, 900).background


@pytest.mark.parametrize(
    ("text", "value", "as_of"),
    [
        # a toll in a "when" clause of a past year is that year's: background, not current
        ("The outbreak is the worst in the country since 2023, when more than 1,700 people died.", 1700, "2023"),
        ("It was the deadliest attack since 2015, when gunmen killed 130 people in the capital.", 130, "2015"),
        ("Floods were last this bad in March 2019, when 60 people died.", 60, "March 2019"),
    ],
)
def test_a_toll_in_a_when_clause_of_a_past_year_is_background(nlp, text, value, as_of):
    fig = figure(analyse(nlp, text), value)
    assert (fig.background, fig.as_of) == (True, as_of)


@pytest.mark.parametrize(
    ("text", "value", "background"),
    [
        # a rate year after year is background; the report's own toll is not
        ("Landslides at such sites kill more than 300 people every year.", 300, True),
        ("Road accidents kill about 1,200 people annually in the country.", 1200, True),
        ("The landslide killed 27 people on Sunday.", 27, False),
    ],
)
def test_a_yearly_rate_is_background(nlp, text, value, background):
    assert figure(analyse(nlp, text), value).background is background


def test_a_current_toll_beside_a_past_year_stays_current(nlp):
    a = analyse(nlp, "The outbreak has killed 38 people, the worst since 2023, when 1,700 died.")
    assert not figure(a, 38).background and figure(a, 1700).background


@pytest.mark.parametrize(
    ("text", "reporter"),
    [
        ("Local officials had earlier put the toll at 21 dead.", "Local officials"),
        ("The ministry set the death toll at 14 dead on Friday.", "The ministry"),
    ],
)
def test_who_puts_a_toll_at_a_number_reports_it(nlp, text, reporter):
    [fig] = [f for f in analyse(nlp, text).figures if f.quantity == "killed"]
    assert fig.reported_by == reporter


def test_as_of_and_background(nlp):
    a = analyse(
        nlp,
        "As of now, 23 people have been killed in the fighting.\n"
        "The 1998 war killed 6,000 people in the same valley.",
    )
    assert figure(a, 23).as_of == "As of now"
    assert not figure(a, 23).background
    assert figure(a, 6000).background


@pytest.mark.parametrize(
    ("text", "value", "quantity"),
    [
        ("The death toll from the landslide rose to 63 on Thursday.", 63, "killed"),
        ("By nightfall the toll stood at 18.", 18, "killed"),
        ("The number of dead has climbed to 240, up from 197.", 197, "killed"),
        ("The number of dead has climbed to 240, up from 197.", 240, "killed"),
        ("The blast left a death toll of 9.", 9, "killed"),
        ("The number of people injured reached 310.", 310, "injured"),
        ("Rescuers said the tally of missing had fallen to 44.", 44, "missing"),
    ],
)
def test_the_value_of_a_toll_counts_what_the_toll_counts(nlp, text, value, quantity):
    assert figure(analyse(nlp, text), value).quantity == quantity


@pytest.mark.parametrize(
    ("text", "value", "quantity", "subject"),
    [
        # the value before its tally, as wires put a long object last
        ("Tuesday's raids bring to 187 the number of villagers killed in the valley.", 187, "killed", "villagers"),
        ("A third tremor hit at dawn, raising to 52 the death toll.", 52, "killed", None),
        ("The landslide took to 23 the number of miners missing since Friday.", 23, "missing", "miners"),
        ("Overnight arrests brought to 410 the number of students detained.", 410, "arrested", "students"),
        # a casualty word beside the protesters says what their tally counts
        ("The crackdown took to 18 the number of protesters killed this month.", 18, "killed", "protesters"),
        # whom a tally counts is the subject wherever the value stands
        ("The number of nurses injured has reached 64.", 64, "injured", "nurses"),
        ("The number of injured has reached 64.", 64, "injured", None),
    ],
)
def test_a_value_before_its_tally_counts_what_the_tally_counts(nlp, text, value, quantity, subject):
    f = figure(analyse(nlp, text), value)
    assert (f.quantity, f.subject) == (quantity, subject)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The death toll rose to 30 in four districts.", 4),  # counts districts
        ("The casualty toll rose to 75.", 75),  # the dead and the hurt together
        ("Officials said the toll would be announced in 2 hours.", 2),
        ("Mourners counted the dead in Ostrava, days after floodwater from two broken dikes swept the town.", 2),
    ],
)
def test_a_toll_gives_no_quantity_to_other_numbers(nlp, text, value):
    assert [f for f in analyse(nlp, text).figures if f.value == value and f.quantity == "killed"] == []


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        ("The number of dead has climbed to 240, officials said, up from 197 a day earlier.", "a day earlier"),
        ("The toll rose to 240 from 197 a week earlier.", "a week earlier"),
    ],
)
def test_a_time_in_another_numbers_phrase_is_that_numbers(nlp, text, earlier):
    a = analyse(nlp, text)
    assert (figure(a, 197).as_of, figure(a, 240).as_of) == (earlier, None)


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("Hours later, officials said two explosions had killed nine people on Tuesday morning.", "Tuesday morning"),
        ("\"We are afraid,\" said Mara Veld, 34, who was hiding with her three children.", None),
        ("Three days after the storm, rescuers had found 40 bodies.", None),
        ("Shelling overnight wounded 12 people, the mayor said.", "overnight"),
        # a time in a clause conjoined to the number's dates that clause; above or under it, the number
        ("The doctor said 12 people had died, and that the wounded had been moved to the city overnight.", None),
        ("Police said 12 people were arrested and that the square was cleared on Sunday.", None),
        ("The ministry said on Sunday that 12 people had been killed.", "Sunday"),
        ("Nine people were killed when the shell hit the market on Sunday.", "Sunday"),
        # a time in the count noun's phrase dates what is counted, not the count
        ("The number of people who died when the ferry sank on Sunday has risen to 12.", None),
        ("The toll from Sunday's blast has risen to 12, officials said on Tuesday.", "Tuesday"),
        ("A 15-year-old boy who survived said he had paid 3 guides.", None),
        ("Under the truce, which is to last six weeks, the militia will free 12 hostages.", None),
        # a relative clause on a place names a past deed there: the sentence's time is another act's
        ("A court on Friday jailed a captain for ordering a raid on a hamlet where 12 farmers were killed.", None),
        ("The blast, which killed 12 people, was claimed on Friday by a little-known group.", "Friday"),
    ],
)
def test_a_figure_is_as_of_a_point_in_time_never_a_length_or_an_age(nlp, text, as_of):
    counted = [f for f in analyse(nlp, text).figures if f.value in (9, 3, 40, 12)]
    assert counted and all(f.as_of == as_of for f in counted)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Officials said two explosions had killed nine people on Tuesday morning.", "2024-05-07"),
        ("As of Monday, nine people had been killed.", "2024-05-06"),
        # a count since a time holds up to the report: the time starts the count
        ("Nine people have been killed since Sunday.", None),
        ("Nine people were killed in the fighting, officials said.", None),
    ],
)
def test_the_time_a_figure_holds_as_of_has_its_date(nlp, text, value):
    """The as-of words carry the dates stage's value (an article of Wednesday 2024-05-08),
    by which a story orders its figures."""
    doc = nlp(text)
    article = Article(id=article_id(text), text=text, published="2024-05-08")
    analysis = resolve_dates(find_quotes(find_mentions(Analysis(article=article), doc), doc), doc)
    assert figure(find_figures(analysis, doc), 9).as_of_value == value


@pytest.mark.parametrize(
    "text",
    [
        "The number of cases rose to 80.",  # a count we cannot name
        "Two men tried to flee.",  # what they tried, not what they became
    ],
)
def test_a_number_of_unnamed_things_is_no_casualty(nlp, text):
    assert all(f.quantity in ("count",) for f in analyse(nlp, text).figures)


def test_years_and_ages_ago_are_not_figures(nlp):
    a = analyse(nlp, "The town was founded in 1846, and the bridge fell three years ago.")
    assert a.figures == ()


@pytest.mark.parametrize(
    "text",
    [
        "Lena Hart, a 27-year-old nurse, was arrested on Monday.",
        "A six-month-old baby was carried out of the house.",
        "The man, who is 58 years old, spoke to reporters.",
    ],
)
def test_an_age_is_no_length_of_time(nlp, text):
    assert [f for f in analyse(nlp, text).figures if f.quantity == "duration"] == []


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Tomas Ferrer, 45, was arrested at his home on Monday.", []),
        ("Police detained Ilse Moreau (32) outside the court.", []),
        ("Four people, including a driver, Omar Saleh, 27, were killed.", [("killed", 4.0)]),
        ("Police arrested Dana Kell, 38, and two other reporters.", [("arrested", 2.0)]),
    ],
)
def test_an_age_beside_a_name_is_no_count(nlp, text, counts):
    assert [(f.quantity, f.value) for f in analyse(nlp, text).figures] == counts


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Heavy rain forced more than 8,000 people from their homes on Thursday.", 8000),
        ("The shelling drove about 3,000 residents out of the village.", 3000),
        ("The fighting forced 500 families to flee.", 500),
        ("The fire forced about 30,000 people to leave their homes.", 30000),
        ("The fighting forced 500 families to abandon their villages.", 500),
        ("More than 20,000 people have crossed from Darfur into eastern Chad.", 20000),  # UNHCR: refugees
        ("About 3,000 refugees crossed the border on Monday.", 3000),
        ("The government put the number of new arrivals at 35,000.", 35000),
        ("Eight people died and more than 10,000 have been forced from their homes.", 10000),
        ("About 2,000 villagers were driven out of the village by the fighting.", 2000),
    ],
)
def test_people_driven_from_their_homes_are_displaced(nlp, text, value):
    assert figure(analyse(nlp, text), value).quantity == "displaced"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Aid agencies said a camp housing 20,000 people near the town had run out of water.", 20000),
        ("The Kalma camp, which shelters 400,000 people, came under fire.", 400000),
        ("The camps host more than 30,000 people, the agency said.", 30000),
    ],
)
def test_the_people_a_camp_houses_are_displaced(nlp, text, value):
    assert figure(analyse(nlp, text), value).quantity == "displaced"


@pytest.mark.parametrize(
    ("text", "value", "quantity"),
    [
        ("About 50,000 people marched through the capital on Saturday.", 50000, "protesters"),
        ("Thousands rallied outside the courthouse.", 2000, "protesters"),
        ("Forty demonstrators were hospitalised after the clashes.", 40, "injured"),
        ("Two marches were planned for the weekend.", 2, "count"),  # marches are no marchers
    ],
)
def test_people_who_march_are_protesters_and_the_hospitalised_injured(nlp, text, value, quantity):
    assert figure(analyse(nlp, text), value).quantity == quantity


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("A lorry tipped 2 million litres of milk into the ditch.", 2_000_000, "litre"),
        ("The depot stores 5,000 liters of fuel.", 5000, "liter"),
        ("Firefighters sprayed 80,000 gallons of foam on the tanks.", 80_000, "gallon"),
        ("The field pumps 60,000 barrels a day.", 60_000, "barrel"),
        ("The dam released 3 million cubic metres of water overnight.", 3_000_000, "cubic metre"),
        ("The pipeline carries 9 billion cubic meters of gas a year.", 9_000_000_000, "cubic meter"),
    ],
)
def test_a_volume_has_its_unit(nlp, text, value, unit):
    f = figure(analyse(nlp, text), value)
    assert (f.quantity, f.unit) == ("volume", unit)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The border is roughly 50 kilometers (90 kilometers) away.", True),
        ("The border is roughly 50 kilometers (31 miles) away.", False),
        ("The border is 80 miles (129 km) away.", False),
        ("The border is 80 miles (80 km) away.", True),
    ],
)
def test_a_conversion_that_does_not_convert_is_flagged(nlp, text, flagged):
    kinds = [f.kind for f in analyse(nlp, text).article.flags]
    assert ("unit_inconsistency" in kinds) is flagged


def test_parts_larger_than_their_total_are_flagged(nlp):
    a = analyse(nlp, "The attack killed five people, including seven police officers.")
    assert [f.kind for f in a.article.flags] == ["total_mismatch"]
    assert analyse(nlp, "The attack killed nine people, including seven police officers.").article.flags == ()


def test_a_repeated_sentence_is_counted_once(nlp):
    sentence = "A mine killed 8 shepherds on Monday."
    text = f"{sentence} Rescuers arrived late. {sentence}"
    repeat = Flag(kind="repeated_sentence", text=sentence, span=(text.rindex(sentence), len(text)))
    a = analyse(nlp, text, flags=(repeat,))
    assert [f.value for f in a.figures] == [8]
    assert a.article.flags == (repeat,)


_PIECES = [*"ab 12,.()\n\"“”«»'-:", " said ", " killed ", " km ", " he ", " including ", " according to "]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_the_facts_stages_never_raise_on_odd_text(nlp, text):
    analysis = analyse(nlp, text)
    for item in (*analysis.quotes, *analysis.figures, *analysis.article.flags):
        assert 0 <= item.span[0] <= item.span[1] <= len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said two landmine explosions had killed six people on Tuesday.", [("killed", 6)]),
        ("Two people were killed and 11 injured, the ombudsman said.", [("killed", 2), ("injured", 11)]),
    ],
)
def test_the_subject_of_a_perfect_tense_kill_is_not_counted_as_dead(nlp, text, expected):
    import newsdesk

    figures = newsdesk.analyse_text(text).figures
    assert [(f.quantity, f.value) for f in figures if f.quantity in ("killed", "injured")] == expected


_OFFENSIVE = "The army pressed on with its offensive in the north on Monday. "


@pytest.mark.parametrize(
    ("text", "value", "incident"),
    [
        (_OFFENSIVE + "Police said two roadside explosions had killed five people.", 5, "roadside explosion"),
        (_OFFENSIVE + "Nine villagers were killed in an air strike on a market, medics said.", 9, "air strike"),
        (_OFFENSIVE + "A car bomb that killed 14 soldiers went off at a checkpoint.", 14, "car bomb"),
        (_OFFENSIVE + "Twelve people died in a fire at a shelter.", 12, "fire"),
        # the campaign itself, or no incident named: the toll of what the article reports
        (_OFFENSIVE + "Officials said 40 people had been killed in the fighting.", 40, None),
        (_OFFENSIVE + "At least 40 people have been killed, officials said.", 40, None),
        # an incident the lead reports is the article's own event
        ("A car bomb killed 14 soldiers at a checkpoint on Monday. Officials said 14 soldiers were killed in the "
         "bombing.", 14, None),
    ],
)
def test_a_toll_of_one_incident_beside_the_articles_event_names_it(nlp, text, value, incident):
    found = {f.incident for f in analyse(nlp, text).figures if f.value == value and f.quantity == "killed"}
    assert found == {incident}


@pytest.mark.parametrize(
    "text",
    ["At least 41 migrants drowned when their boat capsized off Libya.", "Twelve people drowned in the floods.",
     "Two boys drowned."],
)
def test_the_drowned_are_dead(nlp, text):
    assert [f.quantity for f in analyse(nlp, text).figures] == ["killed"]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a day of a month, a label: no count
        ("Health officials say 412 patients have died of cholera as of March 9.", [("killed", 412.0, None)]),
        ("The ministry said 12 people died on 19 February.", [("killed", 12.0, None)]),
        ("Officials fear five may have been killed.", [("killed", 5.0, None)]),
        ("We remain in phase 5 today, the agency said.", []),
        ("And this week 175 soldiers took part in drills.", [("troops", 175.0, None)]),
        # "up to" after a tally or a verb of raising is the value reached, not a bound
        ("Nine more deaths brought the toll up to 48.", [("killed", 9.0, None), ("killed", 48.0, None)]),
        ("Up to 40 people were killed in the attack.", [("killed", 40.0, "up to")]),
    ],
)
def test_days_of_a_month_and_labels_count_nothing_and_a_toll_taken_up_to_a_value_is_no_bound(nlp, text, figures):
    assert [(f.quantity, f.value, f.qualifier) for f in analyse(nlp, text).figures] == figures


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("Clashes since June have killed at least 40 people and displaced some 9,000, the agency said.", "since June"),
        ("Fighting along the river since the spring has left 75 dead.", "since the spring"),
        ("More than 90 people have died since the rains began in May, officials said.", "since the rains began in May"),
    ],
)
def test_a_count_since_a_time_is_as_of_that_time_phrase_alone(nlp, text, as_of):
    assert {f.as_of for f in analyse(nlp, text).figures if f.quantity in ("killed", "displaced")} == {as_of}


@pytest.mark.parametrize(
    ("text", "quantity", "subject"),
    [
        # those who "remain" somewhere live there; those who remain in a state are in it
        ("Some 40,000 Velmians remain in the occupied district.", "population", "Velmians"),
        ("Seventeen miners remain trapped below the collapsed gallery.", "count", "miners"),
        ("Six climbers remain stranded on the ridge.", "count", "climbers"),
        ("Eleven passengers remain in hospital in Tarvik.", "injured", "passengers"),
        ("Thirty students remain in custody after the march.", "arrested", "students"),
        ("Five trawlermen remain missing off the cape.", "missing", "trawlermen"),
    ],
)
def test_those_who_remain_are_what_their_state_or_place_says(nlp, text, quantity, subject):
    [f] = analyse(nlp, text).figures
    assert (f.quantity, f.subject) == (quantity, subject)


def test_a_curfews_hours_date_the_curfew_not_the_toll_before_it(nlp):
    text = ("The army imposed a curfew from 8 p.m. to 6 a.m. after looting left four people dead "
            "and 19 wounded in the port.")
    assert [(f.value, f.as_of) for f in analyse(nlp, text).figures] == [(4, None), (19, None)]


@pytest.mark.parametrize(
    ("text", "as_ofs"),
    [
        # the "since" of a clause beside the number's dates that clause's count, not the day's
        ("Shelling killed nine villagers on Monday, taking to 140 the number of civilians killed since the "
         "siege began in April.", {9: "Monday", 140: "since the siege began in April"}),
        ("Police detained 15 students on Friday and said 260 had been arrested since the protests began.",
         {15: "Friday", 260: "since the protests began"}),
    ],
)
def test_a_since_in_another_clause_dates_that_clauses_count(nlp, text, as_ofs):
    assert {f.value: f.as_of for f in analyse(nlp, text).figures} == as_ofs


@pytest.mark.parametrize(
    ("text", "value", "quantity"),
    [
        ("Officials reported 41 deaths on Monday. By Tuesday evening the figure had climbed to 63.", 63, "killed"),
        ("Police said 120 people had been detained. The number rose to 150 overnight.", 150, "arrested"),
        ("Twelve people were injured in the first blast.\nThe total later reached 30.", 30, "injured"),
    ],
)
def test_a_bare_figure_or_number_that_rises_counts_what_the_count_before_it_counted(nlp, text, value, quantity):
    assert figure(analyse(nlp, text), value).quantity == quantity


@pytest.mark.parametrize(
    "text",
    [
        "The figure had climbed to 63 by Tuesday.",  # nothing counted before it
        "Exports fell by 12 percent. The figure rose to 15 in May.",  # a percent, not a casualty
    ],
)
def test_a_bare_figure_with_no_count_before_it_is_no_casualty(nlp, text):
    assert [f for f in analyse(nlp, text).figures if f.quantity in ("killed", "injured", "arrested")] == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The minister announced compensation of 500,000 rupees for each family.", 500_000, "rupee"),
        ("The fine was set at 2 million yen.", 2_000_000, "yen"),
        ("Bread now costs 300 naira a loaf.", 300, "naira"),
        ("He was ordered to pay 40,000 francs.", 40_000, "franc"),
    ],
)
def test_money_in_other_currencies(nlp, text, value, unit):
    f = figure(analyse(nlp, text), value)
    assert (f.quantity, f.unit) == ("money", unit)


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("At least 20 protesters were treated in hospital after the clashes.", 20, "protesters"),
        ("Fourteen passengers were taken to hospital with minor injuries.", 14, "passengers"),
        ("Nine workers were treated for burns.", 9, "workers"),
    ],
)
def test_people_treated_in_hospital_are_injured(nlp, text, value, subject):
    f = figure(analyse(nlp, text), value)
    assert (f.quantity, f.subject) == ("injured", subject)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The two accomplices were given sentences of six and four years respectively.", {6: "year", 4: "year"}),
        ("The strike could last three or four days.", {3: "day", 4: "day"}),
    ],
)
def test_two_numbers_that_share_a_unit_both_take_it(nlp, text, values):
    found = {f.value: f.unit for f in analyse(nlp, text).figures if f.quantity == "duration"}
    assert found == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a stretch of nights or decades is a length of time, no casualty of what fills it
        ("Two nights of looting left five dead in the market town.", {2: "night"}),
        ("Three decades of insurgency have emptied the hill villages.", {3: "decade"}),
    ],
)
def test_nights_fortnights_and_decades_are_lengths_of_time(nlp, text, values):
    found = {f.value: f.unit for f in analyse(nlp, text).figures if f.quantity == "duration"}
    assert found == values


@pytest.mark.parametrize(
    ("text", "sums"),
    [
        # a second sum in the sentence, its currency left out, is in the first one's
        ("The gang asked for 30 million naira and the family paid 8 million.", {30e6: "naira", 8e6: "naira"}),
        ("The agency sought $60 million but received only 25 million.", {60e6: "$", 25e6: "$"}),
        # a small bare number is a count left out, and a subject is no sum paid
        ("The firm paid $2 million last year and 14 more were hired.", {2e6: "$"}),
        ("The state paid $4 million in aid and 6,000 were displaced.", {4e6: "$"}),
        # a number after "and"/"to" with no unit to share leaves the sum its own currency
        ("The repairs cost $4 million and 6,000 were displaced.", {4e6: "$"}),
        ("The fund paid $3 million to 40 families.", {3e6: "$"}),
    ],
)
def test_a_second_sum_without_its_currency_takes_the_first_ones(nlp, text, sums):
    assert {f.value: f.unit for f in analyse(nlp, text).figures if f.quantity == "money"} == sums


def test_two_lengths_of_time_are_no_point_a_figure_holds_as_of(nlp):
    text = "Two businessmen were given sentences of six and four years respectively."
    assert figure(analyse(nlp, text), 2).as_of is None


@pytest.mark.parametrize(
    ("text", "value", "quantity", "subject"),
    [
        ("Doctors were treating 41 wounded people at the clinic.", 41, "injured", "people"),
        ("Volunteers searched for three missing children near the river.", 3, "missing", "children"),
        ("Aid workers reached 200 displaced families in the valley.", 200, "displaced", "families"),
        ("The court freed 12 detained reporters on bail.", 12, "arrested", "reporters"),
        ("The 12 remaining soldiers left the base.", 12, "troops", None),  # not a casualty word
    ],
)
def test_a_casualty_word_between_a_number_and_its_noun_says_what_it_counts(nlp, text, value, quantity, subject):
    f = figure(analyse(nlp, text), value)
    assert (f.quantity, f.subject) == (quantity, subject)


@pytest.mark.parametrize(
    ("text", "value", "quantity", "subject", "unit"),
    [
        ("More than 1.2 lakh people have fled their villages.", 120_000, "displaced", "people", None),
        ("The state approved Rs 75 crore for new shelters.", 750_000_000, "money", None, "Rs"),
        ("Each family will get ₹2 lakh in compensation.", 200_000, "money", None, "₹"),
    ],
)
def test_lakhs_crores_and_rupee_signs(nlp, text, value, quantity, subject, unit):
    f = figure(analyse(nlp, text), value)
    assert (f.quantity, f.subject, f.unit) == (quantity, subject, unit)


@pytest.mark.parametrize(
    ("text", "value", "as_of"),
    [
        ("At least seven civilians were killed and 15 wounded on Monday when troops shelled the villages, the "
         "army said, in the heaviest fighting in the region this year.", 7, "Monday"),
        ("Four police officers were killed and nine injured on Sunday night in the ambush.", 4, "Sunday night"),
    ],
)
def test_a_time_of_a_conjunct_that_shares_the_auxiliary_dates_both(nlp, text, value, as_of):
    assert figure(analyse(nlp, text), value).as_of == as_of


@pytest.mark.parametrize(
    ("text", "value", "quantity"),
    [
        ("Police said 30 people were hurt. Among them were six police officers.", 6, "injured"),
        ("At least 40 people were injured. Among the injured were 12 police officers.", 12, "injured"),
        ("Five people were killed. Among the dead were two children.", 2, "killed"),
        ("The blast injured 23 people, among them four children.", 4, "injured"),
    ],
)
def test_among_them_after_a_toll_is_part_of_it(nlp, text, value, quantity):
    assert figure(analyse(nlp, text), value).quantity == quantity


@pytest.mark.parametrize(
    ("text", "value", "increment"),
    [
        ("Officials counted 140 new cholera cases on Tuesday, taking the total to 3,200.", 140, True),
        ("Officials counted 140 new cholera cases on Tuesday, taking the total to 3,200.", 3200, False),
        ("The clinic logged 12 fresh infections of measles.", 12, True),
        ("Some 5,000 newly displaced people reached the camps.", 5000, True),
        ("Shelling killed nine people in the past 24 hours, the governor said.", 9, True),
        ("Shelling has killed nine people since the spring, the governor said.", 9, False),
        # "new" on the toll, not on the counted: the toll itself is a total
        ("The new toll stands at 40 dead.", 40, False),
    ],
)
def test_a_count_of_the_new_ones_of_a_day_is_an_increment(nlp, text, value, increment):
    assert figure(analyse(nlp, text), value).increment is increment
