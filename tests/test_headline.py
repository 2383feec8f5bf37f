"""The headline read on its own (facts/headline.py): its case, and its names read as the
text reads them. Articles and names are written for these tests (invented places and people)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdesk.clean import clean_document
from newsdesk.facts import headline
from newsdesk.facts.headline import as_in_text, parse_form, read_headline, titles_parsed
from newsdesk.model import Analysis, Article, Document, Entity, Mention, Place
from newsdesk.nlp.retype import retyped
from newsdesk.pipeline import analyse


def _body(text: str, names: list[tuple[str, str, str]], places: list[tuple[str, str]] = ()) -> Analysis:
    """The text with a mention of each (words, label, entity id) at its first occurrence,
    and places (words, resolved name)."""
    mentions = tuple(Mention("a", (text.index(w), text.index(w) + len(w)), w, label, e) for w, label, e in names)
    entities = tuple({e: Entity(e, w, label) for w, label, e in names}.values())
    found = tuple(Place("a", (text.index(w), text.index(w) + len(w)), w, name) for w, name in places)
    return Analysis(article=Article(id="a", text=text), mentions=mentions, entities=entities, places=found)


def _head(title: str, names: list[tuple[str, str, str]], places: list[tuple[str, str]] = ()) -> Analysis:
    return _body(title, names, places)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Title Case: sentence case, but the names the text capitalises stay
        ("Velmia Begins Armed Operation In Korrland, Rebels Say Ardo Under Fire",
         "Velmia begins armed operation in Korrland, rebels say Ardo under fire"),
        # the text writes the day capitalised after a lower-case word: a name
        ("Mayor Resigns After Council Vote On Sunday", "Mayor resigns after council vote on Sunday"),
        # a headline in sentence case, or too short to tell, is read as written
        ("Velmia begins an operation in Korrland", "Velmia begins an operation in Korrland"),
        ("Ardo Votes", "Ardo Votes"),
        # acronyms stay
        ("NATO Chief Meets Velmian Leaders", "NATO chief meets Velmian leaders"),
    ],
)
def test_a_title_case_headline_is_parsed_in_sentence_case(title, expected):
    body = _body("The vote was held on Sunday in Ardo. Velmia and Korrland spoke. Velmian leaders came.",
                 [("Ardo", "GPE", "gpe:ardo"), ("Velmia", "GPE", "gpe:velmia"), ("Korrland", "GPE", "gpe:korrland"),
                  ("Velmian", "NORP", "norp:velmian")])
    form = parse_form(title, body)
    assert form == expected
    assert len(form) == len(title)  # spans of the parse index the title


def test_a_role_that_refers_back_names_no_word_of_the_headline():
    text = "Dr Lisa Varn, the director of the clinic, resigned. The director said the wards were full."
    body = _body(text, [("Lisa Varn", "PERSON", "person:lisa-varn")])
    start = text.index("The director")
    role = Mention("a", (start, start + len("The director")), "The director", "PERSON", "person:lisa-varn")
    body = replace(body, mentions=(*body.mentions, role))
    assert parse_form("Clinic Says The Wards Are Full", body) == "Clinic says the wards are full"


def test_the_headlines_names_are_the_texts():
    text = "Mayor Marta Vell met the Korr council in Ardo. The White House stayed silent."
    body = _body(text, [("Marta Vell", "PERSON", "person:marta-vell"), ("Ardo", "GPE", "gpe:ardo"),
                        ("White House", "ORG", "org:white-house")], [("Ardo", "Ardo Town")])
    title = "Vell and Ardo council meet as White House waits"
    # alone, the model read "White House" as a place abroad
    head = _head(title, [("Vell", "GPE", "gpe:vell"), ("White House", "FAC", "fac:white-house")],
                 [("White House", "Blanca City"), ("Ardo", "Ardo Village")])
    read = as_in_text(head, body)
    assert {(m.text, m.label, m.entity_id) for m in read.mentions} == {
        ("Vell", "PERSON", "person:marta-vell"),  # the one person of the text with that surname
        ("White House", "ORG", "org:white-house"),
        ("Ardo", "GPE", "gpe:ardo"),  # the model missed it in the headline: the text names it
    }
    assert {e.name for e in read.entities} == {"Marta Vell", "White House", "Ardo"}
    # the text resolves "Ardo" so, and uses "White House" but never as a place
    assert [(p.text, p.name) for p in read.places] == [("Ardo", "Ardo Town")]
    for m in read.mentions:
        assert title[m.span[0] : m.span[1]] == m.text


def test_a_place_of_the_text_is_a_place_of_the_headline():
    """Alone, the model read "Ardo" of the headline as part of a name; the text resolves the
    word as a place, and so does the headline (not "Ardon": whole words)."""
    body = _body("The ferry sank off Ardo. Ardon Bay was calm.", [("Ardo", "GPE", "gpe:ardo")],
                 [("Ardo", "Ardo Town"), ("Ardon Bay", "Ardon Bay")])
    title = "Three Ardo ferry victims named in Ardon"
    head = _head(title, [("Ardo ferry", "ORG", "org:ardo-ferry")])
    read = as_in_text(head, body)
    assert [(title[p.span[0] : p.span[1]], p.name) for p in read.places] == [("Ardo", "Ardo Town")]


def test_a_surname_two_people_of_the_text_bear_stays_as_it_is():
    body = _body("Marta Vell and Ivo Vell spoke.", [("Marta Vell", "PERSON", "person:marta-vell"),
                                                    ("Ivo Vell", "PERSON", "person:ivo-vell")])
    head = _head("Vell speaks", [("Vell", "PERSON", "person:vell")])
    (m,) = as_in_text(head, body).mentions
    assert m.entity_id == "person:vell"


def test_an_untitled_article_has_no_headline():
    assert read_headline(Analysis(article=Article(id="a", text="Text.", title="  "))) is None


def test_read_headline_gives_the_titles_facts(nlp):
    text = "Mayor Marta Vell blamed the council on Sunday.\n\nThe council said it would reply."
    analysis = _body(text, [("Marta Vell", "PERSON", "person:marta-vell")])
    title = "Vell Blames Council For Flood Defeat"
    head = read_headline(Analysis(article=Article(id="a", text=text, title=title, published="2031-05-12"),
                                  mentions=analysis.mentions, entities=analysis.entities))
    assert head.analysis.article.text == title  # spans index the title, as written
    assert [e.type for e in head.analysis.events] == ["ACCUSE"]
    assert head.analysis.events[0].actor == "Marta Vell"


class _NoSingleParse:
    """spaCy as ``read_headline`` may see it inside ``titles_parsed``: no title parsed alone."""

    def __call__(self, text):
        raise AssertionError(f"parsed alone: {text!r}")


def test_titles_parsed_ahead_give_the_same_headlines_in_one_batch(nlp, monkeypatch):
    text = "Mayor Marta Vell blamed the council on Sunday.\n\nRebels in Ardo said the bridge was shelled."
    body = _body(text, [("Marta Vell", "PERSON", "person:marta-vell"), ("Ardo", "GPE", "gpe:ardo")])
    titles = ["Vell blames council for flood defeat", "Rebels shell bridge near Ardo",
              "Vell blames council for flood defeat"]  # the same title twice: parsed once
    analyses = [replace(body, article=Article(id=f"a{i}", text=text, title=t, published="2031-05-12"))
                for i, t in enumerate(titles)]
    alone = [read_headline(a) for a in analyses]
    with titles_parsed([a.article for a in analyses]):
        monkeypatch.setattr(headline, "load_nlp", _NoSingleParse)
        ahead = [read_headline(a) for a in analyses]
    assert [h.analysis for h in ahead] == [h.analysis for h in alone]
    assert [[(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in h.doc] for h in ahead] == [
        [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in h.doc] for h in alone]
    with pytest.raises(AssertionError, match="parsed alone"):  # the batch's parses are gone after it
        read_headline(analyses[0])


def test_a_title_case_title_is_parsed_alone_in_its_texts_form(nlp, monkeypatch):
    text = "Mayor Marta Vell blamed the council on Sunday."
    body = _body(text, [("Marta Vell", "PERSON", "person:marta-vell")])
    analysis = replace(body, article=Article(id="a", text=text, title="Vell Blames Council For Flood Defeat"))
    with titles_parsed([analysis.article]):
        monkeypatch.setattr(headline, "load_nlp", _NoSingleParse)
        with pytest.raises(AssertionError, match="Vell blames council for flood defeat"):
            read_headline(analysis)


@pytest.mark.parametrize(
    ("words", "title", "spans"),
    [
        ("Ardo", "Ardo ferry victims named", [(0, 4)]),
        ("Ardo", "Ardon votes; Ardo's mayor resigns", [(13, 17)]),  # whole words only
        ("Marta Vell", "Vell and Marta Vell meet", [(9, 19)]),
        ("Vell", "Vellmore council meets", []),
        ("Korr", "Velmia votes", []),
    ],
)
def test_names_are_found_in_the_title_as_whole_words(words, title, spans):
    assert [m.span() for m in headline._whole_words(words, title)] == spans


@pytest.mark.parametrize(
    ("title", "actor"),
    [
        # a headline drops a passive's auxiliary: "Velm market bombed" is "was bombed"; the
        # market bombs no one
        ("Velm market bombed in the north, at least 12 dead", None),
        ("Korr depot shelled overnight", None),
        # a headline's present, a past with its object, a passive with its agent: as parsed
        ("Rebels shell Korr depot overnight", "Rebels"),
        ("Rebels shelled the Korr depot overnight", "Rebels"),
        # so is the clause a closing "…, X says" reports
        ("Korr depot shelled overnight, army says", None),
        ("Rebels shelled the Korr depot, army says", "Rebels"),
    ],
)
def test_a_headlines_bare_past_verb_is_a_passive(nlp, title, actor):
    text = "The town was quiet on Sunday.\n\nShops opened late."
    head = read_headline(Analysis(article=Article(id="a", text=text, title=title, published="2031-05-12")))
    assert [(e.type, e.actor) for e in head.analysis.events] == [("ASSAULT", actor)]


@pytest.mark.parametrize(
    "title",
    [
        "Dozens arrested, 12 hurt in Paris clashes",
        "Hundreds arrested, three hurt in Lyon clashes",
        "Dozens arrested after Korr march",
        "40 detained in Korr overnight",
    ],
)
def test_a_bare_count_in_a_headline_is_no_actor(nlp, title):
    """A count with no noun does nothing in a headline: "Dozens arrested" were arrested,
    however the parse hangs the verb (here under a misread "clashes")."""
    text = "The town was quiet on Sunday.\n\nShops opened late."
    head = read_headline(Analysis(article=Article(id="a", text=text, title=title, published="2031-05-12")))
    coerce = [e for e in head.analysis.events if e.type == "COERCE"]
    assert coerce and all(e.actor is None for e in coerce), head.analysis.events


def test_a_bare_count_in_the_headline_is_not_the_main_events_actor(nlp):
    title = "Dozens arrested, 12 hurt in Paris clashes"
    body = "Officers in Paris said on Sunday that stones were thrown near the town hall before the arrests."
    (analysis,) = analyse([clean_document(Document(origin="t", content=body, title=title, published="2031-05-12"))])
    main = analysis.main_event
    assert main.in_title and main.type == "COERCE" and main.actor is None and main.recipient == "Dozens"


def test_a_headlines_label_before_a_colon_is_no_actor(nlp):
    # the model parses the label "Ardo attack" as a second subject of "kills"
    text = "The town was quiet on Sunday.\n\nShops opened late."
    head = read_headline(Analysis(article=Article(id="a", text=text, title="Ardo attack: militia kills 14 villagers",
                                                  published="2031-05-12")))
    assert [(e.type, e.actor) for e in head.analysis.events] == [("ASSAULT", "militia")]


@pytest.mark.parametrize(
    ("text", "word", "label", "common"),
    [
        # the text writes the word in lower case elsewhere: a common word opening a sentence
        ("Flash floods swept through Velmia. Rescuers said the flash floods came at night.", "Flash", "PERSON",
         True),
        ("Controversial pastor picked for patrol. The move is controversial.", "Controversial", "ORG", True),
        # the lexicon knows the word as a happening, a force of nature or a crowd
        ("Wildfires raged across Velmia on Sunday.", "Wildfires", "PERSON", True),
        ("Protesters gathered. Riot police clashed with them.", "Riot", "PERSON", True),
        # a name: capitalised inside a sentence too, or a country, or not opening a sentence
        ("Flash said the floods came at night. The team met Flash and his flash cards.", "Flash", "PERSON",
         False),
        ("Trump rally drew thousands in Ohio on Sunday.", "Trump", "PERSON", False),
        ("Turkey closed the border. Families ate turkey.", "Turkey", "GPE", False),
        ("Floods hit the town, said Riot on Sunday.", "Riot", "PERSON", False),
        # not one capitalised word: an acronym, two words
        ("NATO met. The nato summit ended.", "NATO", "ORG", False),
        ("Storm Ciaran hit Velmia. The storm ended.", "Storm Ciaran", "EVENT", False),
    ],
)
def test_a_common_word_opening_a_sentence_is_no_name(text, word, label, common):
    """The small model types a capitalised common word that opens a sentence or a headline
    as a name ("Flash floods kill 38": "Flash" became the main event's actor)."""
    at = text.index(word)
    m = Mention("a", (at, at + len(word)), word, label, f"{label.lower()}:{word.lower()}")
    assert (retyped(m, text) is None) == common


def test_a_common_word_opening_the_text_is_not_the_headlines_actor(nlp):
    title = "Flash floods kill 38 in Velmia"
    body = "Flash floods swept through northern Velmia on Sunday. The flash floods came at night."
    (analysis,) = analyse([clean_document(Document(origin="t", content=body, title=title, published="2031-05-12"))])
    assert "Flash" not in {m.text for m in analysis.mentions}
    assert analysis.main_event.in_title and analysis.main_event.actor != "Flash"
