"""Entities: gazetteer typing with the model, canonical ids, roles, references.

Inputs are sentences written for these tests (none comes from the seeds or corpora).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsdesk
from newsdesk.model import Analysis, Article, Mention
from newsdesk.nlp.entities import find_mentions
from newsdesk.nlp.resolve import _same_person, person_renames, resolve_entities, resolve_reference
from newsdesk.nlp.retype import retyped
from newsdesk.nlp.ruler import country_name, demonyms

pytestmark = pytest.mark.slow


def _analyse(nlp, text: str) -> tuple[Analysis, object]:
    doc = nlp(text)
    analysis = Analysis(article=Article(id="t1", text=text))
    return resolve_entities(find_mentions(analysis, doc), doc), doc


def _ids(analysis: Analysis, surface: str) -> set[str]:
    return {m.entity_id for m in analysis.mentions if m.text == surface}


def _labels(analysis: Analysis, surface: str) -> set[str]:
    return {m.label for m in analysis.mentions if m.text == surface}


@pytest.mark.parametrize(
    ("code", "name"), [("RU", "Russia"), ("TR", "Turkey"), ("US", "United States"), ("AZ", "Azerbaijan")]
)
def test_country_short_names(code, name):
    assert country_name(code) == name


@pytest.mark.parametrize(
    ("form", "code"),
    [("Azerbaijani", "AZ"), ("Armenian", "AM"), ("Ukrainians", "UA"), ("Nigerian", "NG"), ("Turkish", "TR")],
)
def test_demonyms(form, code):
    assert demonyms()[form] == code


@pytest.mark.parametrize("country", ["Azerbaijan", "Armenia", "Georgia", "Kazakhstan", "Moldova"])
def test_countries_are_gpe_whatever_the_model_guesses(nlp, country):
    analysis, _ = _analyse(nlp, f"{country} rejected the proposal. Officials in {country} met on Monday.")
    assert _labels(analysis, country) == {"GPE"}
    assert len(_ids(analysis, country)) == 1


def test_no_entity_spans_a_line_break(nlp):
    text = "- Talks in Tbilisi\n- Kazakhstan Responds\nThe talks went on."
    doc = nlp(text)
    assert all("\n" not in e.text for e in doc.ents)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police questioned Teodora Vasko's husband on Monday.", "Teodora Vasko"),
        ("Teodora Vasko’s brother was released.", "Teodora Vasko"),
        ("Aides said Jonas Brell's visit was delayed.", "Jonas Brell"),
        ("It was Karim bin Aziz's second visit.", "Karim bin Aziz"),
    ],
)
def test_a_name_ends_before_its_possessive(nlp, text, name):
    """"Teodora Vasko's" is Teodora Vasko: one entity with the name said bare."""
    analysis, _ = _analyse(nlp, f"{name} arrived on Sunday. {text}")
    persons = {(m.text, m.entity_id) for m in analysis.mentions if m.label == "PERSON"}
    assert {text for text, _ in persons} == {name}
    assert len({key for _, key in persons}) == 1


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        # the model's spans as built by hand: (start, end, label) in tokens
        (["Ilse", "von", "der", "Marck", "'s", "office"], [(0, 3, "PERSON"), (3, 5, "GPE")],
         [("Ilse von der Marck", "PERSON")]),
        (["Ilse", "von", "der", "Marck", "said"], [(0, 3, "PERSON")], [("Ilse von der Marck", "PERSON")]),
        (["Omar", "bin", "Aziz", "’s", "aide"], [(0, 4, "PERSON")], [("Omar bin Aziz", "PERSON")]),
        (["The", "Vasko", "'", "house"], [(1, 3, "PERSON")], [("Vasko", "PERSON")]),
        # a particle ending no person's name is left alone; a clitic alone is no entity
        (["Rio", "de", "Vel", "is", "far"], [(0, 2, "GPE")], [("Rio de", "GPE")]),
        (["'s", "Marck"], [(0, 1, "ORG")], []),
        # a time keeps its possessive for the dates stage
        (["last", "night", "'s", "vote"], [(0, 3, "DATE")], [("last night 's", "DATE")]),
        # a saint's institution split at its possessive is one name; a country's firm is two
        (["St", "Brendan", "'s", "Hospital", "closed"], [(0, 3, "ORG"), (3, 4, "ORG")],
         [("St Brendan 's Hospital", "ORG")]),
        (["Russia", "'s", "Gazprom", "cut"], [(0, 1, "GPE"), (2, 3, "ORG")], [("Russia", "GPE"), ("Gazprom", "ORG")]),
    ],
)
def test_name_edges(nlp, words, ents, expected):
    from spacy.tokens import Doc, Span

    from newsdesk.nlp.ruler import mend_name_edges

    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    assert [(e.text, e.label_) for e in mend_name_edges(doc).ents] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vell and Korr leaders meet at Amber Hall\n\nPresident Ardo Vell describes the talks as excellent.",
        "Militia shells Batumi port\n\nA militia shelled the port of Batumi on Sunday.",
        "Rebel chief Ardo hails the truce in Velm\nArdo called the deal historic.",
    ],
)
def test_a_line_without_a_full_stop_is_a_sentence_of_its_own(nlp, text):
    """A headline is no subject of the paragraph below it (the model alone joins them)."""
    first = next(nlp(text).sents)
    assert first.text.strip() == text.split("\n")[0]


def test_person_variants_share_one_id(nlp):
    text = (
        "Marta Kovalenko, the mayor of Odesa, said the port was shut. "
        "Later Ms. Kovalenko added that it would reopen. Kovalenko did not say when."
    )
    analysis, _ = _analyse(nlp, text)
    persons = {m.entity_id for m in analysis.mentions if m.label == "PERSON"}
    assert persons == {"person:marta-kovalenko"}
    (marta,) = [e for e in analysis.entities if e.id == "person:marta-kovalenko"]
    assert marta.description == "mayor of Odesa"


def test_capital_speaking_is_its_country_but_a_location_is_a_place(nlp):
    text = "Georgia called for talks. Tbilisi said it would not wait. Talks were held in Tbilisi."
    analysis, _ = _analyse(nlp, text)
    first, second = [m for m in analysis.mentions if m.text == "Tbilisi"]
    assert first.entity_id == "gpe:georgia"
    assert second.entity_id == "gpe:tbilisi"


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Kiev said it would retaliate.", "Kiev", "gpe:ukraine"),  # an alias of a capital
        ("Washington said it was worried about the fighting.", "Washington", "gpe:united-states"),  # typed ORG
        ("Moscow demanded a halt to the shelling.", "Moscow", "gpe:russia"),
        ("Trains to Kyiv were late on Monday.", "Kyiv", "gpe:kyiv"),  # a location stays a place
    ],
)
def test_capital_metonymy_under_any_name(nlp, text, surface, expected):
    analysis, _ = _analyse(nlp, text)
    assert _ids(analysis, surface) == {expected}


def test_kremlin_stands_for_russia(nlp):
    analysis, _ = _analyse(nlp, "The Kremlin rejected the plan, and Russia recalled its envoy.")
    assert _ids(analysis, "Kremlin") == _ids(analysis, "Russia") == {"gpe:russia"}


@pytest.mark.parametrize(
    "phrase", ["Georgia's defence ministry", "the Georgian Defense Ministry", "The Georgian Ministry of Defence"]
)
def test_ministry_variants_share_one_id(nlp, phrase):
    analysis, _ = _analyse(nlp, f"{phrase} said the border was calm.")
    assert "org:georgia-ministry-of-defence" in {m.entity_id for m in analysis.mentions}


def test_unnamed_ministry_follows_the_last_one(nlp):
    text = "Moldova's foreign ministry protested. Officials in Chisinau met. The foreign ministry then said more."
    analysis, _ = _analyse(nlp, text)
    ministries = [m for m in analysis.mentions if "ministry" in m.text]
    assert {m.entity_id for m in ministries} == {"org:moldova-ministry-of-foreign-affairs"}


@pytest.mark.parametrize(
    ("text", "name", "entity_id"),
    [
        ("A ferry sank near Ilebo on Sunday. Congo's government declared a day of mourning. "
         "Officials in Kinshasa counted the dead.", "Congo", "gpe:democratic-republic-of-congo"),
        ("Brazzaville was calm on Monday. Congo's president spoke on the radio.", "Congo", "gpe:republic-of-the-congo"),
        ("Georgia's governor met farmers in Atlanta on Monday.", "Georgia", "gpe:georgia-us"),  # the US state
        ("Georgia's prime minister met the envoy in Tbilisi.", "Georgia", "gpe:georgia"),  # the country
    ],
)
def test_a_name_two_places_share_is_the_one_the_articles_places_chose(text, name, entity_id):
    analysis = newsdesk.analyse_text(text)
    assert {m.entity_id for m in analysis.mentions if m.text == name} == {entity_id}


@pytest.mark.parametrize(
    ("text", "ministry"),
    [
        # the article never names Kenya, only its towns, and names Uganda once
        ("Officials said the river had burst its banks near Garissa overnight. A spokesman for the interior "
         "ministry of the regional government said 40 people were missing in Garissa and Mombasa. "
         "A rescue team from Uganda arrived on Friday.", "org:kenya-ministry-of-interior"),
        # the article names Moldova most; the ministry's sentence is about Romania
        ("Troops in Moldova patrolled the Dniester near Tiraspol and Bender. Moldova's president was in "
         "Chisinau. Romania has expelled two Moldovan diplomats from Bucharest, the foreign ministry said.",
         "org:romania-ministry-of-foreign-affairs"),
        # a country named earlier gives way to the adjective of the ministry's own sentence ...
        ("Kenya's government said smugglers had taken a fishing boat near Lamu. The Danish navy boarded the "
         "boat on Sunday, the defence ministry said.", "org:denmark-ministry-of-defence"),
        # ... or, where that names none, to the nearest one before it in its paragraph
        ("Smugglers took a fishing boat near Lamu, Kenya's government said.\n\nThe Danish navy boarded the "
         "boat on Sunday. Nobody was hurt, the defence ministry said.", "org:denmark-ministry-of-defence"),
        # an adjective of another party the sentence tells of is no cue of whose it is
        ("Azerbaijan began an offensive on Tuesday. Azerbaijan said it would not stop.\n\nThe defence ministry "
         "in Baku said the shelling would go on until Armenian fighters laid down their arms.",
         "org:azerbaijan-ministry-of-defence"),
    ],
)
def test_an_unowned_ministry_belongs_to_the_country_its_sentence_or_its_places_point_to(text, ministry):
    analysis = newsdesk.analyse_text(text)
    assert {m.entity_id for m in analysis.mentions if "ministry" in m.text} == {ministry}


def test_descriptions_of_a_breakaway_authority_are_one_actor(nlp):
    text = (
        "Transnistria authorities closed the crossing. Moldova objected. "
        "The separatist authorities said the move was temporary."
    )
    analysis, _ = _analyse(nlp, text)
    ids = {m.entity_id for m in analysis.mentions if "authorities" in m.text}
    assert ids == {"org:pridnestrovian-moldavian-republic"}


def test_demonym_adjective_links_to_country_and_keeps_its_label(nlp):
    analysis, _ = _analyse(nlp, "Ukraine said Ukrainian troops had crossed the river.")
    (m,) = [m for m in analysis.mentions if m.text == "Ukrainian"]
    assert m.entity_id == "gpe:ukraine" and m.label == "NORP"


def test_same_person_gets_same_id_across_articles(nlp):
    a, _ = _analyse(nlp, "David Walsh, a farmer, said the river rose overnight.")
    b, _ = _analyse(nlp, "The flood reached the farm of David Walsh on Sunday, Mr. Walsh said.")
    assert _ids(a, "David Walsh") == _ids(b, "David Walsh") == _ids(b, "Walsh")


@pytest.mark.parametrize(
    ("sentence", "target", "expected"),
    [
        ("David Walsh, a farmer, said the river rose. He added that crops were lost.", "He", "person:david-walsh"),
        ("David Walsh, a farmer, said the river rose. Walsh was tired.", "Walsh", "person:david-walsh"),
        ("Georgia's defence ministry denied it. The ministry said nothing else.", "The ministry",
         "org:georgia-ministry-of-defence"),
    ],
)
def test_resolve_reference(nlp, sentence, target, expected):
    analysis, doc = _analyse(nlp, sentence)
    start = sentence.rindex(target)
    ref = resolve_reference(analysis, doc, (start, start + len(target)))
    assert isinstance(ref, Mention)
    assert ref.entity_id == expected and ref.span == (start, start + len(target))


def test_resolve_reference_without_antecedent_is_none(nlp):
    sentence = "He said nothing."
    analysis, doc = _analyse(nlp, sentence)
    assert resolve_reference(analysis, doc, doc[0]) is None


def test_a_surname_goes_to_the_latest_full_name(nlp):
    text = "John Smith founded the firm. His daughter Mary Smith runs it now. Smith said sales rose."
    analysis, _ = _analyse(nlp, text)
    ids = [m.entity_id for m in analysis.mentions if m.label == "PERSON"]
    assert ids == ["person:john-smith", "person:mary-smith", "person:mary-smith"]


@pytest.mark.parametrize(
    ("text", "surface_ids"),
    [
        # the surname in the sentence that names the relative in full is the other
        ("Dr Helen Carter opened the clinic with her husband David Carter. David Carter saw patients while "
         "Carter met donors.",
         ["person:helen-carter", "person:david-carter", "person:david-carter", "person:helen-carter"]),
        # "Mrs" is the woman a kin noun introduced, wherever the talk has turned
        ("Governor Paul Hale toured the port with his wife Jean Hale. Paul Hale praised the dockers. "
         "Mrs Hale spoke to the nurses.",
         ["person:paul-hale", "person:jean-hale", "person:paul-hale", "person:jean-hale"]),
    ],
)
def test_a_surname_two_people_share(nlp, text, surface_ids):
    analysis, _ = _analyse(nlp, text)
    assert [m.entity_id for m in analysis.mentions if m.label == "PERSON"] == surface_ids


_WORDS = ["Baku", "said", "the", "Kremlin", "Mr.", "Smith", "John", "Armenian", "authorities", "breakaway",
          "Georgia's", "defence", "ministry", "Ministry", "of", "Defence", "\n", "-", ",", ".", "he", "Tbilisi",
          "Transnistria", "Republic", "Abkhazia", "’s", "UN", "in", "Russia", "Ukrainians"]


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), max_size=30))
def test_resolution_never_raises_and_spans_point_into_the_text(nlp, words):
    text = " ".join(words)
    analysis, doc = _analyse(nlp, text)
    for m in analysis.mentions:
        assert text[m.span[0] : m.span[1]].strip() == m.text
        assert "\n" not in m.text
    assert {m.entity_id for m in analysis.mentions} <= {e.id for e in analysis.entities}
    for tok in doc:
        resolve_reference(analysis, doc, tok)


@pytest.mark.parametrize(
    ("short", "full", "same"),
    [
        ("Iskandarian", "Aleksander Iskandaryan", True),
        ("Alexander Iskandaryan", "Aleksander Iskandaryan", True),
        ("Pashinian", "Nikol Pashinyan", True),
        ("Heydar Aliyev", "Ilham Aliyev", False),
        ("Smyth", "John Smith", False),
        ("Sargsyan", "Gegham Stepanyan", False),
    ],
)
def test_name_variants(short, full, same):
    assert _same_person(short, full) is same


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("US Secretary of State David Walsh met the envoy.", "person:david-walsh", "US Secretary of State"),
        ("David Walsh, 19, was arrested on Friday.", "person:david-walsh", None),
        ("According to Mayor David Walsh, the road is closed.", "person:david-walsh", "Mayor"),
        ("The photos were taken by David Walsh in the morning.", "person:david-walsh", None),
        # an honorific the model leaves out of the name is no part of the role
        ("Oman's foreign minister, Sheikh Badr Saeed, arrived.", "person:badr-saeed", "Oman's foreign minister"),
        ("The mediator, Dr. Lena Hart, said talks would resume.", "person:lena-hart", "mediator"),
        # an age before the role is no part of it
        ("David Walsh, a 34-year-old teacher, was arrested.", "person:david-walsh", "teacher"),
        ("A 52-year-old farmer, David Walsh, was hurt.", "person:david-walsh", "farmer"),
    ],
)
def test_roles_are_titles_not_ages_or_prepositions(nlp, sentence, name, role):
    analysis, _ = _analyse(nlp, sentence)
    (person,) = [e for e in analysis.entities if e.id == name]
    assert person.description == role


def test_national_authorities_are_the_country(nlp):
    analysis, _ = _analyse(nlp, "According to the Georgian authorities, the border is open. Georgia denied it.")
    (m,) = [m for m in analysis.mentions if "authorities" in m.text]
    assert m.entity_id == "gpe:georgia" and m.label == "ORG"


def test_a_pro_x_government_is_not_xs_government():
    from newsdesk.nlp.authorities import _authority_mentions

    texts = [text for _, text, _ in _authority_mentions("The region's pro-Armenian government said so.")]
    assert texts == []
    assert [t for _, t, _ in _authority_mentions("The Armenian government said so.")] == ["The Armenian government"]


# -- across articles: two reports of one story, through the pipeline into a store ----------

# One border incident told twice; the second report names the spokeswoman by surname only,
# says "the Ministry of Defence" without its country, and lets the capital speak.
_REPORT_A = (
    "Moldova closed two crossings on the Dniester river on Friday after shots were fired near a border post. "
    "Marta Kovalenko, a spokeswoman for the Moldovan border police, said nobody was hurt. "
    "Moldova's defence ministry said patrols on the Dniester river had been doubled. "
    "Transnistria authorities denied that their guards had fired. Trains to Kiev were delayed."
)
_REPORT_B = (
    "Shots fired near a border post on the Dniester river led Moldova to close two crossings on Friday. "
    "Kovalenko said the border police had found cartridges near the post. "
    "The Ministry of Defence said patrols had been doubled. The ministry said more troops were coming. "
    "Chisinau said it wanted talks. The separatist authorities denied that their guards had fired. "
    "Trains to Kyiv were delayed at the border post. \"Nobody was hurt,\" Kovalenko said."
)


def _documents(*texts: str, day: str = "2024-03-01"):
    from newsdesk.model import Document

    return [Document(origin=f"report-{i}.txt", content=t, published=day) for i, t in enumerate(texts)]


def _stored(store, *batches):
    """Ingest each batch in turn; return {article text prefix: Analysis} and the story of each."""
    from newsdesk.pipeline import ingest

    for docs in batches:
        ingest(docs, store)
    with store.read() as tx:
        ids = tx.article_ids()
        return [tx.analysis(i) for i in ids], [tx.story_of(i) for i in ids]


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    """A first, B second (the short name after the full one), in one story."""
    from newsdesk.store import open_store

    store = open_store(tmp_path_factory.mktemp("entities") / "two.db")
    (a, b), stories = _stored(store, _documents(_REPORT_A), _documents(_REPORT_B))
    assert stories[0] == stories[1], "the test needs both reports in one story"
    yield a, b, store
    store.close()


def _ids_of(analysis: Analysis, surface: str) -> set[str]:
    return {m.entity_id for m in analysis.mentions if m.text == surface}


@pytest.mark.parametrize(
    ("in_a", "in_b", "entity_id"),
    [
        ("Marta Kovalenko", "Kovalenko", "person:marta-kovalenko"),  # surname only, joined by the story
        ("Moldova's defence ministry", "The Ministry of Defence", "org:moldova-ministry-of-defence"),  # by context
        ("Moldova", "Chisinau", "gpe:moldova"),  # a capital that speaks is its country
        ("Moldovan", "Moldova", "gpe:moldova"),  # a demonym is its country
        ("Transnistria authorities", "separatist authorities", "org:pridnestrovian-moldavian-republic"),
        ("Kiev", "Kyiv", "gpe:kyiv"),  # aliases of one place
    ],
)
def test_variants_hold_across_two_articles(two_reports, in_a, in_b, entity_id):
    a, b, _ = two_reports
    assert _ids_of(a, in_a) == _ids_of(b, in_b) == {entity_id}


def test_surname_only_article_joins_the_full_name_in_the_store(two_reports):
    a, b, store = two_reports
    with store.read() as tx:
        (person,) = tx.entities(["person:marta-kovalenko"])
        assert tx.entities(["person:kovalenko"]) == []  # nothing names the surname entity any more
    assert person.description and "spokeswoman" in person.description
    assert {"Marta Kovalenko", "Kovalenko"} <= set(person.aliases)
    # The quotes follow: the surname speaks for the person of the full name.
    speakers = {q.speaker_entity_id for q in b.quotes if "cartridges" in q.text and q.speaker == "Kovalenko"}
    assert speakers == {"person:marta-kovalenko"}


def test_the_ministry_said_is_the_ministry(two_reports):
    _, b, _ = two_reports
    (quote,) = [q for q in b.quotes if "troops" in q.text]
    assert quote.speaker_entity_id == "org:moldova-ministry-of-defence"


def test_the_full_name_arriving_later_joins_the_earlier_surname(store):
    (b, a), stories = _stored(store, _documents(_REPORT_B), _documents(_REPORT_A))
    assert stories[0] == stories[1]
    assert _ids_of(b, "Kovalenko") == _ids_of(a, "Marta Kovalenko") == {"person:marta-kovalenko"}


def test_two_smiths_in_unrelated_stories_stay_apart(store):
    coach = ("John Smith, the coach of a football club in Glasgow, said on Saturday that his team "
             "would win the cup final in Glasgow. The club sold every ticket for the cup final.")
    # The same story told again with the surname only: it joins John Smith ...
    coach_again = ("The Glasgow football club sold every ticket for Saturday's cup final. "
                   "Smith said his team would win the cup final.")
    # ... but the farmer of another story, named Smith too, stays himself.
    farmer = ("Drought cut the maize harvest across Iowa this summer. Smith, a farmer near Des Moines, "
              "said his fields had lost half their yield. Grain prices rose in Chicago.")
    analyses, stories = _stored(
        store, _documents(coach, day="2024-05-04"), _documents(coach_again, farmer, day="2024-05-05")
    )
    assert stories[0] == stories[1] != stories[2], "the test needs the coach's story and the farmer's"
    assert _ids_of(analyses[0], "John Smith") == _ids_of(analyses[1], "Smith") == {"person:john-smith"}
    assert _ids_of(analyses[2], "Smith") == {"person:smith"}


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # a surname or a titled surname joins the one full name that fits it
        ({"person:stepanyan": ("Stepanyan", 3), "person:gegham-stepanyan": ("Gegham Stepanyan", 1)},
         {"person:stepanyan": "person:gegham-stepanyan"}),
        # spellings of one full name go to the most mentioned
        ({"person:alexander-iskandaryan": ("Alexander Iskandaryan", 1),
          "person:aleksander-iskandaryan": ("Aleksander Iskandaryan", 4),
          "person:iskandarian": ("Iskandarian", 1)},
         {"person:alexander-iskandaryan": "person:aleksander-iskandaryan",
          "person:iskandarian": "person:aleksander-iskandaryan"}),
        # two full names fit: the surname is ambiguous and stays apart
        ({"person:john-smith": ("John Smith", 2), "person:mary-smith": ("Mary Smith", 2), "person:smith": ("Smith", 1)},
         {}),
        # a first name alone joins the one full name that starts with it, not one of two
        ({"person:peter": ("Peter", 2), "person:peter-novak": ("Peter Novak", 1)},
         {"person:peter": "person:peter-novak"}),
        ({"person:john": ("John", 1), "person:john-smith": ("John Smith", 1), "person:john-brown": ("John Brown", 1)},
         {}),
        # different first names, different people
        ({"person:ilham-aliyev": ("Ilham Aliyev", 2), "person:heydar-aliyev": ("Heydar Aliyev", 1)}, {}),
        # close spellings of different surnames stay apart
        ({"person:smyth": ("Smyth", 1), "person:john-smith": ("John Smith", 1)}, {}),
    ],
)
def test_person_renames(names, expected):
    assert person_renames(names) == expected


def test_person_renames_takes_a_mistyped_surname_only_when_spelled_exactly():
    names = {"person:marta-kovalenko": ("Marta Kovalenko", 1)}
    assert person_renames(names, {"org:kovalenko": "Kovalenko"}) == {"org:kovalenko": "person:marta-kovalenko"}
    assert person_renames(names, {"org:kovalenka": "Kovalenka"}) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peter Novak, a nurse, opened the clinic in Leeds on Monday. Later Peter said the queue was long.",
         {"person:peter-novak"}),
        # two people share the first name: the lone first name names neither
        ("Peter Novak, a nurse, and Peter Hale, a doctor, opened the clinic. Later Peter said the queue was long.",
         {"person:peter-novak", "person:peter-hale", "person:peter"}),
    ],
)
def test_a_first_name_alone_joins_the_one_full_name_with_it(nlp, text, expected):
    analysis, _ = _analyse(nlp, text)
    assert {m.entity_id for m in analysis.mentions if m.label == "PERSON"} == expected


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        # the model types this unknown surname ORG; the "she" that continues it makes it a person
        ("The crossings stayed shut. Kovalenko said the border police had found cartridges. She added that nobody "
         "was hurt.", "Kovalenko", "PERSON"),
        # an acronym stays an organisation, whatever pronoun follows
        ("Talks began in Brussels. NATO said it was watching the border closely. He did not say more.", "NATO", "ORG"),
    ],
)
def test_a_one_word_org_continued_by_he_or_she_is_a_person(nlp, text, surface, label):
    analysis, _ = _analyse(nlp, text)
    assert _labels(analysis, surface) == {label}


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # the small model types this unfamiliar name ORG; beside an office it is a person's
        ("Russia's deputy envoy, Dmitry Polyanskiy, said the draft was unbalanced.", "Dmitry Polyanskiy", "PERSON"),
        # an office written before the name as its title
        ("Chief executive Femke de Boer said care had resumed.", "Femke de Boer", "PERSON"),
        # an organisation beside no office stays one
        ("The group, Human Rights Watch, said the camp was full.", "Human Rights Watch", "ORG"),
        # one word the model typed a place, beside a word only a person is
        ("The boy's mother, Mounia, called for a march on Thursday.", "Mounia", "PERSON"),
        ("\"We have found 27 bodies,\" said Heriyanto, the head of the local rescue agency.", "Heriyanto", "PERSON"),
        # a place beside a word a place can be stays a place
        ("The nearest town, Malatya, was hit hardest.", "Malatya", "GPE"),
    ],
)
def test_a_name_apposed_to_an_office_is_a_person(nlp, text, name, label):
    analysis, _ = _analyse(nlp, text)
    assert _labels(analysis, name) == {label}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("\"We will not tolerate it,\" Chief Constable Helen Marsh told reporters on Sunday.", "Helen Marsh",
         "Chief Constable"),
        # an apposition is the role, as for a name without a rank
        ("Chief Constable Helen Marsh, a police spokeswoman, said the road was shut.", "Helen Marsh",
         "police spokeswoman"),
        ("Detective Inspector Tom Reyes said the van had been found.", "Tom Reyes", "Detective Inspector"),
        ("Spokeswoman Maria Zakharova said on Telegram that Warsaw would regret this step.", "Maria Zakharova",
         "Spokeswoman"),
    ],
)
def test_a_rank_the_model_takes_into_a_name_is_its_role(nlp, text, name, role):
    analysis, _ = _analyse(nlp, text)
    [person] = [e for e in analysis.entities if e.type == "PERSON"]
    assert (person.name, person.description) == (name, role)
    assert any(m.text == name for m in analysis.mentions)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("West Yorkshire Police said riot officers used batons near the square.", "West Yorkshire Police"),
    ],
)
def test_a_name_ending_in_a_body_is_an_organisation(nlp, text, surface):
    analysis, _ = _analyse(nlp, text)
    assert _labels(analysis, surface) == {"ORG"}


@pytest.mark.parametrize(
    "text",
    [
        "Floodwater tore through the coastal city of Varnel after two dams gave way.",
        "Militants stormed the town of Oskerby at dawn.",
    ],
)
def test_a_town_named_after_city_of_is_a_place(nlp, text):
    surface = text.split(" of ")[1].split()[0]
    analysis, _ = _analyse(nlp, text)
    assert _labels(analysis, surface) == {"GPE"}


def test_a_portfolio_before_its_office_names_no_organisation(nlp):
    analysis, _ = _analyse(nlp, "The Home Secretary condemned the violence on Sunday.")
    assert not [m for m in analysis.mentions if m.text == "Home"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Heavy rain has swollen the Surma and Kushiyara rivers in the north.", {"Surma", "Kushiyara"}),
        ("Villages along the Tarvo river were flooded.", {"Tarvo"}),
    ],
)
def test_names_before_river_are_rivers(nlp, text, names):
    analysis, _ = _analyse(nlp, text)
    typed = {m.text: m.label for m in analysis.mentions if m.text in names}
    assert typed and set(typed.values()) == {"LOC"}


@pytest.mark.parametrize(
    ("text", "surface", "entity_id"),
    [
        # the full name the model missed, and its short form, are one organisation
        ("Medecins Sans Frontieres said its clinic was hit. MSF staff fled.", "Medecins Sans Frontieres",
         "org:medecins-sans-frontieres"),
        ("Medecins Sans Frontieres said its clinic was hit. MSF staff fled.", "MSF", "org:medecins-sans-frontieres"),
        ("Médecins Sans Frontières (MSF) said 40 patients were evacuated.", "Médecins Sans Frontières",
         "org:medecins-sans-frontieres"),
        # a firm the model typed a place
        ("Rosatom chief Alexei Likhachev visited the plant.", "Rosatom", "org:rosatom"),
        ("Russia's Gazprom cut supplies to Moldova.", "Gazprom", "org:gazprom"),
    ],
)
def test_organisations_of_the_table_are_one_org(nlp, text, surface, entity_id):
    analysis, _ = _analyse(nlp, text)
    assert _ids(analysis, surface) == {entity_id}
    assert _labels(analysis, surface) == {"ORG"}


def test_a_chairperson_named_after_the_title_is_a_person(nlp):
    analysis, _ = _analyse(nlp, "African Union Commission chairperson Amina Diallo said monitors would be sent.")
    assert _labels(analysis, "Amina Diallo") == {"PERSON"}


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        # the model types the surname GPE; the article names the person in full
        ("Judge Anna Bellini said Marco Rossi had betrayed the city.\n\nRossi, who led the city from 2012 to 2019, "
         "was found guilty of fraud.", "Rossi", "PERSON"),
        # a capital stays a place, whoever shares its name
        ("The actor Tom Paris spoke in Lyon. Paris hosted the summit last year.", "Paris", "GPE"),
    ],
)
def test_a_surname_the_model_typed_a_place_is_the_person(nlp, text, surface, label):
    analysis, _ = _analyse(nlp, text)
    assert _labels(analysis, surface) == {label}


@pytest.mark.parametrize(("speaks", "joined"), [(True, True), (False, False)])
def test_a_one_word_org_that_speaks_in_the_story_joins_the_one_full_name_ending_in_it(store, speaks, joined):
    """The small model types a bare surname ORG ("…, while Tevanyan said his government…");
    in a story where one person's full name ends in it, the speaker is that person. An ORG
    that says nothing (a "Tram" beside a mistyped "Croydon Tram") stays what it is."""
    from newsdesk.corpus import stories
    from newsdesk.model import Entity, Quote
    from newsdesk.nlp.resolve import join_people
    from newsdesk.pipeline import Batch

    body = "Prime Minister Maro Tevanyan met the envoys in Dalvik on Monday to discuss the flood relief plan. "
    texts = {"a": body + "Maro Tevanyan said aid would come.", "b": body + "Later Tevanyan said aid had come."}
    full = Entity("person:maro-tevanyan", "Maro Tevanyan", "PERSON")
    bare = Entity("org:tevanyan", "Tevanyan", "ORG")
    analyses = []
    for aid, text in texts.items():
        name, ent, label = ("Maro Tevanyan", full, "PERSON") if aid == "a" else ("Tevanyan", bare, "ORG")
        start = text.rindex(name)
        said = text.index("aid", start)
        quote = Quote(aid, (said, len(text) - 1), text[said:-1], "indirect", name, ent.id)
        analyses.append(Analysis(
            article=Article(id=aid, text=text),
            mentions=(Mention(aid, (15, 28), "Maro Tevanyan", "PERSON", full.id),
                      Mention(aid, (start, start + len(name)), name, label, ent.id)),
            entities=(full, ent) if ent is not full else (full,),
            quotes=(quote,) if speaks else (),
        ))
    with store.begin() as tx:
        for seq, analysis in enumerate(analyses, 1):
            tx.save_analysis(analysis, seq=seq)
        batch = stories.assign(tx, Batch(new_ids=("a", "b")))
        join_people(tx, batch)
    with store.read() as tx:
        assert len({tx.story_of(aid) for aid in "ab"}) == 1, "both articles are one story"
        ids = {e.id for e in tx.entities({"org:tevanyan", "person:maro-tevanyan"})}
    assert ("org:tevanyan" not in ids) == joined


@pytest.mark.parametrize(
    ("label", "words_before", "name", "words_after", "want"),
    [
        # a unit "of" a list of names: each name is a place
        ("PERSON", "in the districts of Nsanje and ", "Chikwawa", ", where floods", "GPE"),
        ("ORG", "the towns of Aldor, Bexley and ", "Corran", " were hit", "GPE"),
        # a name before a lower-case unit of land is that unit's
        ("PERSON", "threw stones in the ", "Nyalenda", " neighbourhood and", "GPE"),
        ("ORG", "buried the site in ", "Bone Bolango", " regency, where", "GPE"),
        # lower-case words after the list end it: "German and Afghan forces" is no list of places
        ("NORP", "in the city of Mazar, fighting with German and ", "Afghan", " forces", "NORP"),
        # the unit's government is a body; a person stays one beside other words
        ("ORG", "said the ", "Kisumu", " county government on Monday", "ORG"),
        ("PERSON", "said ", "Marta Ruiz", ", the coordinator", "PERSON"),
    ],
)
def test_a_name_of_a_unit_of_land_is_a_place(label, words_before, name, words_after, want):
    text = words_before + name + words_after
    start = len(words_before)
    mention = Mention("t1", (start, start + len(name)), name, label, "x")
    assert retyped(mention, text).label == want


@pytest.mark.parametrize(
    ("label", "words_before", "name", "words_after", "want"),
    [
        # a word for a body with a word of its own before it names what follows
        ("PERSON", "Rights group ", "Civic Watch", " put the number at 300.", "ORG"),
        ("PERSON", "the opposition party ", "Dravia Forward", " said", "ORG"),
        ("PERSON", "said the group ", "John Smith", " founded", "PERSON"),  # "the group": no modifier
        # a name set off after "the capital," is the capital
        ("ORG", "protested in the Dravian capital, ", "Lutsek", ", on Sunday", "GPE"),
        ("ORG", "thousands fled to the capital, ", "Reuters", " said.", "ORG"),  # no closing comma
        # a name after a compass point "of" is a place
        ("PERSON", "300 nautical miles east of ", "Eyl", " by armed men", "GPE"),
        ("LOC", "20 km south of ", "the Dnipro", " river", "LOC"),  # the model's place stays
    ],
)
def test_the_words_around_a_name_say_what_it_is(label, words_before, name, words_after, want):
    text = words_before + name + words_after
    start = len(words_before)
    mention = Mention("t1", (start, start + len(name)), name, label, "x")
    assert retyped(mention, text).label == want


@pytest.mark.parametrize(
    ("text", "word", "dropped"),
    [
        ("Observers said so. Turnout was 63 percent, up from 58 percent.", "Turnout", True),
        ("Inflation rose to 9 percent in May.", "Inflation", True),
        ("Carver said so. Okoro was at the hospital.", "Okoro", False),
        # a portfolio before its office, whatever the office's case
        ("He said so. Education minister Pieter de Vries called the ruling a victory.", "Education", True),
        # a vessel's name is no person
        ("Commandos from the frigate Navarra boarded the ship.", "Navarra", True),
        ("Ships carried the aid. Navarra said the port was open.", "Navarra", False),
    ],
)
def test_a_measure_or_a_portfolio_that_opens_a_sentence_is_no_name(text, word, dropped):
    start = text.index(word)
    mention = Mention("t1", (start, start + len(word)), word, "PERSON", "x")
    assert (retyped(mention, text) is None) == dropped
