"""The main event of news of many kinds (issue 7): who, what, when and where as a reader
reads them in leads of sport, business, science, politics, disasters and crime.

The articles are written for these tests (invented people and events, real towns where the
gazetteer must know them); each runs the real per-article stages with the session ``nlp``
fixture, as a user's article goes.
"""

from __future__ import annotations

import pytest

from newsdesk.clean import clean_document
from newsdesk.model import Analysis, Document
from newsdesk.pipeline import analyse


def _ingested(title: str, content: str, published: str = "2031-05-12") -> Analysis:
    """An article as the pipeline makes it: cleaned, then the per-article stages."""
    article = clean_document(Document(origin="t", content=content, title=title, published=published))
    (analysis,) = analyse([article])
    return analysis


@pytest.mark.parametrize(
    ("title", "actor"),
    [
        # a town that is the subject of a tensed verb acts, as a team or a council does
        ("Denver beat Portland in overtime", "Denver"),
        ("Leeds bans cars from city centre", "Leeds"),
        ("Portland approves new stadium deal", "Portland"),
    ],
)
def test_a_town_that_is_a_verbs_subject_is_who(nlp, title, actor):
    analysis = _ingested(title, "The players of both sides arrived by coach on Saturday.\n\nFans sang.")
    main = analysis.main_event
    assert (main.in_title, main.actor) == (True, actor)
