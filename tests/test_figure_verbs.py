"""Figures whose verb says what the counted people are (facts/figure_verbs): captives, no
troops; a march's crowd counted by its organisers and by the police; and numbers that
are no count or no bound (an age after "aged", "handed over 35")."""

from __future__ import annotations

import pytest

from newsdesk.facts.figures import find_figures
from newsdesk.facts.numbers import find_numbers
from newsdesk.facts.quotes import find_quotes
from newsdesk.model import Analysis, Article, article_id
from newsdesk.nlp.entities import find_mentions


def _figures(nlp, text: str):
    doc = nlp(text)
    analysis = find_quotes(find_mentions(Analysis(article=Article(id=article_id(text), text=text)), doc), doc)
    return find_figures(analysis, doc).figures


@pytest.mark.parametrize(
    ("text", "value", "quantity", "subject"),
    [
        ("Five soldiers were taken prisoner at the checkpoint.", 5, "captured", "soldiers"),
        ("The attackers captured five soldiers and burned the post.", 5, "captured", "soldiers"),
        ("Gunmen abducted 12 students from the school.", 12, "captured", "students"),
        ("The rebels captured 12 villages.", 12, "count", "villages"),  # no captives
        ("The army sent 800 soldiers to the border.", 800, "troops", None),
        ("Eleven passengers of a bus were missing.", 11, "missing", "passengers"),
        ("Organisers said 120,000 people took part in the march.", 120_000, "protesters", "people"),
        ("The alliance said 150,000 people had joined Saturday's march.", 150_000, "protesters", "people"),
        ("Police put the number of protesters at 18,000.", 18_000, "protesters", None),
        ("The organisers put the crowd at more than 100,000.", 100_000, "protesters", None),
    ],
)
def test_what_the_verb_says_the_counted_people_are(nlp, text, value, quantity, subject):
    [f] = [f for f in _figures(nlp, text) if f.value == value]
    assert (f.quantity, f.subject) == (quantity, subject)


@pytest.mark.parametrize(("text", "reporter"), [
    ("Police put the number of protesters at 18,000.", "Police"),
    ("The organisers put the crowd at more than 100,000.", "The organisers"),
    # the quote stage runs the police's words on to the sentence's end; the count is the organisers'
    ("Police said 20,000 marched, while the organisers put the crowd at more than 100,000.", "the organisers"),
    ('"We put the toll at 40," the minister said.', "the minister"),  # a pronoun: the quote's speaker
])
def test_who_puts_a_crowd_at_a_number_reports_it(nlp, text, reporter):
    f = _figures(nlp, text)[-1]
    assert f.reported_by == reporter


@pytest.mark.parametrize("text", ["The dead included a girl aged 9.", "Among the wounded were men aged 19 to 25."])
def test_a_number_after_aged_is_an_age(nlp, text):
    assert not [f for f in _figures(nlp, text) if f.value in (9, 19, 25)]


@pytest.mark.parametrize(("text", "number", "qualifier"), [
    ("The Red Cross handed over 35 bodies.", "35", None),
    ("The rebels turned over 12 prisoners.", "12", None),
    ("A crowd of over 100,000 gathered.", "over 100,000", "more than"),
    ("The toll is over 40.", "over 40", "more than"),
])
def test_over_after_a_verb_it_is_the_particle_of_is_no_bound(text, number, qualifier):
    [n] = find_numbers(text)
    assert (n.text, n.qualifier) == (number, qualifier)
