"""nlp/doccache.py gives what spaCy gives, for the doc asked about and no other."""

from __future__ import annotations

import pytest

TEXTS = [
    "Mayor Anna Lindqvist visited Riverton on Friday. She said the bridge was closed.\n\nIt reopens in May.",
    "Two ferries left Hollow Creek. Nobody was hurt, the coast guard said on Tuesday.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_cached_values_are_spacys(nlp, text):
    from newsdesk.nlp.doccache import doc_ents, doc_text, sentence, sentences

    doc = nlp(text)
    assert doc_text(doc) == doc.text == text
    assert doc_ents(doc) == doc.ents
    assert sentences(doc) == list(doc.sents)
    assert [sentence(doc, t.i) for t in doc] == [t.sent for t in doc]


def test_a_new_doc_is_not_served_the_last_ones_values(nlp):
    from newsdesk.nlp.doccache import doc_ents, doc_text, sentences

    first, second = nlp(TEXTS[0]), nlp(TEXTS[1])
    assert doc_text(first) == TEXTS[0] and doc_text(second) == TEXTS[1] and doc_text(first) == TEXTS[0]
    assert [e.text for e in doc_ents(second)] == [e.text for e in second.ents]
    assert len(sentences(first)) == len(list(first.sents))
