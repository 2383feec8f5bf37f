"""Places, fourth round: names the tagger calls something else, and what a name is part
of (a feature, a street, a person's title). Texts written for the tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsdesk.model import Analysis, Article
from newsdesk.nlp.gazetteer import load_gazetteer
from newsdesk.nlp.places import resolve_places
from newsdesk.nlp.toponym_cues import inside_a_body
from newsdesk.nlp.toponyms import known_key


def _places(nlp, text):
    return resolve_places(Analysis(article=Article(id="t", text=text)), nlp(text)).places


# --- names inside longer names --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [("West Wing", None), ("West Street", None), ("North Main Street", None), ("South Florida", "florida"),
     ("Northern Virginia", "virginia"), ("west Clare", "clare")],
)
def test_a_compass_word_before_a_common_noun_is_a_name_of_its_own(text, key):
    # Wing (Buckinghamshire) and Street (Somerset) are villages; "West Wing" is no part of one.
    assert known_key(text, load_gazetteer()) == key


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # "Eastern" is a region of Ghana, "North" one of Cameroon, "Delta" a Nigerian state,
        # "Wing" and "Street" English villages.
        ("Shelling hit the Eastern Ghouta enclave near Damascus again on Sunday.", "GH"),
        ("Police closed North Main Street in Dayton after the crash.", "north"),
        ("Floods hit the Danube Delta area.", "NG"),
        ("Aides met reporters in the West Wing of the White House.", "wing"),
        ("Crews worked along West Street in Bristol all night.", "street"),
        # Iceland's own name is "Island", and Quarter a Scottish village.
        ("The ferry to Fire Island left at noon with forty people aboard.", "IS"),
        ("Jazz bands played in the French Quarter of New Orleans until dawn.", "quarter"),
    ],
)
def test_the_end_of_a_longer_name_is_no_place_of_its_own(nlp, text, wrong):
    for p in _places(nlp, text):
        assert wrong not in (p.country, p.name.lower()), (p.text, p.name, p.country)


@pytest.mark.slow
def test_a_title_makes_the_name_after_it_a_persons(nlp):
    # "Elizabeth" of a hospital named after a queen had been a Kentucky town (Hopkinsville's
    # alternate name), which drew Glasgow and London to Kentucky's namesakes.
    text = "The nurse was moved to the Queen Elizabeth Hospital in Glasgow, doctors in London said."
    places = {p.text: p for p in _places(nlp, text)}
    assert "Elizabeth" not in places
    assert places["Glasgow"].country == places["London"].country == "GB"


# --- names the tagger calls something else ---------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # The tagger makes a people's name an adjective and tags no entity on it.
        ("Salvadoran migrant workers waited at the border crossing.", "Salvadoran", "SV"),
        # The first "Cork" opens its sentence as a common noun; the second is the town,
        # so the first is too (a name keeps its sense through an article).
        ("Cork fans cheered. The match in Cork ended late.", "Cork", "IE"),
    ],
)
def test_a_name_the_tagger_calls_no_proper_noun(nlp, text, name, country):
    places = [p for p in _places(nlp, text) if p.text == name]
    assert places and all(p.country == country for p in places)
    assert len(places) == text.count(name)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the model tags "Rio Grande" alone; with "do Sul" it is the Brazilian state
        ("Heavy rain flooded towns in the state of Rio Grande do Sul on Thursday.", "Rio Grande do Sul", "BR"),
        ("Farmers in Mato Grosso do Sul lost their soy harvest to the drought.", "Mato Grosso do Sul", "BR"),
    ],
)
def test_a_name_grows_over_a_particle_inside_it(nlp, text, name, country):
    assert [(p.text, p.country) for p in _places(nlp, text) if name.startswith(p.text[:5])] == [(name, country)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # "Ber" is a small Malian town the gazetteer lacks and an old name of Véroia, Greece
        ("A drone struck a market in Ber on Tuesday, killing 20 herders. Officials in Gao and Timbuktu said Mali "
         "would send troops.", False),
        # with Greece the article's country, the old name stands
        ("Pilgrims walked from Ber to Thessaloniki and Kozani in Greece.", True),
    ],
)
def test_a_small_town_by_an_old_name_abroad_is_no_place_of_the_article(nlp, text, kept):
    assert any(p.text == "Ber" for p in _places(nlp, text)) is kept


@pytest.mark.slow
def test_a_county_as_large_as_a_city_is_found_bare(nlp):
    # The tagger tags nothing on "Fife"; a Scottish council area of 370,000 people is
    # found as a city of that size would be.
    places = {p.text: p for p in _places(nlp, "Knockhill, Fife hosts the race in August.")}
    assert places["Fife"].country == "GB"


# --- the kind of the names around it -----------------------------------------------------------


def _state_of_washington(p) -> bool:
    return p.country == "US" and p.lat > 45  # the state's middle; the capital lies at 38.9 N


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        ("Recalled lettuce reached stores in Ohio, Georgia and Washington last week.", "Georgia", True),
        ("Recalled lettuce reached stores in Ohio, Georgia and Washington last week.", "Washington", True),
        ("Rents are higher in states such as California or Washington.", "Washington", True),
        # Pennsylvania is the next item of the list, not Washington's state (Washington, Pa.).
        ("Officials are tracing cases in Washington, Pennsylvania and California.", "Washington", True),
        ("Envoys from Armenia, Turkey and Georgia met in Vienna.", "Georgia", False),
    ],
)
def test_the_items_of_a_list_are_of_one_kind(nlp, text, name, state):
    place = next(p for p in _places(nlp, text) if p.text == name)
    if name == "Washington":
        assert _state_of_washington(place)
    else:
        assert (place.country == "US") is state


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "area"),
    [
        ("The trial was moved to an English court near Salisbury.", "English", "England"),
        # An English adjective also names the English town near it.
        ("The trial was moved to an English court near Salisbury.", "Salisbury", "Salisbury"),
        ("Welsh farmers and Scottish fishermen protested.", "Welsh", "Wales"),
        ("Welsh farmers and Scottish fishermen protested.", "Scottish", "Scotland"),
    ],
)
def test_the_adjectives_of_the_uks_nations_name_them(nlp, text, name, area):
    place = next(p for p in _places(nlp, text) if p.text == name)
    assert (place.name, place.country) == (area, "GB")


# --- a word of a body's name after the place the body is named after --------------------

_BODY_VOCAB = spacy.blank("en").vocab


def _body_doc(words: list[str], place: tuple[int, int] | None):
    ents = ["O"] * len(words)
    if place:
        ents[place[0]] = "B-GPE"
        for k in range(place[0] + 1, place[1]):
            ents[k] = "I-GPE"
    doc = Doc(_BODY_VOCAB, words=words, ents=ents)
    return doc, [w[:1].isupper() and w.isalpha() for w in words]


@pytest.mark.parametrize(
    ("text", "place", "at", "inside"),
    [
        # Invented bodies: a place, then a word that names a place elsewhere, then the body's words.
        ("warned by United Kingdom Maritime Trade Operations", (2, 4), 4, True),
        ("said the Narvia Coastal Survey Authority", (2, 3), 3, True),
        # A place that opens the name is the place ("the Western Pennsylvania Kennel Association").
        ("of the Western Pennsylvania Kennel Association", None, 3, False),
        ("the North East Texas Water Planning Group", (1, 3), 3, False),  # a compass word before it
        ("ships from United Kingdom Maritime ports", (2, 4), 4, False),  # no body's word after it
    ],
)
def test_a_word_inside_a_bodys_name_is_no_place(text, place, at, inside):
    doc, cap = _body_doc(text.split(), place)
    assert inside_a_body(doc, cap, at, at + 1) is inside


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Ships were warned by United Kingdom Maritime Trade Operations on Monday.", "Maritime", None),
        ("Rebel forces fired drones from Hodeidah toward the coast.", "Hodeidah", "YE"),
        ("The navy of Iran seized a tanker off Bandar Abbas on Monday.", "Bandar Abbas", "IR"),
    ],
)
def test_ports_found_and_body_words_left(nlp, text, name, country):
    places = _places(nlp, text)
    hits = [p for p in places if p.text == name]
    assert [p.country for p in hits] == ([country] if country else [])


# --- a capital that speaks for its government -------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "point"),
    [
        # Not Washington in Tyne and Wear, though the article is British.
        ("Britain sent 23 diplomats home from London on Monday. Washington warned that it would follow.",
         "Washington", (38.9, -77.0)),
        ("Envoys met in Oslo to prepare talks between Washington and Beijing.", "Washington", (38.9, -77.0)),
        ("Farm exports to the Gulf slowed after relations with Ottawa cooled.", "Ottawa", (45.4, -75.7)),
        ("Kuwait said on Sunday that it would pump more oil.", "Kuwait", (29.5, 45.75)),  # the country, not Kuwait City
        ("Wildfires spread across Washington state, officials in Spokane said.", "Washington", (47.4, -120.5)),
    ],
)
def test_a_name_speaking_for_a_government_is_the_capital(nlp, text, name, point):
    place = next(p for p in _places(nlp, text) if p.text == name)
    assert abs(place.lat - point[0]) < 1.5 and abs(place.lon - point[1]) < 1.5


# --- a person's name before a school, a library or a hospital -----------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        # Hoover, Alabama; Carnegie, Pennsylvania; Guy, Arkansas: no towns of these articles.
        ("Pupils at Hoover Elementary School in Tulsa, Oklahoma, went home early.", "Hoover", False),
        ("Volunteers reopened the Carnegie Library near the French Quarter of New Orleans.", "Carnegie", False),
        ("She was treated at Guy's and St Thomas' in London.", "Guy", False),
        # A town of the article's own region before its school, and a town's possessive with its noun.
        ("Parents at Bixby High School met on Monday in Tulsa, Oklahoma.", "Bixby", True),
        ("Crews worked in Gainesville's sewers all night, officials in Florida said.", "Gainesville", True),
    ],
)
def test_a_persons_name_before_an_institution_is_no_town(nlp, text, name, found):
    assert (name in {p.text for p in _places(nlp, text)}) is found


# --- initials and postal codes ---------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Police in LA said the freeway reopened.", "LA", "Los Angeles"),
        ("She has lived in NYC since the spring.", "NYC", "New York City"),
        ("A plant near Baton Rouge, LA closed.", "LA", "Louisiana"),  # after a town: the state
        ("The firm moved from Austin, TX to Denver.", "TX", "Texas"),
        ("The firm moved from Calgary, AB to Halifax, NS last year.", "AB", "Alberta"),
    ],
)
def test_initials_name_a_city_and_codes_a_state(nlp, text, name, place):
    assert [p.name for p in _places(nlp, text) if p.text == name] == [place]


@pytest.mark.parametrize(
    ("text", "acronym"),
    [("MoD", True), ("DoJ", True), ("DfE", True), ("SoHo", False), ("NoMa", False), ("DeKalb", False),
     ("McAllen", False), ("LaSalle", False)],
)
def test_an_acronym_with_a_small_letter_inside_is_no_place(text, acronym):
    from newsdesk.nlp.toponym_cues import Toponym, an_acronym

    assert an_acronym(Toponym((0, len(text)), text, text.lower())) is acronym


@pytest.mark.slow
def test_a_disputed_river_is_placed(nlp):
    text = "Farmers in Mandya protested as the Cauvery ran low, and the tribunal met again."
    assert [p.country for p in _places(nlp, text) if p.text == "Cauvery"] == ["IN"]


@pytest.mark.parametrize(
    ("qualifier", "kind"),
    [("laguna", None), (None, "town")],  # after "Calamba City," Laguna qualifies; alone, "Laguna Mayor" is a town's
)
def test_a_qualifier_is_a_region_whatever_follows_it(qualifier, kind):
    from newsdesk.nlp.toponym_cues import Toponym, qualifiers_are_regions

    town = Toponym((0, 12), "Calamba City", "calamba", qualifier=qualifier)
    region = Toponym((14, 20), "Laguna", "laguna", kind="town")
    assert qualifiers_are_regions([town, region])[1].kind == kind


@pytest.mark.parametrize(
    ("words", "at", "surname"),
    [
        # Freeland is a town in Washington state and in Michigan; after the minister's full
        # name, the word alone is the minister, unless a locative word puts it on the map.
        (["Minister", "Dana", "Freeland", "left", ".", "Freeland", ",", "aides", "met"], 5, True),
        (["Minister", "Dana", "Freeland", "spoke", "in", "Freeland", "on", "Monday"], 5, False),
        (["Senator", "Amy", "Georgia", "left", ".", "Georgia", ",", "aides", "met"], 5, False),  # a state
    ],
)
def test_a_persons_surname_alone_is_no_town(words, at, surname):
    from spacy.tokens import Span

    from newsdesk.nlp.toponyms import _surname_unplaced

    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, at, at + 1, label="GPE")]
    assert _surname_unplaced(doc.ents[1], {"freeland"} | {doc[at].lower_}, load_gazetteer()) is surname
