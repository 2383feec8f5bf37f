"""Stories: the pieces of the merge/split pass on hand-built feature vectors (no store).

Vectors use the stories module's feature keys: ``t:`` terms, ``e:`` entities, ``c:``
countries, ``d:`` the article's time.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.corpus import stories

FLOOD_PL = {"t:flood": 1.0, "t:dam": 0.5, "e:gpe:nysa": 1.0, "c:PL": 1.0, "d:2024-09-16T09:00": 1.0}
FLOOD_PL_LATER = {"t:flood": 1.0, "t:evacuate": 0.7, "e:gpe:nysa": 1.0, "c:PL": 1.0, "d:2024-09-16T18:00": 1.0}
FLOOD_CZ = {"t:flood": 1.0, "t:dam": 0.5, "e:gpe:opava": 1.0, "c:CZ": 1.0, "d:2024-09-16T09:00": 1.0}
WAR_2020 = {"t:shelling": 1.0, "e:gpe:stepanakert": 1.0, "c:AZ": 1.0, "d:2020-09-27T10:00": 1.0}
WAR_2023 = {"t:shelling": 1.0, "e:gpe:stepanakert": 1.0, "c:AZ": 1.0, "d:2023-09-19T14:00": 1.0}
UNDATED = {"t:flood": 1.0, "t:dam": 0.5}
VECTORS = [FLOOD_PL, FLOOD_PL_LATER, FLOOD_CZ, WAR_2020, WAR_2023, UNDATED]
WEIGHTS = {"t:flood": 1.5, "t:dam": 2.0, "t:evacuate": 2.5, "t:shelling": 2.0}


def test_pair_scores_are_the_score_of_each_pair():
    matrix = stories.pair_scores(VECTORS, WEIGHTS, sigma=5.0)
    for i, x in enumerate(VECTORS):
        for j, y in enumerate(VECTORS):
            assert matrix[i, j] == pytest.approx(stories.score(x, y, WEIGHTS, sigma=5.0), abs=1e-9), (i, j)


@pytest.mark.parametrize(
    ("x", "y", "low", "high"),
    [
        pytest.param(FLOOD_PL, FLOOD_PL_LATER, 0.5, 1.0, id="one flood, one town, hours apart"),
        pytest.param(FLOOD_PL, FLOOD_CZ, 0.0, 0.45, id="same words, another country: the floor halves it"),
        pytest.param(WAR_2020, WAR_2023, 0.0, 1e-9, id="same place and actors, three years apart"),
        pytest.param(FLOOD_PL, UNDATED, 0.5, 1.0, id="no time and no place: words decide"),
    ],
)
def test_where_and_when_separate_what_words_join(x, y, low, high):
    assert low <= stories.pair_scores([x, y], WEIGHTS)[0, 1] <= high


def test_countries_scale_the_score_between_the_floor_and_one():
    same = stories.score(FLOOD_PL, {**FLOOD_CZ, "c:CZ": 0.0, "c:PL": 1.0}, WEIGHTS)
    other = stories.score(FLOOD_PL, FLOOD_CZ, WEIGHTS)
    assert other == pytest.approx(stories.COUNTRY_FLOOR * same)


def _partition(labels: list[int]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, set()).add(i)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize(
    ("scores", "link", "groups"),
    [
        pytest.param([[1, 0.5, 0.0], [0.5, 1, 0.0], [0.0, 0.0, 1]], 0.2, {(0, 1), (2,)}, id="a pair and a loner"),
        # 0-1 and 1-2 are close, 0-2 far: single link would chain all three; the average
        # of 2's pairs with {0, 1} is (0.05 + 0.3) / 2 = 0.175, below the link.
        pytest.param([[1, 0.9, 0.05], [0.9, 1, 0.3], [0.05, 0.3, 1]], 0.2, {(0, 1), (2,)}, id="no chaining"),
        pytest.param([[1, 0.9, 0.25], [0.9, 1, 0.3], [0.25, 0.3, 1]], 0.2, {(0, 1, 2)}, id="average above the link"),
        pytest.param([[1.0]], 0.2, {(0,)}, id="one article"),
    ],
)
def test_average_link(scores, link, groups):
    assert _partition(stories.average_link(np.array(scores), link)) == {frozenset(g) for g in groups}


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=12), st.integers(min_value=0, max_value=2**32 - 1))
def test_average_link_does_not_depend_on_the_order(n, seed):
    """The same articles in another order make the same groups (ties aside: none here,
    as the scores are drawn from a continuous distribution; hypothesis's own random
    values repeat, and tied averages may merge in either order)."""
    rng = np.random.default_rng(seed)
    upper = np.triu(rng.random((n, n)), 1)
    scores = upper + upper.T + np.eye(n)
    order = [int(i) for i in rng.permutation(n)]
    direct = _partition(stories.average_link(scores, 0.4))
    shuffled = stories.average_link(scores[np.ix_(order, order)], 0.4)
    assert {frozenset(order[i] for i in g) for g in _partition(shuffled)} == direct


def test_a_stray_joins_the_group_it_fits_as_a_whole():
    """A short report of the Polish flood shares one word with each of the two reports but
    fits their sum: it joins them; the Czech report stays out."""
    short = {"t:flood": 1.0, "e:gpe:nysa": 1.0, "c:PL": 1.0, "d:2024-09-16T12:00": 1.0}
    labels = stories.attach_strays([0, 0, 1, 2], [FLOOD_PL, FLOOD_PL_LATER, short, FLOOD_CZ], WEIGHTS)
    assert labels[2] == labels[0] and labels[3] != labels[0]


def test_strays_alone_stay_alone():
    assert stories.attach_strays([0, 1], [FLOOD_PL, WAR_2020], WEIGHTS) == [0, 1]
