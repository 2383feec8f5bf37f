"""Holders across a story's articles (corpus/holders.py), on hand-built entities."""

from __future__ import annotations

import pytest

from newsdesk.corpus.holders import holder_key, person_of, reporter_key, short_forms, speaker_key
from newsdesk.model import Entity

KAMAU = Entity("person:peter-kamau", "Peter Kamau", "PERSON", description="Governor")
ELTAYEB = Entity("person:mariam-eltayeb", "Mariam Eltayeb", "PERSON", description="Kurdala hospital director")
WANJIRU = Entity("person:alice-wanjiru", "Alice Wanjiru", "PERSON", description="the alliance's chairwoman")
PEOPLE = [KAMAU, ELTAYEB, WANJIRU]


@pytest.mark.parametrize(("text", "key"), [("Police", "police"), ("The police", "police"), ("the  Police ", "police"),
                                           ("A rights group", "rights group"), ("", None), (None, None),
                                           ("the country's civil defence agency", "civil defence agency"),
                                           ("Peru's civil defence agency", "peru's civil defence agency"),
                                           ("the country’s", "country's")])
def test_a_holders_words_without_article_and_case(text, key):
    assert holder_key(text) == key


@pytest.mark.parametrize(("text", "person"), [
    ("the governor", KAMAU),
    ("The Governor", KAMAU),
    ("the Kurdala hospital director, Mariam Eltayeb", ELTAYEB),
    ("the hospital director", ELTAYEB),
    ("the director", ELTAYEB),
    ("the deputy director", None),  # another office
    ("the minister", None),  # no one the story calls one
    ("Police", None),
    ("Peter Kamau", None),  # a name, not a role: the entities stage links names
])
def test_the_person_a_role_names_across_a_story(text, person):
    assert person_of(text, PEOPLE) == person


def test_a_role_two_people_fit_stays_as_written():
    other = Entity("person:ruth-otieno", "Ruth Otieno", "PERSON", description="Governor of Kisumu")
    assert person_of("the governor", [KAMAU, other]) is None
    assert speaker_key("the governor", None, [KAMAU, other]) == "governor"


def test_keys_for_quotes_and_figures():
    assert speaker_key("The governor", None, PEOPLE) == speaker_key("Peter Kamau", KAMAU.id, PEOPLE) == KAMAU.id
    assert speaker_key("Police", None, PEOPLE) == speaker_key("the police", None, PEOPLE) == "police"
    role_first = reporter_key("the Kurdala hospital director, Mariam Eltayeb", PEOPLE)
    assert role_first == reporter_key("Mariam Eltayeb", PEOPLE) == "mariam eltayeb"


def test_one_word_that_ends_one_other_holders_name_is_that_holder():
    """"The league" is the Chadian League the story names; "the group" ends two names and
    stays; "the alliance" is the alliance whose entity the quotes stage knew."""
    pairs = [("The league", "league"), ("The Chadian League", "chadian league"), ("the group", "group"),
             ("a rights group", "rights group"), ("the armed group", "armed group"),
             ("the Nakuru Traders Alliance", "org:nakuru-traders-alliance"), ("the alliance", "alliance")]
    assert short_forms(pairs) == {"league": "chadian league", "alliance": "org:nakuru-traders-alliance"}


def test_one_word_that_ends_a_bodys_name_before_what_it_is_for_is_that_body():
    pairs = [("The league", "league"), ("The Chadian League for Human Rights", "chadian league for human rights"),
             ("the commission", "commission"), ("the Commission on Human Rights", "commission on human rights")]
    assert short_forms(pairs) == {"league": "chadian league for human rights",
                                  "commission": "commission on human rights"}
