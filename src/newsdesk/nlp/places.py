"""Toponyms resolved to points: the ``resolve_places`` stage.

The names are found by ``toponyms.py``. Every name has candidates in the gazetteer; each
candidate is scored by what it is (a country before a town of the same name), how large
it is, whether the name is its main name or an alternate one, a qualifier written after
it ("Alexandria, Louisiana") and a kind the text names ("Washington state"; "the
Lebanon Police": a town, not the country), and, above
all, by the article: the countries and regions where the other names' candidates lie
(each weighed by its share of the article, so that the home region outweighs a stray
name) and the share of them lying near it. All names are chosen at once, every candidate
of every name weighed by how likely it is so far (``coherence.py``), so that one
unambiguous name ("Rapides Parish", "Azerbaijan") settles the ambiguous ones and two
ambiguous names that agree ("Paris" and "Henry County", Tennessee) settle each other.
A name the article also writes with "County" after it is that county ("DeKalb").
Population alone places only a third to a half of news toponyms (issue 6), so it is one
term of many.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from newsdesk.model import Analysis, Article, Place, Span
from newsdesk.nlp.coherence import TOWN_KINDS, choose_jointly
from newsdesk.nlp.doccache import doc_text
from newsdesk.nlp.facilities import facilities_at_towns
from newsdesk.nlp.gazetteer import Candidate, Gazetteer, is_main_name, load_gazetteer, name_key
from newsdesk.nlp.toponyms import Toponym, find_toponyms

# Score terms of a candidate by itself (the article's context is added in
# ``coherence.py``). The weights are round numbers chosen from what each term means, not
# fitted to an evaluation set. At 0.5 a decade of population, a country's 3 points are
# worth a factor of a million in size, a capital's 2 a factor of 10,000; a written
# qualifier settles it. A national capital is named in news far more often than its
# namesakes ("Washington"). A region's population is the sum of its towns', so it needs
# no prior of its own.
KIND_PRIOR = {"country": 3.0, "area": 2.5, "continent": 2.5, "capital": 2.0, "admin1": 0.0, "admin2": 0.0, "city": 0.0}
POPULATION_WEIGHT = 0.5  # per decade of population
MAIN_NAME = 1.0  # the name is the place's main name, not one of its alternate names
QUALIFIED = 5.0


def resolve_places(analysis: Analysis, doc) -> Analysis:
    """Fill ``analysis.places`` from the spaCy ``doc`` of its article."""
    gaz = load_gazetteer()
    toponyms = find_toponyms(doc, gaz)
    filed_from = dateline_toponyms(analysis.article, gaz)
    choice = choose(toponyms + filed_from, gaz)
    aid = analysis.article.id
    named = [(t.span, t.text, c, "place") for t in toponyms if (c := choice.get(t.key)) is not None]
    text = doc_text(doc)
    at_towns = [(s, text[s[0] : s[1]], c, "town") for s, c in facilities_at_towns(doc, toponyms, choice, gaz)]
    in_text = [_place(aid, *found) for found in sorted(named + at_towns, key=lambda x: x[0])]
    # The dateline's places first: its words stood before the text's.
    dated = [replace(_place(aid, t.span, t.text, c, "place"), in_dateline=True)
             for t in sorted(filed_from, key=lambda t: t.span) if (c := choice.get(t.key)) is not None]
    return replace(analysis, places=tuple(dated + in_text))


def _place(aid: str, span: Span, surface: str, c: Candidate, precision: str) -> Place:
    return Place(article_id=aid, span=span, text=surface, name=c.name, lat=c.lat, lon=c.lon, country=c.country,
                 geonameid=c.geonameid, precision=precision)


def place_kinds(place: Place) -> set[str]:
    """The gazetteer's kinds of the place ``place`` was resolved to (country, capital,
    admin1, city, ...): those of its name in its country."""
    return {c.kind for c in load_gazetteer().lookup(name_key(place.name)) if c.country == place.country}


# --- resolving -----------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def prior(c: Candidate, key: str) -> float:
    main = MAIN_NAME if is_main_name(c, key) else 0.0
    return KIND_PRIOR.get(c.kind, 0.0) + POPULATION_WEIGHT * math.log10(c.population + 10) + main


def _qualified_bonus(c: Candidate, qualifiers: tuple[Candidate, ...]) -> float:
    return QUALIFIED if any(_contains(q, c) for q in qualifiers) else 0.0


def _qualifier_bonus(c: Candidate, qualified: tuple[Candidate, ...]) -> float:
    """A qualifier is the region holding what it qualifies: "Ind." after "Evansville" is
    Indiana, not India. An area of a country (England, Scotland) is taken to hold its
    country's places here: GeoNames records no finer containment for it."""
    if c.kind == "area" and c.country:
        return QUALIFIED if any(x.country == c.country for x in qualified) else 0.0
    return QUALIFIED if c.kind in ("country", "admin1") and any(_contains(c, x) for x in qualified) else 0.0


def _contains(outer: Candidate, inner: Candidate) -> bool:
    if outer.kind == "country":
        return outer.country == inner.country
    if outer.kind == "admin1" and outer.admin1:
        return (outer.country, outer.admin1) == (inner.country, inner.admin1)
    return False


_BIG = frozenset({"country", "area", "continent"})


def _plausible(cands: tuple[Candidate, ...], key: str) -> tuple[Candidate, ...]:
    """Where a name is a country's, an area's or a continent's, only its namesakes of
    the same rank stay in the running (a state, a capital called exactly so): towns
    named after countries ("Russia", Ohio) or sharing an ocean's alias ("Pacific") are
    far rarer in news than the country or the ocean. Likewise where the name is a
    first-level region's own name, towns of its country named after it ("California",
    Pennsylvania; "Oregon", Illinois) drop out unless they are cities of 100,000 or more.
    """
    cands = _own_name_over_a_capitals_alias(_town_over_its_namesake_region(cands, key), key)
    states = {c.country for c in cands if c.kind == "admin1" and name_key(c.name) == key}
    cands = tuple(c for c in cands if not _named_after_a_state(c, states))
    if not any(c.kind in _BIG for c in cands):
        return cands
    return tuple(c for c in cands if c.kind in _BIG or (c.kind in ("admin1", "capital") and _called(c, key)))


def _called(c: Candidate, key: str) -> bool:
    """``key`` is ``c``'s name or a truncation of it, as state names are abbreviated
    ("Ind." for Indiana, "Calif." for California)."""
    name = name_key(c.name)
    return name == key or (c.kind == "admin1" and len(key) >= 3 and name.startswith(key))


def _named_after_a_state(c: Candidate, states: set[str | None]) -> bool:
    """A town of ``states``' country named like one of its first-level regions."""
    return c.kind == "city" and c.country in states and c.population < _TOWN_OVER_REGION


# A town at least this large (the prominent-city threshold of the build script) is what
# its name means when its own region shares the name ("New York" is New York City).
_TOWN_OVER_REGION = 100_000


# A city whose name adds "City" to its region's ("New York City", "Oklahoma City") is called
# by the bare name only where it is a city of a million or more: "New York" is the city,
# "Oklahoma" (or "Tulsa, Oklahoma") the state.
_CITY_BY_BARE_NAME = 1_000_000


# A city holding at least this share of its namesake region's people is what the shared
# name means ("Moscow", "Tokyo", "Madrid", "Sao Paulo"); a smaller one leaves the name to
# its region ("Quebec" is the province, Quebec City under a tenth of its people; "Veracruz",
# "Oaxaca" the states). A region's population is the sum of its towns' (the build script).
_CITY_SHARE_OF_REGION = 0.2


def _town_over_its_namesake_region(cands: tuple[Candidate, ...], key: str) -> tuple[Candidate, ...]:
    towns = [
        c for c in cands
        if c.kind in TOWN_KINDS and c.population >= _TOWN_OVER_REGION and (
            name_key(c.name) == key or (name_key(c.name) == f"{key} city" and c.population >= _CITY_BY_BARE_NAME))
    ]

    def overshadowed(r: Candidate) -> bool:
        return r.kind == "admin1" and any(
            (t.country, t.admin1) == (r.country, r.admin1) and t.population >= _CITY_SHARE_OF_REGION * r.population
            for t in towns)

    return tuple(c for c in cands if not overshadowed(c))


def _own_name_over_a_capitals_alias(cands: tuple[Candidate, ...], key: str) -> tuple[Candidate, ...]:
    """A city of 100,000 or more whose own name this is outranks a national capital that
    has it only among its alternate names: "Salem" is the Indian or the Oregon city, not
    Jerusalem (one of its old names); "Delhi" is not Dili. A capital's prior is for the
    name news calls it by."""
    if not any(c.kind in TOWN_KINDS and c.population >= _TOWN_OVER_REGION and is_main_name(c, key) for c in cands):
        return cands
    return tuple(c for c in cands if c.kind != "capital" or is_main_name(c, key))


def _of_kind(cands: tuple[Candidate, ...], kind: str | None) -> tuple[Candidate, ...]:
    """The candidates of the kind the text names, where there are any ("town": a city
    or a capital)."""
    kinds = TOWN_KINDS if kind == "town" else (kind,)
    chosen = tuple(c for c in cands if c.kind in kinds) if kind else ()
    return chosen or cands


_COUNTY_WORDS = ("county", "parish")
_ABOVE_TOWN = frozenset({"country", "admin1", "capital", "area", "continent"})


def _counties_said_bare(cands: dict[str, tuple[Candidate, ...]], kinds: dict[str, str | None]):
    """A name that the article also writes with "County" or "Parish" after it is that
    county ("DeKalb" beside "DeKalb County", "Rapides" beside "Rapides Parish"): local news
    shortens its county's name. Not where the name is also a state's, a capital's or a
    country's ("Washington" beside "Washington County"), nor where the text says it is a
    town ("DeKalb Police")."""
    out: dict[str, tuple[Candidate, ...]] = {}
    for k, cs in cands.items():
        if kinds.get(k) == "town":
            continue
        for unit in _COUNTY_WORDS:
            counties = tuple(c for c in cands.get(f"{k} {unit}", ()) if c.kind == "admin2")
            if counties and not any(c.kind in _ABOVE_TOWN for c in cs):
                out[k] = counties
                break
    return out


# A dateline as cleaning took it out of the text: "CHALA, Peru -", "ADRE, Chad, June 14 -",
# "KURDALA, Chad, June 2 (Sahel Wire) -".
_AGENCY = re.compile(r"\([^()]*\)")
# A dateline's parts: between commas, and the towns of its first part between slashes
# ("MOSCOW/KYIV (Reuters) -"); what stands around a part's words (spaces, the closing
# dash: also two hyphens and the horizontal bar, as clean/lexicon.py's DATELINE takes them).
_PART = re.compile(r"[^,]+")
_TOWN = re.compile(r"[^/]+")
_AROUND = " \t-–—―:"


def dateline_toponyms(article: Article, gaz: Gazetteer) -> list[Toponym]:
    """The places of the dateline that cleaning took out of the text ("CHALA, Peru -"),
    with spans into its words (``Article.dateline_text``): where the report is filed, so
    the context the text's names are chosen in (``choose``): "Chala" in the text is then
    Chala in Peru, not in Tanzania. The town's name is qualified by a region or country
    after it that the gazetteer knows. Parts the gazetteer does not know (a date, an
    unknown word) are no place."""
    line = article.dateline_text
    if not line:
        return []
    # the agency blanked out rather than cut, so that offsets stay those of the line
    bare = _AGENCY.sub(lambda m: " " * len(m[0]), line)
    parts = _spans(bare, _PART, 0, len(bare))
    towns = _spans(bare, _TOWN, *parts[0]) if parts else []

    def known(spans: list[Span]) -> list[tuple[Span, str]]:
        return [(s, k) for s in spans if (k := name_key(line[s[0] : s[1]])) and gaz.lookup(k)]

    regions = known(parts[1:])
    qualifier = regions[0][1] if regions else None
    return ([Toponym(s, line[s[0] : s[1]], k) for s, k in regions]
            + [Toponym(s, line[s[0] : s[1]], k, qualifier=qualifier) for s, k in known(towns)])


def _spans(text: str, part: re.Pattern, start: int, end: int) -> list[Span]:
    """The spans of ``part``'s matches between ``start`` and ``end``, each narrowed to its words."""
    return [_words(text, m.start(), m.end()) for m in part.finditer(text, start, end)]


def _words(text: str, start: int, end: int) -> Span:
    """``(start, end)`` narrowed to the words between, without the spaces and dashes around
    (empty where there are none)."""
    part = text[start:end]
    lead = len(part) - len(part.lstrip(_AROUND))
    return start + lead, max(start + lead, start + len(part.rstrip(_AROUND)))


def choose(toponyms: list[Toponym], gaz: Gazetteer) -> dict[str, Candidate]:
    """One candidate per distinct name of the article (a name keeps one meaning per
    article), chosen for all names at once (``coherence.choose_jointly``)."""
    keys = list(dict.fromkeys(t.key for t in toponyms))
    quals = {t.key: t.qualifier for t in toponyms if t.qualifier}
    kinds = {t.key: t.kind for t in toponyms if t.kind}
    cands = {k: _plausible(_of_kind(cs, kinds.get(k)), k) for k in keys if (cs := gaz.lookup(k))}
    cands |= _counties_said_bare(cands, kinds)
    names = list(cands)
    qualified = {}  # "Evansville, Ind.": Ind. qualifies Evansville
    for k, q in quals.items():
        qualified.setdefault(q, []).append(k)
    base = []
    for k in names:
        qualifiers = gaz.lookup(quals[k]) if k in quals else ()
        inner = tuple(c for x in qualified.get(k, ()) for c in cands.get(x, ()))
        base.append([prior(c, k) + _qualified_bonus(c, qualifiers) + _qualifier_bonus(c, inner) for c in cands[k]])
    chosen = dict(zip(names, choose_jointly([cands[k] for k in names], base), strict=True))
    chosen = {k: _country_of_the_article(c, cands[k], k, chosen) for k, c in chosen.items()}
    chosen = {k: _region_among_regions(c, cands[k], k, chosen) for k, c in chosen.items()}
    return {k: c for k, c in chosen.items() if not _stray_alias(k, c, chosen)}


def _other_countries(key: str, chosen: dict[str, Candidate]) -> Counter:
    """How many of the article's other names lie in each country."""
    return Counter(o.country for k, o in chosen.items() if k != key and o.country)


def _country_of_the_article(c: Candidate, cands: tuple[Candidate, ...], key: str, chosen: dict[str, Candidate]):
    """Of two countries of one name, the one the article's other places lie in.

    The context terms of ``coherence`` leave countries alone (a country is what it is
    named), so "Congo", the Democratic Republic by its size, stays so beside "Goma" and
    becomes the Republic beside "Brazzaville"."""
    countries = [x for x in cands if x.kind == "country"]
    if c.kind != "country" or len(countries) < 2:
        return c
    others = _other_countries(key, chosen)
    best = max(countries, key=lambda x: others[x.country])
    return best if others[best.country] > others[c.country] else c


# How many other first-level regions of one country make a name shared with a country
# that country's region (``_region_among_regions``).
_REGIONS_AROUND = 2


def _region_among_regions(c: Candidate, cands: tuple[Candidate, ...], key: str, chosen: dict[str, Candidate]):
    """A country's name that is also a first-level region of another country is that
    region where the article names two or more other regions of that country and no
    other place in the country of the name: "Georgia" beside Alabama and Iowa is the US
    state; beside Tbilisi, or alone, the country. (The context terms of ``coherence``
    leave countries alone, so a state's neighbours cannot outvote a country's prior.)"""
    if c.kind != "country":
        return c
    others = [o for k, o in chosen.items() if k != key]
    if any(o.country == c.country for o in others):
        return c
    for region in (x for x in cands if x.kind == "admin1" and x.country != c.country):
        if sum(o.kind == "admin1" and o.country == region.country for o in others) >= _REGIONS_AROUND:
            return region
    return c


# How many other places of one country make it the article's country for ``_stray_alias``.
_ARTICLE_COUNTRY_MIN = 2


def _stray_alias(key: str, c: Candidate, chosen: dict[str, Candidate]) -> bool:
    """A town found only by an alternate name, in a country no other place of the article
    is in, where the article's other places agree on another country: "Ber", a Malian
    town too small for the gazetteer, is an old name of Véroia in Greece. Better no place
    than one a continent away. (A city of 100,000 or more by an old name, "Bombay", stays.)"""
    if c.kind not in TOWN_KINDS or c.population >= _TOWN_OVER_REGION or is_main_name(c, key):
        return False
    others = _other_countries(key, chosen)
    if c.country in others or not others:
        return False
    counts = [n for _, n in others.most_common(2)]
    return counts[0] >= _ARTICLE_COUNTRY_MIN and (len(counts) == 1 or counts[0] > counts[1])
