"""The main event of short news articles written afresh for issue 7 (none of them from
Giveme5W1H's set): headlines of many outlets' kinds (an agentless passive, a tabloid's
capitals, a headline whose clause ends in what it followed) against the lead that tells
the same event.

Each article runs the real per-article stages with the session ``nlp`` fixture, as a
user's article goes (people and firms are invented; the places are real towns, for the
gazetteer to know them).
"""

from __future__ import annotations

import pytest

from newsdesk.clean import clean_document
from newsdesk.model import Analysis, Document
from newsdesk.pipeline import analyse


def _ingested(title: str, content: str, published: str = "2031-05-14") -> Analysis:
    """An article as the pipeline makes it: cleaned, then the per-article stages."""
    article = clean_document(Document(origin="t", content=content, title=title, published=published))
    (analysis,) = analyse([article])
    return analysis


@pytest.mark.parametrize(
    ("title", "lead", "what"),
    [
        # the gerund after "after" says after what the arrest came, though the parse takes
        # it for the preposition's object: the arrest is the news, told again by the lead
        ("Teenager arrested after Bristol stabbing",
         "Police have arrested a 17-year-old boy after a man was stabbed in Bristol on Saturday night.",
         "have arrested a 17-year-old boy"),
        ("Two men held after Leeds shooting",
         "Detectives have detained two men after a woman was shot in Leeds on Sunday.",
         "have detained two men"),
    ],
)
def test_a_gerund_after_a_preposition_of_time_is_no_main_event(nlp, title, lead, what):
    main = _ingested(title, lead + "\n\nThe victim was taken to hospital. Officers are not looking for anyone else.")
    assert main.main_event.what == what
