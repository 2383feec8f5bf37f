"""Stories and relations through the real pipeline: the bundled examples and the seeds
(spaCy; slow)."""

from __future__ import annotations

import pytest

from newsdesk.examples import ARTICLES, RELATIONS, example_paths, load_examples
from newsdesk.pipeline import ingest
from newsdesk.read import read_inputs

pytestmark = pytest.mark.slow


def _slug_articles(store) -> dict[str, str]:
    """Example slug -> article id, through each article's sources (``articles.jsonl:N``)."""
    rows = load_examples()
    out = {}
    with store.read() as tx:
        for aid in tx.article_ids():
            for source in tx.sources(aid):
                line = int(source["origin"].rsplit(":", 1)[1])
                out[rows[line - 1]["id"]] = aid
    return out


def _slug_stories(store) -> dict[str, str]:
    with store.read() as tx:
        return {slug: tx.story_of(aid) for slug, aid in _slug_articles(store).items()}


def test_bundled_examples_form_their_intended_stories(store, nlp):
    report = ingest(read_inputs([str(p) for p in example_paths()]), store)
    assert report.ok
    got = _slug_stories(store)
    assert set(got) == set(ARTICLES)
    for slug, story in got.items():
        same = {other for other, s in got.items() if s == story}
        assert same == {other for other, ex in ARTICLES.items() if ex.story == ARTICLES[slug].story}, slug


def test_bundled_examples_show_each_relation_kind_in_the_right_direction(store, nlp):
    assert ingest(read_inputs([str(p) for p in example_paths()]), store).ok
    ids = _slug_articles(store)
    with store.read() as tx:
        found = {(r.kind, r.source, r.copy) for r in tx.relations()}
    for kind, source, copy in RELATIONS:
        if kind == "exact_copy":  # the same text: one article found at several places
            assert ids[source] == ids[copy]
        else:
            assert (kind, ids[source], ids[copy]) in found, (kind, source, copy)


def test_the_seeds_form_one_story(store, nlp, seeds):
    report = ingest(read_inputs([str(p) for p in seeds]), store)
    assert report.ok and report.new == 2
    with store.read() as tx:
        assert len({tx.story_of(a) for a in tx.article_ids()}) == 1
