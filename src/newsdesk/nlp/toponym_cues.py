"""What the text writes around a place name, for ``toponyms.find_toponyms``: the
``Toponym`` record, datelines and party-and-home notes, the kind of place the words around
a name make it (a state: "Washington state"; a town: "the Lebanon Police", "City of X", a
street address, a dateline), a region written after a town ("Evansville, Ind.") but not
an item of a list, names listed before "counties", states' dotted abbreviations,
two capitals that abbreviate no place ("the ER"), a word before people of a skill
("Java developers"), a name that speaks for a government ("Washington warned"), a name
before an institution as often named after a person ("Kennedy Elementary School"), a
possessive that names someone's premises ("at Guy's"), initials and postal codes ("LA",
"Austin, TX"), an acronym with a small letter inside ("MoD"), and a government's
portfolio before its office ("Commerce Secretary").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.attrs import LOWER

from newsdesk.clean.lexicon import CAPITALS
from newsdesk.nlp.doccache import doc_text, token_strings, tokens
from newsdesk.nlp.gazetteer import Gazetteer, bare_county, is_main_name, name_key


@dataclass(frozen=True, slots=True)
class Toponym:
    span: tuple[int, int]
    text: str
    key: str
    qualifier: str | None = None  # the key of a name written right after it: "X, Louisiana"
    # The kind of place the text says it is: "Washington state" -> admin1, "the Lebanon
    # Police Department" -> town (a city or a capital).
    kind: str | None = None


# Attacks "on" a name the gazetteer knows aim at a place, whatever the model typed the
# name: "air strikes on Khan Younis" (PERSON), as "in Khan Younis" would be.
ATTACKS_ON = frozenset({"strike", "airstrike", "attack", "raid", "assault", "offensive", "bombardment", "march"})
ADMIN_WORDS = frozenset({"county", "parish", "province", "region", "district", "state", "township", "borough"})


# An abbreviation written with full stops ("S.C.", "N.J.", "Calif."): a state's name before its bodies.
DOTTED = re.compile(r"(?:[A-Z][a-z]*\.)+")


# A dateline opens a report with the town it was filed from, in capitals, then a dash:
# "TORRINGTON — The City Council ...", "ROSWELL - A man ...", also after the byline's
# date ("March 2, 2009 ROSWELL -- ..."). It is a place even though
# the model tags nothing there (capitals look like an acronym to it).
# The wire services' press-release form runs the dash into the service's name:
# "SAN JOSE, Calif.--(BUSINESS WIRE)--". The dashes are cleaning's (clean/lexicon.py),
# with the horizontal bar (U+2015) some outlets set for the dash.
_DATELINE = re.compile(
    rf"(?:^|\n|[.!?] |\b\d{{4}} )[ \t]*([{CAPITALS}][{CAPITALS}'.]+(?:[ -][{CAPITALS}][{CAPITALS}'.]+){{0,3}})"
    r"(?:,[ \t]+[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?[ \t]*(?:\([A-Za-z ]+\)[ \t]*)?(?:(?:—|–|―|--|-|:)[ \t]|--\()"
)
# US legislators are named with their party and home: "Rep. Ana Ruiz, D-Iowa City",
# "Sen. Mara Olsen, D-N.D.", "Jon Berg, DFL-Chisholm" (Minnesota's Democrats).
_PARTY_HOME = re.compile(
    r"\b(?:R|D|I|DFL)-([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})(?=[,;)]|\s+[-–—(]|\s*$|(?<=\.)\s)", re.M
)


def datelines(text: str, gaz: Gazetteer, party: bool = True) -> list[Toponym]:
    """Datelines and (with ``party``) party-and-home notes whose name the gazetteer knows."""
    out = []
    for m in (*_DATELINE.finditer(text), *(_PARTY_HOME.finditer(text) if party else ())):
        name = m.group(1).rstrip(".") if m.group(1).count(".") == 1 else m.group(1)
        key = name_key(name)
        key = key if gaz.lookup(key) else bare_county(key, gaz)
        if key and key not in DIRECTIONS:
            out.append(Toponym((m.start(1), m.start(1) + len(name)), name, key))
    return out


# Place names that are also plain words of direction ("North", a region of Cameroon;
# "West", a town in Texas): in news they are directions or "the West", never places.
# "Centre" (a region of Burkina Faso, France, Cameroon) is the last word of buildings'
# names ("Rogers Centre", "Convention Centre"): 17 false places in GeoWebNews, none right.
DIRECTIONS = frozenset(
    f"{a}{b}" for a in ("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central")
    for b in ("", "east", "west", " east", " west")
) | {"centre", "center"}


# Common nouns that end the names of natural features, streets and buildings ("Rift
# Valley", "Fire Island", "West Street", "Rogers Centre"). Each is also some small
# town's or region's name (Valley, Alabama; Delta, a Nigerian state; Street, Somerset),
# which a name ending in it does not mean.
FEATURE_NOUNS = frozenset({
    "bay", "beach", "bridge", "canal", "canyon", "cape", "castle", "cathedral", "centre", "center", "chapel", "coast",
    "college", "creek", "delta", "desert", "falls", "forest", "gate", "gulf", "hall", "harbor", "harbour", "heights",
    "hill", "hills", "island", "islands", "isle", "lake", "lane", "market", "mountain", "mountains", "ocean", "palace",
    "park", "peninsula", "plaza", "point", "quarter", "river", "road", "sea", "springs", "square", "station",
    "strait", "street", "summit", "tower", "valley", "wing",
})


# The last words of the names of bodies ("United Kingdom Maritime Trade Operations", "the
# National Disaster Management Authority").
BODY_WORDS = frozenset({
    "operations", "authority", "agency", "organisation", "organization", "office", "ministry", "department",
    "command", "commission", "committee", "council", "service", "services", "company", "corporation", "group",
    "institute", "association", "federation", "foundation", "bureau", "board", "directorate", "administration",
})
_PLACE_TYPES = frozenset({"GPE", "LOC"})


def inside_a_body(doc, cap: list[bool], i: int, j: int) -> bool:
    """Tokens ``i:j`` are a word of a body named after the place tagged right before them:
    a run of capitalised words after them ends in a body's word ("United Kingdom _Maritime_
    Trade Operations": Togo's Maritime region is no part of a British naval office). A
    place that opens the name is one ("the Western Pennsylvania Kennel Association", "the
    Lansing Board of Water": LGL marks them), hence the tagged place before, and no
    compass word ("North East _Texas_ Regional Water Planning Group")."""
    before = doc[i - 1] if i > 0 else None
    if before is None or not cap[i - 1] or before.ent_type_ not in _PLACE_TYPES or before.lower_ in DIRECTIONS:
        return False
    if doc[i].is_sent_start:
        return False
    k = j
    while k < len(doc) and cap[k]:
        k += 1
    return k > j and doc[k - 1].lower_ in BODY_WORDS


# People named for a skill, a product or a taste they share, not for where they are: a
# word the model typed a name before one is the thing ("Java developers", "Python
# users"), though the gazetteer knows an island or a region by it.
_SKILLED = frozenset({"developer", "programmer", "coder", "engineer", "user", "customer", "subscriber", "fan",
                      "enthusiast", "collector", "gamer", "designer"})


def names_a_skill(ent) -> bool:
    """One word set before people of a skill ("Java developers"), as the parse reads it."""
    return len(ent) == 1 and ent[0].dep_ == "compound" and ent[0].head.lemma_.lower() in _SKILLED


_TWO_DOTS = re.compile(r"(?<![\w.])(?:[A-Z][a-z]*\.){2,}")


def state_abbreviations(doc, covered: set[int], gaz: Gazetteer) -> list[Toponym]:
    """A state's abbreviation with full stops before a name or a number, which the model
    leaves untagged: "S.C. House Republicans", "the S.C. 5 Bypass", "N.J. Transit". (After
    a town and a comma it is a qualifier, found with the town.)"""
    out = []
    for m in _TWO_DOTS.finditer(doc_text(doc)):  # the text first: few tokens are abbreviations
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or span.end >= len(doc):
            continue
        t, nxt = span[0], doc[span.end]
        if t.i in covered or not (nxt.text[:1].isupper() or nxt.like_num) or (t.i > 0 and doc[t.i - 1].text == ","):
            continue
        key = name_key(t.text)
        if any(c.kind == "admin1" and not is_main_name(c, key) for c in gaz.lookup(key)):
            out.append(Toponym((t.idx, t.idx + len(t.text)), t.text, key))
    return out


# The places whose codes and short forms the gazetteer holds as their names: countries
# ("UK", "US"), states ("PA", "Ga."), well-known areas ("EU").
_CODED_KINDS = frozenset({"country", "admin1", "area"})


def unknown_abbreviation(t: Toponym, gaz: Gazetteer) -> bool:
    """Two capitals that are no country's, state's or area's code: an abbreviation ("the
    ER", "the PM"), not the town that has the letters among its alternate names (Győr)."""
    letters = t.text.strip()
    return len(letters) == 2 and letters.isalpha() and letters.isupper() \
        and not any(c.kind in _CODED_KINDS for c in gaz.lookup(t.key))


# A government body's acronym written with a small letter inside: "MoD" (Ministry of
# Defence), "DoJ", "DfE". The model tags them as places; the gazetteer has towns so
# spelled (Maud, Texas, answers to "Mod"). Neighbourhoods so written end in a small
# letter ("SoHo", "NoMa") and stay.
_INNER_CAPITAL = re.compile(r"[A-Z][a-z]{1,2}[A-Z]")


def an_acronym(t: Toponym) -> bool:
    """The name is an acronym written with a small letter inside ("MoD", "DoJ")."""
    return _INNER_CAPITAL.fullmatch(t.text.strip()) is not None


# "Barrow, Jackson and Madison counties": each listed name is a county ("Jackson County").
_LIST_NOUNS = {"counties": "county", "parishes": "parish", "townships": "township"}
_LIST_JOINS = frozenset({",", "and", "or", "&"})


def county_lists(doc, gaz: Gazetteer, text: str) -> list[Toponym]:
    out, toks = [], tokens(doc)
    for tok in (toks[i] for i, word in enumerate(token_strings(doc, LOWER)) if word in _LIST_NOUNS):
        unit = _LIST_NOUNS[tok.lower_]
        names, current, i = [], [], tok.i - 1
        while i >= 0 and (doc[i].text in _LIST_JOINS or (doc[i].is_alpha and doc[i].text[0].isupper())):
            if doc[i].text in _LIST_JOINS:
                names.append(current)
                current = []
            else:
                current.insert(0, doc[i])
            i -= 1
        names = [words for words in [*names, current] if words]
        if len(names) < 2:
            continue  # "the four metro Athens counties", "Indiana counties": a place's counties
        for words in names:
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            key = name_key(f"{text[start:end]} {unit}")
            if any(c.kind == "admin2" for c in gaz.lookup(key)):
                out.append(Toponym((start, end), text[start:end], key, kind="admin2"))
    return out


# "Washington state", "the state of Washington", "New York State": a first-level region.
_STATE_AFTER = re.compile(r"\s+[Ss]tate\b")
_STATE_BEFORE = re.compile(r"\b(?:[Ss]tate|[Pp]rovince) of\s+$")
_STATE_OF = re.compile(r"^(?:the\s+)?(?:state|province) of\s", re.I)  # the span itself: "the Province of Ontario"
_STATE_WORDS = ("state", "province")


# What only a town has, written after its name: its police, mayor, council, city hall or
# schools ("the Jordan Police Department", "Dublin Mayor ...", "Lebanon City Council",
# "Athens Elementary School"). A country's are named with its adjective ("Lebanese
# police"); so a name before them is a town, whatever else it names.
# Capitalised only, as the body's name: "Texas police officer", "California public
# schools" are a state's.
_TOWN_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:Police|Fire Department|Mayor|City Council(?:man|woman|or)?|Town Council|City Hall|Town Hall|"
    r"City Manager|Board of Aldermen|Board of Selectmen|(?:Elementary|Middle|High) School|Public Schools|"
    r"Public Library)\b"
)
# A street address names its town after it: "1301 Lafayette Ave., Lebanon", "508 Elm
# Street, Dublin" (the US and British order: number, street, comma, town).
_ADDRESS_BEFORE = re.compile(
    r"\b\d+[A-Za-z]? (?:[NSEW]\. )?(?:[A-Z][\w'’]*\.? ){1,3}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place|Pike|Hwy|Highway)\.?,\s*$"
)
# "the City of Athens", "the town of Pulawy", "the village of ...": a town by its title.
_TOWN_BEFORE = re.compile(r"\b(?:[Cc]ity|[Tt]own|[Vv]illage|[Bb]orough) of\s+$")


def kind_from_text(t: Toponym, text: str, datelines: frozenset[tuple[int, int]] = frozenset()) -> Toponym:
    """The kind the text gives the toponym: a first-level region ("Washington state"), a
    town (before what only a town has, after "City of", or opening a dateline: a report
    is filed from a town), or none."""
    after, before = text[t.span[1] : t.span[1] + 40], text[max(0, t.span[0] - 12) : t.span[0]]
    last = t.text.rsplit(None, 1)[-1].lower() if t.text.strip() else ""
    spelled = _STATE_OF.match(t.text) or (last in _STATE_WORDS and " " in t.text)
    # An abbreviation with full stops is a state's or a province's as news writes them
    # ("Ind.", "N.J.", "B.C."): "Ind." is Indiana, not India (where no state is so
    # called, every candidate stays: "U.S.").
    dotted = t.text.endswith(".") and DOTTED.fullmatch(t.text)
    if _STATE_AFTER.match(after) or _STATE_BEFORE.search(before) or spelled or dotted:
        return replace(t, kind="admin1")
    if last in ADMIN_WORDS:  # "Washington County Sheriff": the county's, not a town's
        return t
    address = _ADDRESS_BEFORE.search(text[max(0, t.span[0] - 60) : t.span[0]])
    if _TOWN_AFTER.match(after) or _TOWN_BEFORE.search(before) or t.span in datelines or address:
        return replace(t, kind="town")
    return t


# What joins the items of a list: "Washington, New York and Boston".
_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")


def qualify(toponyms: list[Toponym], text: str, gaz: Gazetteer) -> list[Toponym]:
    """``X, Y`` written as two entities: Y qualifies X, unless Y is an item of a list
    that goes on with a place that is no region ("stops in Washington, New York and
    Boston"; but "Toronto, Ontario, Canada"); an abbreviation ends in a full stop and only
    ever qualifies ("Louisville, Ky., New Haven, Conn.")."""
    out = list(toponyms)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        listed = (
            i + 2 < len(out) and not b.text.endswith(".") and _joins(text[b.span[1] : out[i + 2].span[0]])
            and not any(c.kind in ("country", "admin1") for c in gaz.lookup(out[i + 2].key))
        )
        if a.qualifier is None and text[a.span[1] : b.span[0]].strip() == "," and not listed:
            out[i] = replace(a, qualifier=b.key)
    return out


def qualifiers_are_regions(toponyms: list[Toponym]) -> list[Toponym]:
    """A name that qualifies the town before it is that town's region, whatever follows
    it: in "CALAMBA CITY, Laguna Mayor Justin ..." the mayor is Calamba's, and Laguna
    the province, no town (``kind_from_text`` reads "Laguna Mayor" as a town's)."""
    out = list(toponyms)
    for i in range(1, len(out)):
        if out[i].kind == "town" and out[i - 1].qualifier == out[i].key:
            out[i] = replace(out[i], kind=None)
    return out


def _joins(between: str) -> bool:
    return _LIST_JOINT.fullmatch(between) is not None


_AND_OR = re.compile(r"\b(?:and|or)\b")


def _lists(toponyms: list[Toponym], text: str) -> list[list[int]]:
    """Runs of two or more toponyms joined by commas, "and" or "or", with "and" or "or"
    before the last ("Ohio, Texas and Georgia"), as index lists; a run holding an
    abbreviation is a chain of qualifiers, no list ("Dayton, Ohio, and Macon, Ga.")."""
    runs, run = [], [0]
    for i in range(1, len(toponyms)):
        if _joins(text[toponyms[i - 1].span[1] : toponyms[i].span[0]]):
            run.append(i)
        else:
            runs.append(run)
            run = [i]
    runs.append(run)
    return [
        r for r in runs
        if len(r) > 1 and _AND_OR.search(text[toponyms[r[-2]].span[1] : toponyms[r[-1]].span[0]])
        and not any(toponyms[i].text.endswith(".") for i in r)
    ]


def list_kinds(toponyms: list[Toponym], text: str, gaz: Gazetteer) -> list[Toponym]:
    """The items of a list are places of one kind: where every item names a first-level
    region of one country, or every item a country, each item is one ("California or
    Washington": the state, not the capital; "Ohio, Texas and Georgia": not the
    country), and none qualifies the next ("Washington, Pennsylvania and California")."""
    out = list(toponyms)
    for run in _lists(out, text):
        items = [out[i] for i in run]
        states = [{c.country for c in gaz.lookup(t.key) if c.kind == "admin1"} for t in items]
        if set.intersection(*states):
            kind = "admin1"
        elif all(any(c.kind == "country" for c in gaz.lookup(t.key)) for t in items):
            kind = "country"
        else:
            continue
        for i in run:
            out[i] = replace(out[i], kind=out[i].kind or kind, qualifier=None)
    return out


# Verbs a government is the subject of: "Washington warned", "Ottawa announced", "Beijing
# denied". News names a government by its seat; a town of the same name makes no statements.
_GOVERNMENT_VERBS = frozenset({
    "say", "announce", "warn", "accuse", "urge", "demand", "deny", "reject", "insist", "threaten", "impose",
    "sanction", "retaliate", "condemn", "expel", "recognise", "recognize", "vow", "blame", "criticise", "criticize",
    "protest", "pledge", "refuse", "respond", "summon",
})
# Nouns of the dealings between governments: "talks between Washington and Beijing",
# "relations with Moscow".
_RELATIONS = frozenset({
    "talks", "relations", "ties", "tensions", "dialogue", "negotiations", "rift", "dispute", "standoff", "rivalry",
    "diplomacy", "summit", "deal", "agreement", "détente", "detente",
})


def government_kinds(toponyms: list[Toponym], doc, gaz: Gazetteer) -> list[Toponym]:
    """A name that speaks or deals as a government is the national capital so called:
    "Washington warned" and "talks between Washington and Beijing" are Washington, D.C.,
    whatever other Washingtons the article's country holds. Only for names a national
    capital bears and no country does ("Kuwait said" stays the country), and only where
    the text gives no other kind."""
    out = []
    for t in toponyms:
        cands = gaz.lookup(t.key)
        if t.kind is None and any(c.kind == "capital" for c in cands) and not any(c.kind == "country" for c in cands):
            span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
            if span is not None and _governs(span.root):
                t = replace(t, kind="capital")
        out.append(t)
    return out


def _governs(token) -> bool:
    """The token (or the list it heads or ends) is the subject of a government's verb or
    the party to governments' dealings ("between X and Y", "relations with X")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "nsubj":
        return token.head.lemma_.lower() in _GOVERNMENT_VERBS
    prep = token.head if token.dep_ == "pobj" else None
    return (prep is not None and prep.lower_ in ("between", "with")
            and prep.head.lower_ in _RELATIONS)


# Institutions named as often after a person as after their town: "the Carnegie Library",
# "Kennedy Elementary School", "Guy's Hospital". Most surnames are some small American
# town's name too, so before these words a name is a town only where the article's own
# region has one so called, not anywhere in its country.
_NAMESAKE_WORDS = frozenset({"library", "school", "schools", "high", "elementary", "middle", "hospital"})


def before_a_namesake(head) -> bool:
    """The word after ``head`` is one of ``_NAMESAKE_WORDS``, capitalised as part of a name."""
    doc, k = head.doc, head.end
    return k < len(doc) and doc[k].lower_ in _NAMESAKE_WORDS and doc[k].text[:1].isupper()


def premises(ent) -> bool:
    """A possessive with no noun after it names someone's premises, not a town: "at Guy's",
    "to Macy's" (a hospital, a shop); "in Gainesville's sewers" has its noun."""
    doc, k = ent.doc, ent.end
    if k >= len(doc) or doc[k].tag_ != "POS":
        return False
    return k + 1 >= len(doc) or doc[k + 1].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")


# Two or three capitals without full stops: initials ("LA", "NYC") or a state's postal code ("TX").
_INITIALS = re.compile(r"[A-Z]{2,3}")


def initials_kinds(toponyms: list[Toponym], gaz: Gazetteer) -> list[Toponym]:
    """Initials written in capitals without full stops name the large city known by them
    where one is ("LA" is Los Angeles in news; "La." after a town is Louisiana), unless
    they qualify the town before them ("Baton Rouge, LA"), where they are the state. A
    town whose own name the letters spell (Us in France, Uk in Russia) is not known by
    initials: "US" and "UK" stay the countries."""
    out = list(toponyms)
    for i, t in enumerate(out):
        qualifies = i > 0 and out[i - 1].qualifier == t.key
        if t.kind is None and not qualifies and _INITIALS.fullmatch(t.text) and _city_by_initials(t.key, gaz):
            out[i] = replace(t, kind="town")
    return out


# The prominent-city threshold of the gazetteer's build script.
_CITY_BY_INITIALS = 100_000


def _city_by_initials(key: str, gaz: Gazetteer) -> bool:
    """A large city answers to ``key`` by an alternate name, and no country or area does
    (a country's initials are the country's: "UAE", "DRC")."""
    cands = gaz.lookup(key)
    return not any(c.kind in ("country", "area", "continent") for c in cands) and any(
        c.kind in ("city", "capital") and c.population >= _CITY_BY_INITIALS and not is_main_name(c, key) for c in cands)


def a_bare_code(ent) -> bool:
    """Two capitals without full stops ("TX", "VA"), not right after a town and a comma:
    the model's other types for them are acronyms ("the VA hospital"), and a state's code
    is written after its town ("Austin, TX")."""
    doc = ent.doc
    after_town = ent.start >= 2 and doc[ent.start - 1].text == "," and doc[ent.start - 2].text[:1].isupper()
    return len(ent.text) == 2 and _INITIALS.fullmatch(ent.text) is not None and not after_town


# A government's portfolios, named before its offices: "Commerce Secretary", "the Energy
# Department", "Justice Ministry" are no towns called Commerce, Energy or Justice (each is
# one in the United States).
PORTFOLIOS = frozenset({
    "commerce", "energy", "justice", "defense", "defence", "treasury", "interior", "labor", "labour", "education",
    "agriculture", "transportation", "transport", "health", "finance", "trade", "industry", "environment",
    "culture", "housing",
})
OFFICE_WORDS = frozenset({"secretary", "department", "ministry", "minister", "committee", "commission"})


def a_portfolio(ent) -> bool:
    """A portfolio's word tagged alone before its office ("Commerce" of "Commerce Secretary"),
    or with it ("Energy Department")."""
    doc, words = ent.doc, [t.lower_ for t in ent if t.lower_ != "the"]
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return bool(words) and words[0] in PORTFOLIOS and (after in OFFICE_WORDS or words[-1] in OFFICE_WORDS)
