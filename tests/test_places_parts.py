"""Places, fourth round: names the tagger calls something else, and what a name is part
of (a feature, a street, a person's title). Texts written for the tests."""

from __future__ import annotations

import pytest

from newsdesk.model import Analysis, Article
from newsdesk.nlp.places import resolve_places


def _places(nlp, text):
    return resolve_places(Analysis(article=Article(id="t", text=text)), nlp(text)).places


# --- names the tagger calls something else ---------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # The tagger makes a people's name an adjective and tags no entity on it.
        ("Salvadoran migrant workers waited at the border crossing.", "Salvadoran", "SV"),
        # The first "Cork" opens its sentence as a common noun; the second is the town,
        # so the first is too (a name keeps its sense through an article).
        ("Cork fans cheered. The match in Cork ended late.", "Cork", "IE"),
    ],
)
def test_a_name_the_tagger_calls_no_proper_noun(nlp, text, name, country):
    places = [p for p in _places(nlp, text) if p.text == name]
    assert places and all(p.country == country for p in places)
    assert len(places) == text.count(name)


@pytest.mark.slow
def test_a_county_as_large_as_a_city_is_found_bare(nlp):
    # The tagger tags nothing on "Fife"; a Scottish council area of 370,000 people is
    # found as a city of that size would be.
    places = {p.text: p for p in _places(nlp, "Knockhill, Fife hosts the race in August.")}
    assert places["Fife"].country == "GB"
