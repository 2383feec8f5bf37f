"""Choosing one candidate per toponym of an article, all names at once.

Every name of the article has candidates in the gazetteer, each with a score of its own
(its kind, size, whether the name is its main name, a qualifier written after it: see
``places.prior``). The article adds context: a candidate gains where the other names'
candidates lie in its country (``SAME_COUNTRY``), its first-level region
(``SAME_REGION``) or within a day's drive (``NEAR``), each term growing with the share of
the article there, and the whole capped (``CONTEXT_CAP``); a large city counts for less
in the region term than a town (``LOCAL_SIZE``).

Which candidates of the other names count? Choosing each name's best one and rescoring
against those choices (the earlier method) lets the first, context-free choices decide:
"Paris" starts as the French capital and "Henry County" as Georgia's largest, and
neither moves though Paris, Tennessee is the seat of Henry County, Tennessee. Here every
candidate of every name counts, weighed by how likely it is so far (a softmax of its
score within its name, ``BETA``); the weights are recomputed from the new scores
``ROUNDS`` times (mean-field inference), so that a pair of names that agree on a place
pull each other up together. Measured on LGL (588 local US reports, ``python -m evals
places``): acc@161km 0.772 -> 0.787; GeoWebNews 0.734 -> 0.733, GeoVirus 0.783 -> 0.781 (a
handful of toponyms, e.g. "London" and "Glasgow" beside a stray "Elizabeth" turning to
Kentucky's namesakes).

numpy does the sums: one article's candidates are a few hundred to a few thousand rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsdesk.nlp.gazetteer import Candidate

# Context terms. The weights are round numbers chosen from what each term means, not
# fitted to an evaluation set: a country or region of the article (2.5, 2.0) outweighs a
# factor of 100,000 in size at the prior's 0.5 a decade of population.
SAME_COUNTRY = 2.5
SAME_REGION = 2.0
# Other places of the article within a day's drive; the term grows with their share, so
# that one stray name ("Brooklyn" in a report from Augusta) pulls little.
NEAR_KM, NEAR = 200.0, 1.5
# Context may lift a town over a namesake about 10,000 times its size, no further: the
# US village "Russia" stays below the country however American the article is.
CONTEXT_CAP = 4.5
TOWN_KINDS = ("city", "capital")
SUB_COUNTRY_KINDS = (*TOWN_KINDS, "admin1", "admin2", "area")
# Kinds that a nearby place vouches for (a region's point is only its middle).
NEAR_KINDS = (*TOWN_KINDS, "admin2", "area")
# A candidate's weight is exp(BETA * score) within its name: at 2, a town ten times
# larger (0.5 of score) weighs e = 2.7 times more. Rounds of reweighing: the choices
# settle by about 10 (measured on LGL: 4 rounds 0.780, 8 rounds 0.785, 12 rounds 0.787;
# BETA 1.5, 2 and 2.5 give 0.781, 0.785, 0.786 at 8 rounds).
BETA = 2.0
ROUNDS = 10
# A large city says less about the region an article is from than a small town: news
# from anywhere names Chicago or Dallas, while only local news names Rochester, Illinois.
# So a city's weight in the region term shrinks as the square root of its size past
# that of a large city (300,000 people; about 65 US cities are larger): "Santa Clara"
# beside "Dallas" stays the Californian city, not a Texan village. (Measured on LGL:
# acc@161km 0.812 -> 0.816, half A 0.824 -> 0.827, B 0.799 -> 0.804; GeoVirus 0.783 ->
# 0.785, GeoWebNews unchanged. Thresholds of 100,000 and 1,000,000 gave 0.813 each.)
LOCAL_SIZE = 300_000
# Candidates weighing less than this lend no point to the nearness term (it is the one
# term that compares candidates pairwise; the dropped weight is scattered anyway).
_MIN_WEIGHT = 0.01
# Weights that move less than this in a round have settled.
_SETTLED = 1e-3


@dataclass(frozen=True, slots=True)
class _Table:
    """The candidates of all names, one row each, as arrays."""

    name: np.ndarray  # the row's name index
    base: np.ndarray  # the score without context
    country: np.ndarray  # country index, -1 for none
    region: np.ndarray  # (country, admin1) index, -1 for none
    gets_country: np.ndarray  # the country term applies (not to countries themselves)
    gets_region: np.ndarray
    gets_near: np.ndarray
    is_point: np.ndarray  # a sub-country place: lends its point to the nearness term
    lat: np.ndarray
    lon: np.ndarray
    local: np.ndarray  # how much the row says about the article's region (``local_weight``)
    n_names: int
    n_countries: int
    n_regions: int

    @classmethod
    def of(cls, cands: Sequence[Sequence[Candidate]], base: Sequence[Sequence[float]]) -> _Table:
        rows = [(i, c) for i, cs in enumerate(cands) for c in cs]
        cs = [c for _, c in rows]
        country, n_countries = _index([c.country for c in cs])
        region, n_regions = _index([(c.country, c.admin1) if c.admin1 else None for c in cs])
        return cls(
            name=np.array([i for i, _ in rows], dtype=np.int64),
            base=np.array([s for scores in base for s in scores], dtype=float),
            country=country,
            region=region,
            gets_country=np.array([c.kind != "country" and c.country is not None for c in cs], dtype=bool),
            gets_region=np.array([c.kind != "country" and c.admin1 is not None for c in cs], dtype=bool),
            gets_near=np.array([c.kind in NEAR_KINDS for c in cs], dtype=bool),
            is_point=np.array([c.kind in SUB_COUNTRY_KINDS for c in cs], dtype=bool),
            lat=np.array([c.lat for c in cs], dtype=float),
            lon=np.array([c.lon for c in cs], dtype=float),
            local=np.array([local_weight(c) for c in cs], dtype=float),
            n_names=len(cands),
            n_countries=n_countries,
            n_regions=n_regions,
        )


def choose_jointly(cands: Sequence[Sequence[Candidate]], base: Sequence[Sequence[float]]) -> list[Candidate]:
    """The best candidate of each name, ``base[i][j]`` being the score of ``cands[i][j]``
    without context. Every name needs one candidate at least."""
    if not cands:
        return []
    t = _Table.of(cands, base)
    score, w = t.base, weights(t.base, t.name, t.n_names)
    for _ in range(ROUNDS):
        score = t.base + np.minimum(context(t, w), CONTEXT_CAP)
        w, last = weights(score, t.name, t.n_names), w
        if np.abs(w - last).max() < _SETTLED:
            break
    best = np.full(t.n_names, -np.inf)
    np.maximum.at(best, t.name, score)
    first = np.flatnonzero(score == best[t.name])  # the first row of a tie: the most populous
    chosen: dict[int, int] = {}
    for row in first:
        chosen.setdefault(int(t.name[row]), int(row))
    flat = [c for cs in cands for c in cs]
    return [flat[chosen[i]] for i in range(t.n_names)]


def local_weight(c: Candidate) -> float:
    """1 for a region, a county or a town up to ``LOCAL_SIZE`` people; less for a larger city."""
    if c.kind not in TOWN_KINDS or c.population <= LOCAL_SIZE:
        return 1.0
    return (LOCAL_SIZE / c.population) ** 0.5


def weights(score: np.ndarray, name: np.ndarray, n_names: int) -> np.ndarray:
    """exp(BETA * score), normalised within each name."""
    top = np.full(n_names, -np.inf)
    np.maximum.at(top, name, score)
    e = np.exp(BETA * (score - top[name]))
    return e / np.bincount(name, weights=e, minlength=n_names)[name]


def context(t: _Table, w: np.ndarray) -> np.ndarray:
    """Each row's context term against the other names' candidates weighed by ``w``."""
    out = np.zeros(len(w))
    for gets, group, n_groups, weight, evidence in (
        (t.gets_country, t.country, t.n_countries, SAME_COUNTRY, w),
        (t.gets_region, t.region, t.n_regions, SAME_REGION, w * t.local),
    ):
        share = shares(t.name, group, n_groups, evidence, t.n_names)
        rows = np.flatnonzero(gets & (group >= 0))
        out[rows] += weight * share[t.name[rows], group[rows]]
    out += NEAR * near_share(t, w)
    return out


def shares(name: np.ndarray, group: np.ndarray, n_groups: int, w: np.ndarray, n_names: int) -> np.ndarray:
    """``share[k, g]``: the weight the names other than ``k`` put on group ``g`` (a country,
    a region), over the largest such weight or 1, whichever is more. The home region of
    an article thus gets 1 and a region named once beside one named four times 0.25; a
    region that only scattered candidates touch (the many US towns called Washington)
    gets what they weigh, not 1."""
    m = np.zeros((n_names, max(n_groups, 1)))
    rows = group >= 0
    np.add.at(m, (name[rows], group[rows]), w[rows])
    others = m.sum(axis=0)[None, :] - m
    return others / np.maximum(others.max(axis=1, keepdims=True), 1.0)


def near_share(t: _Table, w: np.ndarray) -> np.ndarray:
    """Per row: the share of the other names' sub-country weight lying within NEAR_KM."""
    out = np.zeros(len(w))
    points = np.flatnonzero(t.is_point & (w >= _MIN_WEIGHT))
    rows = np.flatnonzero(t.gets_near)
    if not len(points) or not len(rows):
        return out
    point_weight = np.bincount(t.name[t.is_point], weights=w[t.is_point], minlength=t.n_names)
    others = point_weight.sum() - point_weight[t.name[rows]]
    d = haversine_np(t.lat[rows, None], t.lon[rows, None], t.lat[None, points], t.lon[None, points])
    near = (d <= NEAR_KM) & (t.name[rows, None] != t.name[None, points])
    mass = near.astype(float) @ w[points]
    out[rows] = np.divide(mass, others, out=np.zeros(len(rows)), where=others > 1e-12)
    return out


def haversine_np(lat1, lon1, lat2, lon2) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat, dlon = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(1.0, a)))


def _index(values: list) -> tuple[np.ndarray, int]:
    """Each value's index among the distinct values (None: -1), and their number."""
    ids: dict = {}
    return np.array([-1 if v is None else ids.setdefault(v, len(ids)) for v in values], dtype=np.int64), len(ids)
