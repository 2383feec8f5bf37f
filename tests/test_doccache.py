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


@pytest.mark.parametrize("text", TEXTS)
def test_token_columns_are_spacys(nlp, text):
    from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, ORTH, POS, TAG

    from newsdesk.nlp.doccache import token_strings, tokens

    doc = nlp(text)
    assert tokens(doc) == list(doc)
    assert token_strings(doc, POS) == [t.pos_ for t in doc]
    assert token_strings(doc, DEP) == [t.dep_ for t in doc]
    assert token_strings(doc, TAG) == [t.tag_ for t in doc]
    assert token_strings(doc, LOWER) == [t.lower_ for t in doc]
    assert token_strings(doc, ORTH) == [t.text for t in doc]
    assert token_strings(doc, LEMMA) == [t.lemma_ for t in doc]
    assert token_strings(doc, ENT_TYPE) == [t.ent_type_ for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_span_ents_are_spacys(nlp, text):
    from newsdesk.nlp.doccache import sentences, span_ents

    doc = nlp(text)
    spans = sentences(doc) + [doc[i:j] for i in range(len(doc)) for j in range(i, len(doc) + 1)]
    assert all(span_ents(s) == list(s.ents) for s in spans)


def test_per_doc_makes_once_per_doc_and_keeps_the_last_two(nlp):
    from newsdesk.nlp.doccache import per_doc

    made = []

    def count(doc):
        made.append(doc)
        return len(doc)

    first, second, third = (nlp(t) for t in (*TEXTS, "A third text."))
    assert [per_doc(d, count) for d in (first, second, first, second)] == [len(first), len(second)] * 2
    assert made == [first, second]
    per_doc(third, count)  # first is the least recent: forgotten
    per_doc(first, count)
    assert made == [first, second, third, first]
