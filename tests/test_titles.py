"""The story title: the editor's headline, or the one there is, truecased from its body."""

from __future__ import annotations

import pytest

from newsdesk.corpus.titles import story_title, truecase

BODY = (
    "Rescue teams from Poland reached the village of Nowa Wieś on Monday. The teams said "
    "the river Odra had risen overnight, and officials in Wrocław ordered more boats."
)


@pytest.mark.parametrize(
    ("titles", "title"),
    [
        (["Rescuers reach the flooded valley", "Flood toll rises"], "Rescuers reach the flooded valley"),
        (["rescuers reach the flooded valley", "Flood toll rises"], "Flood toll rises"),
        (["FLOOD TOLL RISES TO 40", "Flood toll rises to 40"], "Flood toll rises to 40"),
        ([None, "Talks resume in Geneva"], "Talks resume in Geneva"),
        (["rescue teams from poland reach nowa wieś", None], "Rescue teams from Poland reach Nowa Wieś"),
        (["RIVER ODRA RISES, BOATS SENT"], "River Odra rises, boats sent"),
    ],
)
def test_the_story_title_is_the_first_headline_written_as_an_editor_writes_it(titles, title):
    assert story_title(titles, BODY) == title


def test_without_any_headline_the_title_is_the_bodys_first_line():
    assert story_title(["", "  ", None], "\n  Boats sent to the river\nMore text") == "Boats sent to the river"
    assert story_title([], "x" * 400) == "x" * 160


@pytest.mark.parametrize(
    ("title", "body", "cased"),
    [
        # a word the body never writes inside a sentence keeps its lower case
        ("storm hits kraków", "Kraków was hit.", "Storm hits kraków"),
        # the more frequent form inside sentences wins
        ("the us says", "he said the US would act, and the US did; the us in lower case once", "The US says"),
        ("officials in wrocław act", BODY, "Officials in Wrocław act"),
    ],
)
def test_truecase_takes_each_words_case_from_inside_the_bodys_sentences(title, body, cased):
    assert truecase(title, body) == cased
