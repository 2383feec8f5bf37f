"""Entities: the entity and alias items of ``seeds/EXPECTED.md``, checked automatically.

The two seed articles are cleaned and run through spaCy and the entity stages only
(``find_mentions``, ``resolve_entities``), so this measures entities alone. Each item
prints ✓ or ✗; the result is how many hold. ``A`` is ``000_*.txt``, ``B`` is ``001_*.txt``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newsdesk.model import Analysis

Check = Callable[[Analysis, Analysis], bool]

COUNTRIES = ["Azerbaijan", "Armenia", "Russia", "Turkey", "Ukraine", "United States"]
PLACES = ["Stepanakert", "Khankendi", "Yevlakh", "Baku", "Yerevan", "Moscow", "Lachin Corridor", "Aghdam",
          "Nagorno-Karabakh"]
# (person, a word of the role EXPECTED.md gives them)
PEOPLE = [
    ("Nikol Pashinyan", "prime minister"), ("Ilham Aliyev", "president"), ("Antony Blinken", "Secretary of State"),
    ("Antonio Guterres", "Secretary-General"), ("Toivo Klaar", "representative"), ("Laurence Broers", "commentator"),
    ("Hikmet Hajiyev", "adviser"), ("Siranush Sargsyan", "journalist"), ("Gegham Stepanyan", "ombudsman"),
    ("Aleksander Iskandaryan", "political scientist"),
]


def _both(a: Analysis, b: Analysis):
    return [m for x in (a, b) for m in x.mentions]


def _ids(analyses, surface: str) -> set[str]:
    return {m.entity_id for x in analyses for m in x.mentions if surface.casefold() in m.text.casefold()}


def _entity(a: Analysis, b: Analysis, entity_id: str):
    return next((e for x in (a, b) for e in x.entities if e.id == entity_id), None)


def _country(name: str) -> Check:
    return lambda a, b: (ms := [m for m in _both(a, b) if m.text == name]) and all(m.label == "GPE" for m in ms)


def _place(name: str) -> Check:
    return lambda a, b: any(m.text == name and m.label in ("GPE", "LOC") for m in _both(a, b))


def _person(name: str, role: str) -> Check:
    def check(a, b):
        ids = {m.entity_id for m in _both(a, b) if m.label == "PERSON" and name.split()[-1] in m.text}
        ents = [_entity(a, b, i) for i in ids]
        return len(ids) == 1 and any(e and e.description and role.casefold() in e.description.casefold() for e in ents)

    return check


def _one(*pairs: tuple[str, str]) -> Check:
    """Every (article, surface) names the same single entity."""
    def check(a, b):
        sets = [_ids([a if which == "A" else b], surface) for which, surface in pairs]
        return all(sets) and len(set.union(*sets)) == 1

    return check


def _linked(surface: str, code: str) -> Check:
    def check(a, b):
        ids = {m.entity_id for m in _both(a, b) if m.text == surface}
        return bool(ids) and all((e := _entity(a, b, i)) is not None and e.country == code for i in ids)

    return check


CHECKS: list[tuple[str, Check]] = [
    ("no entity spans a line break", lambda a, b: all("\n" not in m.text for m in _both(a, b))),
    *[(f"{c} is a country (GPE) everywhere", _country(c)) for c in COUNTRIES],
    *[(f"{p} is a place (GPE/LOC)", _place(p)) for p in PLACES],
    ("Stepanakert and Khankendi are one place", _one(("A", "Stepanakert"), ("A", "Khankendi"))),
    ("Nagorno-Karabakh is a region of Azerbaijan",
     lambda a, b: (e := _entity(a, b, "gpe:nagorno-karabakh")) is not None and e.country == "AZ"),
    ("'Baku' acting stands for Azerbaijan (A)", lambda a, b: bool(_ids([a], "Baku") & _ids([a], "Azerbaijan"))),
    ("'Moscow' acting stands for Russia (A)", lambda a, b: bool(_ids([a], "Moscow") & _ids([a], "Russia"))),
    ("'the Kremlin' stands for Russia (B)", lambda a, b: _ids([b], "Kremlin") <= _ids([b], "Russia")),
    ("Artsakh, the breakaway and the Nagorno-Karabakh authorities are one actor",
     _one(("B", "Republic of Artsakh"), ("B", "breakaway authorities"), ("A", "Nagorno-Karabakh authorities"))),
    ("Azerbaijan's defence ministry: one organisation in A and B",
     _one(("A", "Azerbaijan’s defense ministry"), ("A", "Azerbaijani Ministry of Defence"),
          ("B", "Azerbaijani Defense Ministry"))),
    ("Russia's foreign ministry: one organisation",
     _one(("A", "Russia’s foreign ministry"), ("B", "Russian Foreign Ministry"))),
    ("'Azerbaijani' is linked to Azerbaijan", _linked("Azerbaijani", "AZ")),
    ("'Armenian' is linked to Armenia", _linked("Armenian", "AM")),
    ("'Mr. Stepanyan' and 'Gegham Stepanyan' are one person", _one(("B", "Gegham Stepanyan"), ("B", "Stepanyan"))),
    ("Nikol Pashinyan has one id across A and B", _one(("A", "Pashinyan"), ("B", "Pashinyan"))),
    *[(f"{p} is a person, role '{r}'", _person(p, r)) for p, r in PEOPLE],
]


def analyse_seeds(seeds_dir: Path) -> tuple[Analysis, Analysis]:
    from newsdesk.clean import clean_document
    from newsdesk.nlp.entities import find_mentions
    from newsdesk.nlp.model import load_nlp
    from newsdesk.nlp.resolve import resolve_entities
    from newsdesk.read import read_inputs

    paths = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    articles = [clean_document(d) for d in read_inputs(paths)]
    nlp = load_nlp()
    out = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        out.append(resolve_entities(find_mentions(Analysis(article=article), doc), doc))
    return out[0], out[1]


def toponym_typing(corpora: Path, *, limit: int = 100) -> tuple[float, float]:
    """Share of GeoWebNews gold toponyms (first ``limit`` documents) that come out as a
    GPE/LOC/FAC entity with exactly the gold span: the bare model, then with the rules."""
    import json

    import spacy

    from newsdesk.nlp.model import MODEL
    from newsdesk.nlp.ruler import add_rules

    lines = (corpora / "places" / "geowebnews.jsonl").read_text(encoding="utf-8").splitlines()[:limit]
    docs = [json.loads(line) for line in lines]
    gold = [{(t["start"], t["end"]) for t in d["toponyms"]} for d in docs]
    shares = []
    for nlp in (spacy.load(MODEL), add_rules(spacy.load(MODEL))):
        found = 0
        for spans, doc in zip(gold, nlp.pipe(d["text"] for d in docs), strict=True):
            ents = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")}
            found += len(spans & ents)
        shares.append(found / sum(len(g) for g in gold))
    return shares[0], shares[1]


def run(corpora: Path) -> dict[str, float]:
    bare, ruled = toponym_typing(corpora)
    print(f"  GeoWebNews toponyms typed GPE/LOC/FAC at the gold span: model {bare:.3f}, with rules {ruled:.3f}\n")
    a, b = analyse_seeds(corpora.parent / "seeds")
    held = 0
    for item, check in CHECKS:
        ok = bool(check(a, b))
        held += ok
        print(f"  {'✓' if ok else '✗'} {item}")
    share = held / len(CHECKS)
    print(f"\n{held} of {len(CHECKS)} entity items hold ({share:.0%}); goal: all")
    return {"held": float(held), "share": share, "toponym_typing": ruled, "toponym_typing_model": bare}
