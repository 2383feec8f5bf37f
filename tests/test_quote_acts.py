"""Verbs of words in a sense that says nothing (``facts.quote_acts.another_sense``):
hand-written sentences, each no quote, beside ones that stay quotes. A sibling of
test_quotes.py, which holds the older acts done with words."""

from __future__ import annotations

import pytest

from newsdesk.facts.quotes import find_quotes


@pytest.mark.parametrize(
    "text",
    [
        "The field clinic was admitting about 70 patients a day by the weekend.",
        "The mayor posted pictures of the flooded square on the town's website.",
        "Foreign Minister Ana Ruiz called Korvath and said the talks would go on.",
        "The Ardent Hospital declared a critical incident after its systems failed.",
    ],
)
def test_a_verb_of_words_in_a_sense_that_says_nothing_is_no_quote(staged, text):
    # "said the talks would go on" is a quote of its own: only the object of the other verb goes
    assert [q.text for q in staged(text, find_quotes).quotes if "talks" not in q.text] == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The minister admitted the mistake.", "the mistake"),
        ("The minister called the vote a sham.", "the vote a sham"),
    ],
)
def test_the_same_verbs_with_words_stay_quotes(staged, text, words):
    assert [q.text for q in staged(text, find_quotes).quotes] == [words]
