"""Places in local news (issue 6, third round): what a town's name is written with, the
names of counties and states as local papers write them, and the context of a report
that names large cities beside small towns. Texts written for the tests."""

from __future__ import annotations

import pytest

from newsdesk.model import Analysis, Article
from newsdesk.nlp.gazetteer import load_gazetteer, name_key, spellings
from newsdesk.nlp.places import choose, resolve_places
from newsdesk.nlp.toponym_cues import Toponym, kind_from_text, qualify
from newsdesk.nlp.toponyms import known_key


def _places(nlp, text):
    return resolve_places(Analysis(article=Article(id="t", text=text)), nlp(text)).places


def _found(nlp, text):
    return {p.text: p for p in _places(nlp, text)}


def _chosen(names, target):
    tops = [Toponym((i, i + 1), n, name_key(n)) for i, n in enumerate(names)]
    return choose(tops, load_gazetteer())[name_key(target)]


# --- the gazetteer ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "other"),
    [("mt pleasant", "mount pleasant"), ("mount pleasant", "mt pleasant"), ("st cloud", "saint cloud"),
     ("fort worth", "ft worth"), ("desoto parish", "de soto parish"), ("la salle", "lasalle"), ("boston", None)],
)
def test_generic_words_spelled_out_and_abbreviated(key, other):
    assert (other in spellings(key)) if other else spellings(key) == ()


def test_a_lookup_finds_the_name_however_its_generic_word_is_written():
    # GeoNames lists Mount Pleasant, Iowa under its full name only, and Louisiana's parish
    # as "De Soto Parish".
    found = {(c.name, c.admin1) for c in load_gazetteer().lookup("mt pleasant")}
    assert ("Mount Pleasant", "IA") in found
    assert any((c.kind, c.admin1) == ("admin2", "LA") for c in load_gazetteer().lookup("desoto parish"))


@pytest.mark.parametrize(
    ("key", "kind", "country"),
    [("south ossetia", "area", "GE"), ("south ossetian", "area", "GE"), ("transnistria", "area", "MD"),
     ("saudi", "country", "SA"), ("saudis", "country", "SA"), ("b c", "admin1", "CA"), ("ont", "admin1", "CA"),
     ("nsw", "admin1", "AU"), ("macedonia", "country", "MK")],
)
def test_names_news_uses_for_regions_and_countries(key, kind, country):
    assert any((c.kind, c.country) == (kind, country) for c in load_gazetteer().lookup(key))


@pytest.mark.parametrize(
    ("text", "key"),
    [("Henrico", "henrico county"), ("Pottawatomie Co.", "pottawatomie county"), ("Springfield", "springfield"),
     ("Qqqxv", None)],
)
def test_a_county_said_without_its_generic_word(text, key):
    # Only where no other place bears the bare name.
    assert known_key(text, load_gazetteer()) == key


# --- what the text says a name is ----------------------------------------------------------


def _kind(text, name, datelines=frozenset()):
    start = text.index(name)
    return kind_from_text(Toponym((start, start + len(name)), name, name_key(name)), text, datelines).kind


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Officers of the Lebanon Police Department closed the road.", "Lebanon", "town"),
        ("Jordan Mayor Ann Holm opened the fair.", "Jordan", "town"),
        ("The Athens City Councilwoman voted no.", "Athens", "town"),
        ("Voters in the City of Dublin elect a council.", "Dublin", "town"),
        ("Services are at 12 Walnut St., Lebanon, on Monday.", "Lebanon", "town"),
        ("Texas police officers were hurt.", "Texas", None),  # a state's police
        ("California public schools will close.", "California", None),
        ("The Jefferson County Police arrested two men.", "Jefferson County", None),  # a county's
        ("Trade with Jordan grew last year.", "Jordan", None),
        ("Three Ind. inmates escaped.", "Ind.", "admin1"),  # an abbreviation is a state's
    ],
)
def test_what_only_a_town_has(text, name, kind):
    assert _kind(text, name) == kind


def test_a_dateline_names_a_town():
    text = "LEBANON — The school board met on Monday."
    assert _kind(text, "LEBANON", frozenset({(0, 7)})) == "town"


@pytest.mark.parametrize(
    ("names", "target", "kind", "country"),
    [(("Lebanon", "Indiana"), "Lebanon", "city", "US"), (("Jordan",), "Jordan", "city", None)],
)
def test_a_town_by_its_institutions_is_no_country(names, target, kind, country):
    tops = [Toponym((i, i + 1), n, name_key(n), kind="town" if n == target else None) for i, n in enumerate(names)]
    c = choose(tops, load_gazetteer())[name_key(target)]
    assert c.kind == kind and (country is None or c.country == country)


@pytest.mark.parametrize(
    ("text", "names", "qualified"),
    [
        ("stops in Washington, New York and Boston", ("Washington", "New York", "Boston"), {}),
        ("from Toronto, Ontario, Canada", ("Toronto", "Ontario", "Canada"),
         {"Toronto": "ontario", "Ontario": "canada"}),
        ("in Louisville, Ky., New Haven, Conn.", ("Louisville", "Ky.", "New Haven", "Conn."),
         {"Louisville": "ky", "New Haven": "conn"}),
        ("near Macon, Georgia, on Friday", ("Macon", "Georgia"), {"Macon": "georgia"}),
    ],
)
def test_an_item_of_a_list_qualifies_nothing(text, names, qualified):
    tops = [Toponym((text.index(n), text.index(n) + len(n)), n, name_key(n)) for n in names]
    got = {t.text: t.qualifier for t in qualify(tops, text, load_gazetteer())}
    assert {n: got[n] for n in qualified} == qualified
    assert qualified or not any(got.values())


# --- context ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "target", "admin1"),
    [
        (("Santa Clara", "Dallas"), "Santa Clara", "CA"),  # not the Texan village
        (("Atlanta", "Chicago"), "Atlanta", "GA"),  # not Atlanta, Illinois
        (("Alexandria", "Douglas County", "Osakis"), "Alexandria", "MN"),  # small towns still agree
    ],
)
def test_a_large_city_says_little_about_the_region(names, target, admin1):
    assert _chosen(names, target).admin1 == admin1


@pytest.mark.parametrize(
    ("names", "target", "kind"),
    [
        (("DeKalb", "DeKalb County", "Decatur"), "DeKalb", "admin2"),  # the county, said short
        (("Washington", "Washington County"), "Washington", "capital"),  # not where a capital is so called
        (("Boone",), "Boone", "city"),
    ],
)
def test_a_county_said_short(names, target, kind):
    assert _chosen(names, target).kind == kind


# --- finding them in text (spaCy) --------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "admin1"),
    [
        ("Several Zanesville residents asked the council to fix the potholes.", "Zanesville", "OH"),
        ("A frail Hounslow resident lost his savings to two men.", "Hounslow", "ENG"),
        ("Crowds gathered early for the Walker County Fair on Saturday.", "Walker County", None),
        ("Lawmakers from the S.C. House met the governor.", "S.C.", "SC"),
        ("A summary of the budget. March 3, 2009 PATASKALA -- City officials met.", "PATASKALA", "OH"),
        ("The Lancashire County Council approved the plan.", "Lancashire County", "ENG"),
        ("A storm cut power for Kansas City Power & Light customers.", "Kansas City", None),
        ("Deputies of the Henrico police searched the woods.", "Henrico", "VA"),
    ],
)
def test_local_news_names(nlp, text, surface, admin1):
    found = _found(nlp, text)
    assert surface in found, list(found)
    assert admin1 is None or found[surface].country in ("US", "GB") and _admin1(found[surface]) == admin1


def _admin1(place):
    gaz = load_gazetteer()
    return next(c.admin1 for c in gaz.lookup(known_key(place.text, gaz)) if (c.lat, c.lon) == (place.lat, place.lon))


@pytest.mark.slow
def test_a_word_opening_its_sentence_is_no_prominent_place(nlp):
    from newsdesk.nlp.toponyms import _scan

    # "Man" is a city of Ivory Coast; the text writes "man" in lower case as well.
    hits = _scan(nlp("Man arrested for theft at mall. The man took two coats."), set(), load_gazetteer())
    assert "Man" not in [t.text for t in hits]


@pytest.mark.slow
def test_a_place_name_has_a_capital(nlp):
    from spacy.tokens import Span

    from newsdesk.nlp.toponyms import find_toponyms

    doc = nlp("The gulf between rich and poor grew wider last year.")
    doc.ents = [Span(doc, 1, 2, label="LOC")]  # as the model may tag it
    assert find_toponyms(doc, load_gazetteer()) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Pupils from Butler, Clark or Warren counties may enter.", ["Butler", "Clark", "Warren"]),
        ("The four metro Athens counties lost jobs.", []),  # the counties of a place
        ("Jobless rates in Indiana counties rose.", []),
    ],
)
def test_county_lists(nlp, text, names):
    from newsdesk.nlp.toponym_cues import county_lists as _county_lists

    assert sorted(t.text for t in _county_lists(nlp(text), load_gazetteer(), text)) == names


@pytest.mark.slow
def test_a_county_named_with_its_generic_word_is_found_untagged(nlp):
    from newsdesk.nlp.toponyms import _scan

    hits = _scan(nlp("Crowds gathered early for the Walker County Fair on Saturday."), set(), load_gazetteer())
    assert [t.text for t in hits] == ["Walker County"]


@pytest.mark.slow
def test_a_street_address_gives_its_town(nlp):
    text = "A funeral service will be held Monday at the chapel, 508 Cumberland St., Lebanon."
    found = _found(nlp, text)
    assert found["Lebanon"].country == "US"


def _with_ents(nlp, text, ents):
    """``text`` parsed, with the model's entities replaced by ``ents`` ((words, label), in
    text order): the tests then hold whatever the model tags."""
    from spacy.tokens import Span

    doc = nlp(text)
    spans, at = [], 0
    for words, label in ents:
        start = text.index(words, at)
        at = start + len(words)
        span = doc.char_span(start, at)
        spans.append(Span(doc, span.start, span.end, label=label))
    doc.ents = spans
    return doc


@pytest.mark.slow
def test_a_dateline_vouches_for_the_name_typed_as_a_person(nlp):
    from newsdesk.nlp.toponyms import find_toponyms

    text = "ZANESVILLE — The board met on Monday. Zanesville will not raise taxes this year."
    doc = _with_ents(nlp, text, [("Zanesville", "PERSON")])
    assert [t.text for t in find_toponyms(doc, load_gazetteer())] == ["ZANESVILLE", "Zanesville"]


@pytest.mark.slow
def test_a_name_accepted_by_its_civic_word_vouches_for_its_other_mentions(nlp):
    from newsdesk.nlp.toponyms import find_toponyms

    text = "About forty Zanesville residents marched. Later, Zanesville said no to the plan."
    doc = _with_ents(nlp, text, [("Zanesville", "ORG"), ("Zanesville", "PERSON")])
    assert [t.text for t in find_toponyms(doc, load_gazetteer())] == ["Zanesville", "Zanesville"]


@pytest.mark.slow
def test_an_event_named_after_a_county_gives_the_county(nlp):
    from newsdesk.nlp.toponyms import find_toponyms

    text = "Judges at the Walker County Fair gave out prizes."
    doc = _with_ents(nlp, text, [("Walker County Fair", "EVENT")])
    assert [t.text for t in find_toponyms(doc, load_gazetteer())] == ["Walker County"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "tagged", "found"),
    [
        ("The State of Illinois Web site lists the rules.", "State of Illinois Web", ["State of Illinois"]),
        ("Fans of the Denver Broncos lined the street.", "Denver Broncos", ["Denver"]),
        ("The Qqqxv Zzyzx office closed.", "Qqqxv Zzyzx", []),
        ("Ships waited outside the Port of Los Angeles for days.", "Port of Los Angeles", ["Los Angeles"]),
    ],
)
def test_a_place_entity_that_runs_on_past_the_name(nlp, text, tagged, found):
    from newsdesk.nlp.toponyms import find_toponyms

    doc = _with_ents(nlp, text, [(tagged, "GPE")])
    assert [t.text for t in find_toponyms(doc, load_gazetteer())] == found
