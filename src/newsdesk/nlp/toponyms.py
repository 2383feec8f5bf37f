"""Toponyms: the place names of an article, found for ``places.resolve_places`` to resolve.

Found: spaCy's GPE, LOC and FAC entities whose name the gazetteer knows; entities the
small model mistypes (``Stepanakert`` as PERSON) when the name is a country, region or
area, or follows a locative word ("in", "near", "the town of"); names of prominent
places (countries, regions, areas, cities and counties of 100,000+) that the model did not tag at all;
and what local news writes that the model misses: datelines ("TORRINGTON —"), party
notes ("R-Marshall"), towns before their institutions ("Corsicana Police Department")
or before what only a town has ("Zanesville residents", "a Hounslow resident"),
counties named with their generic word ("the Walker County Fair") or without it
("Henrico police"), states' dotted abbreviations ("S.C. House"), names listed with a
place ("Nitra, Presov and Kosice") or before "counties", towns of the article's own
region named bare ("residents of Hounslow"), and every later mention of a name once
found, a dateline's too (measured on LGL, GeoWebNews, GeoVirus: see
``evals/places.py``). What the words around a name say it is (a state, a town) and
the other cues of the text are in ``toponym_cues.py``. A capitalised word that merely
opens its sentence, and a name in lower case, are no places.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, LENGTH, LOWER, POS
from spacy.symbols import PROPN

from newsdesk.nlp.coherence import TOWN_KINDS
from newsdesk.nlp.doccache import doc_ents, doc_text
from newsdesk.nlp.gazetteer import Gazetteer, bare_county, demonym_key, is_main_name, name_key
from newsdesk.nlp.toponym_cues import (
    ADMIN_WORDS,
    ATTACKS_ON,
    DIRECTIONS,
    DOTTED,
    FEATURE_NOUNS,
    Toponym,
    a_bare_code,
    a_portfolio,
    an_acronym,
    before_a_namesake,
    county_lists,
    datelines,
    government_kinds,
    initials_kinds,
    inside_a_body,
    kind_from_text,
    list_kinds,
    names_a_skill,
    premises,
    qualifiers_are_regions,
    qualify,
    state_abbreviations,
    unknown_abbreviation,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model gives to place names it mistypes (issue 6, measured on the seeds).
MISTYPED_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT"})
# Words after which a capitalised name is a place ("in Stepanakert", "the capital Baku").
LOCATIVE_WORDS = frozenset(
    {"in", "at", "near", "from", "to", "into", "outside", "inside", "toward", "towards", "across", "capital", "city",
     "off"}  # "seized off Bandar Abbas": at sea beside a port or a coast
)
# Nouns that say the name beside them is a place: "the town of Pulawy", "Heze city",
# "the Glasgow area", "the port of Rotterdam" (which the small model types PERSON).
PLACE_NOUNS = frozenset(
    {"town", "city", "village", "island", "province", "region", "district", "county", "state", "area", "capital",
     "port", "harbour", "harbor"}
)
# Generic words around a name that the gazetteer stores without them ("Rapides Parish",
# "Northeast Texas", "North West England", "the Province of Ontario").
_DIRECTION = r"(?:north|south)(?: ?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central"
_GENERIC = re.compile(
    rf"^(?:(?P<part>{_DIRECTION}|greater|upstate) |(?:downtown|(?:state|province|commonwealth|city|town|village) of) )?"
    r"(?P<core>.+?)(?: (?:county|co|parish|province|region|state|city|district|oblast|governorate|prefecture))?$"
)


def known_key(text: str, gaz: Gazetteer) -> str | None:
    """The gazetteer key of ``text``, trying it without generic words if need be, and
    as a county's or parish's name said bare, where nothing else bears it."""
    key = name_key(text)
    if not key:
        return None
    if gaz.lookup(key):
        return key
    m = _GENERIC.match(key)
    core = m.group("core")
    # "West Wing", "West Street": a compass word before a common noun makes a name of
    # its own, not the part of a village called Wing or Street.
    if m.group("part") and core in FEATURE_NOUNS:
        return None
    if core != key and gaz.lookup(core):
        return core
    return bare_county(key, gaz) or (bare_county(core, gaz) if core != key else None)


def _entity_toponyms(ent, gaz: Gazetteer) -> list[Toponym]:
    """One entity -> toponyms; ``"Pandi, Bulacan"`` gives two, the second qualifying the first."""
    out: list[Toponym] = []
    start = ent.start_char
    parts = ent.text.split(",")
    for part in parts:
        stripped = part.strip()
        offset = start + part.find(stripped) if stripped else start
        start += len(part) + 1
        key = known_key(stripped, gaz) if stripped else None
        if key is None and len(parts) == 1:
            return _known_prefix(ent, gaz) or _prominent_prefix(ent, gaz) or _prominent_suffix(ent, gaz)
        if key is not None:
            out.append(Toponym((offset, offset + len(stripped)), stripped, key))
    return [replace(t, qualifier=out[i + 1].key) if i + 1 < len(out) else t for i, t in enumerate(out)]


# The words that end a street's name (English, and the transliterated "prospekt" of the
# former Soviet Union), with their usual abbreviations.
STREET_WORDS = frozenset({
    "street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "boulevard", "blvd", "blvd.", "lane", "drive",
    "prospekt", "prospect",
})


# Generic words of water and land features named "the X of Y" ("the Gulf of Oman", "the
# Bay of Bengal", "the Strait of Hormuz"); the word alone names another place ("the Gulf").
_OF_FEATURES = frozenset({"gulf", "bay", "sea", "strait", "straits", "lake", "cape", "isle", "ocean", "horn"})


def _of_feature(ent, gaz: Gazetteer):
    """The entity, grown over "of Y" when it is a feature's generic word before "of" and a
    name ("Gulf" + "of Oman", which the model cuts as "the Gulf of" and "Oman"); None when
    that whole name is unknown, since the generic word alone would name another place."""
    doc = ent.doc
    head, k = (ent[-2], ent.end) if len(ent) > 1 and ent[-1].lower_ == "of" else (ent[-1], ent.end + 1)
    if head.lower_ not in _OF_FEATURES or k > len(doc) or doc[k - 1].lower_ != "of":
        return ent
    end = k
    while end < len(doc) and end - k < 3 and _capitalised(doc[end]):
        end += 1
    if end == k:
        return ent
    whole = doc[ent.start : end]
    return whole if gaz.lookup(name_key(whole.text)) else None


def _names_a_street(ent) -> bool:
    """The model tagged a town's name that opens a street's ("Kyiv" of "Kyiv Street")."""
    return _street_at(ent.doc, ent.end)


def _street_at(doc, i: int) -> bool:
    """Token ``i`` ends a street's name: a capitalised street word, and no capitalised word
    after it ("the Salem Street Department" is the town's)."""
    if i >= len(doc) or doc[i].lower_ not in STREET_WORDS or not doc[i].text[:1].isupper():
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or not (nxt.is_alpha and nxt.text[:1].isupper())


def _prominent_prefix(ent, gaz: Gazetteer) -> list[Toponym]:
    """The longest prominent place (a country, region, area or city of 100,000+) that a
    place entity the gazetteer does not know begins with: the model's span ran on past
    the name ("The State of Illinois' Web site" tagged GPE to "Web"). Not the town a street
    is named after: "Rustavi Avenue", "Kyiv Street" are streets of some other town (a bridge
    or a station named after a town is often in it, a street seldom)."""
    if ent[-1].lower_ in STREET_WORDS:
        return []
    for j in range(ent.end - 1, ent.start, -1):
        head = ent.doc[ent.start : j]
        key = known_key(head.text, gaz)
        if key in gaz.prominent and _a_part_names(head, key):
            return [Toponym((head.start_char, head.end_char), head.text, key)]
    return []


def _a_part_names(part, key: str) -> bool:
    """Part of a longer name is a place itself only where it ends in a capitalised word
    ("Central and" of "Central and South" is none) and is no compass word ("Eastern" of
    "Eastern Ghouta", Ghana's Eastern Region; "North" of "North State Street"), nor a lone
    feature noun ("Island" of "Fire Island" is no Iceland, whose Icelandic name it is)."""
    last = part[-1].text
    return (last.isalpha() and last[0].isupper() and key not in DIRECTIONS
            and not (len(part) == 1 and key in FEATURE_NOUNS))


def _prominent_suffix(ent, gaz: Gazetteer) -> list[Toponym]:
    """The longest prominent place that an unknown place entity ends with, from a
    capitalised word on: a name with words before it that the gazetteer lacks ("the Port
    of Los Angeles", "New Gainesville prison" tagged GPE)."""
    for i in range(ent.start + 1, ent.end):
        tail = ent.doc[i : ent.end]
        key = known_key(tail.text, gaz)
        if key in gaz.prominent and tail[0].is_alpha and tail[0].text[0].isupper() and _a_part_names(tail, key):
            return [Toponym((tail.start_char, tail.end_char), tail.text, key)]
    return []


def _known_prefix(ent, gaz: Gazetteer) -> list[Toponym]:
    """The longest region name an unknown place entity begins with: "Douglas County Road".

    Only names ending in an administrative word count: "Mississippi River" is not the
    state, "Danube Delta" no town called Danube."""
    for j in range(ent.end - 1, ent.start, -1):
        head = ent.doc[ent.start : j]
        # As the gazetteer has it, with or without the generic word ("Lancashire County").
        key = known_key(head.text, gaz) if head[-1].lower_ in ADMIN_WORDS else None
        if key and any(c.kind not in TOWN_KINDS for c in gaz.lookup(key)):
            return [Toponym((head.start_char, head.end_char), head.text, key)]
    return []


# Words that begin the rest of a local institution's name after its town: "Torrington
# Fire Department", "Corsicana Police", "Litchfield Superior Court", "Parkers Prairie High
# School". News names local bodies this way; the model tags the whole as ORG (or PERSON).
INSTITUTION_WORDS = frozenset(
    {"police", "fire", "sheriff", "city", "town", "village", "township", "county", "school", "schools", "high",
     "elementary", "middle", "board", "council", "court", "superior", "district", "municipal", "hospital",
     "historical", "public", "department", "library", "chamber", "planning", "zoning", "housing", "water",
     "community", "area", "regional", "rescue", "volunteer",
     # state and county bodies, and the other public bodies local news names after their
     # place: "S.C. Highway Patrol", "Kanawha Circuit Court", "Branchville Correctional
     # Facility", "Zionsville Education Foundation", "Wamego Seniors Center". Words that
     # as often follow a person's name are left out ("Webb Center", "Smith College",
     # "Wright State University", "Licking Memorial Hospital").
     "highway", "patrol", "circuit", "correctional", "magistrates", "education", "senior", "seniors", "division",
     "parks", "recreation", "transit", "senate", "assembly"}
)
_INSTITUTION_LABELS = frozenset({"ORG", "FAC", "PERSON", "GPE", "LOC"})
# The institutions only a town has (its police, its mayor, its council): a name before
# one of these words is a town even where the article names no other place.
CIVIC_WORDS = frozenset({"police", "fire", "mayor", "city", "town", "village", "township", "council"})


def _is_town_name(key: str, gaz: Gazetteer) -> bool:
    return any(c.kind in TOWN_KINDS and is_main_name(c, key) for c in gaz.lookup(key))


def _institution_head(ent, gaz: Gazetteer):
    """The capitalised words before the first institution word of ``ent``, if any; a
    word that ends a town's name is no institution word ("Kansas City Power & Light",
    "Iowa City Council")."""
    doc = ent.doc
    for k in range(ent.start + 1, ent.end):
        if doc[k].lower_ in INSTITUTION_WORDS and not _is_town_name(name_key(doc[ent.start : k + 1].text), gaz):
            head = doc[ent.start : k]
            words = all(t.is_alpha or t.text == "." or DOTTED.fullmatch(t.text) for t in head)
            return head if words and head[0].text[0].isupper() else None
    return None


# Kinds of place whose names are seldom a person's or a company's.
_UNMISTAKABLE = frozenset({"country", "admin1", "area", "continent"})


def _accept_mistyped(ent, key: str, gaz: Gazetteer) -> bool:
    if a_bare_code(ent):
        return False  # "the VA hospital" typed ORG; "Austin, TX" stays
    cands = gaz.lookup(key)
    if names_a_skill(ent) and not any(c.kind in ("country", "admin1") for c in cands):
        return False  # "Java developers"; a country typed a person stays the country
    if any(c.kind in _UNMISTAKABLE for c in cands):
        return True
    if ent[-1].lower_ in ADMIN_WORDS and any(c.kind not in TOWN_KINDS for c in cands):
        return True  # the name says it is a region: "Clarke County" tagged ORG
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    of_kind = ent.start > 1 and before == "of" and doc[ent.start - 2].lower_ in PLACE_NOUNS  # "the town of Pulawy"
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    aimed = before == "on" and ent.start > 1 and doc[ent.start - 2].lemma_.lower() in ATTACKS_ON
    located = before in LOCATIVE_WORDS and not premises(ent)
    return located or of_kind or aimed or (after in PLACE_NOUNS and after != "capital")  # "Heze city"


_SCAN_WORDS = 4  # the longest place name the scan tries, in words ("Bosnia and Herzegovina")


def _scan(doc, taken: set[int], gaz: Gazetteer, known: frozenset[str] = frozenset(), text: str | None = None,
          home=None):
    """Place names the model did not tag: runs of capitalised words, one a proper noun, that
    name a prominent place, a place the article names elsewhere (``known``: a name keeps
    its sense through an article, so "Lombard" found once is found in "Lombard settler"
    too), a county named with its generic word ("the Walker County Fair"), a town before
    a civic word ("Carthage Police Chief", "Tillsonburg Mayor", "Chicopee residents"), or a
    town of the article's own region (``home(key)``: local news names its neighbours'
    towns bare, "Hounslow residents", and the model tags none of them)."""
    text = doc_text(doc) if text is None else text
    # One pass over the tokens' values read with ``Doc.to_array`` (a Token per token, and a
    # string decoded per attribute read, cost more than the rest of the scan); the loops
    # below index plain lists (Doc slicing is slow). A token's text is the text's slice
    # ``idx : idx + length``.
    word, cap, propn, civic, county, starts, ends = [], [], [], [], [], [], []
    lowered = set()  # the words the text writes in lower case (``_common_word``)
    strings, lower_of = doc.vocab.strings, {}
    for i, (alpha, is_lower, pos, lower_id, start, length) in enumerate(
        doc.to_array([IS_ALPHA, IS_LOWER, POS, LOWER, IDX, LENGTH]).tolist()
    ):
        if is_lower:
            lowered.add(text[start : start + length])
        cap.append(bool(alpha) and text[start].isupper())
        # "The" opening a sentence is no part of a name found here: name_key drops it anyway.
        word.append(cap[-1] and i not in taken and text[start : start + length] != "The")
        propn.append(pos == PROPN)
        if lower_id not in lower_of:
            lower = strings[lower_id]
            lower_of[lower_id] = (lower in CIVIC_WORDS or lower in _TOWN_FOLLOWERS, lower in ("county", "parish"))
        civic.append(lower_of[lower_id][0])
        county.append(lower_of[lower_id][1])
        starts.append(start)
        ends.append(start + length)
    out, i, n = [], 0, len(doc)
    while i < n:
        run = i
        while run < n and run - i < _SCAN_WORDS and word[run]:
            run += 1
        hit = None
        for j in range(run, i, -1):  # the longest name first
            surface = text[starts[i] : ends[j - 1]]
            key = name_key(surface)
            # Before a civic word the tagger may call a town's name an adjective
            # ("a Hounslow resident"); the name must not merely open its sentence.
            civic_town = (
                j < n and civic[j] and _is_town_name(key, gaz) and not _common_word(doc, i, lowered)
            )
            inside = _ends_a_name(doc, i, key)
            wanted = (
                ((key in gaz.prominent or gaz.prominent_bare(key))
                 and not (j == i + 1 and _common_word(doc, i, lowered)) and not inside)
                or (j - i > 1 and county[j - 1] and any(c.kind == "admin2" for c in gaz.lookup(key)))
                or key in known or (home is not None and _alone(doc, cap, i, j) and home(key))
            )
            # A proper noun, a name found elsewhere in the article (one sense per article,
            # whatever the tagger makes of it here), or a people's adjective.
            named = any(propn[i:j]) or key in known or _a_demonym(doc, i, j, key, gaz)
            street = j < n and cap[j] and _street_at(doc, j)  # "Rustavi Avenue": a street's name
            body = inside_a_body(doc, cap, i, j)  # "Kingdom Maritime Trade Operations": no Maritime region
            if ("\n" not in surface and ((named and wanted) or civic_town) and key not in DIRECTIONS and not street
                    and not body):
                hit = Toponym((starts[i], ends[j - 1]), surface, key)
                break
        if hit:
            out.append(hit)
            i = j
        else:
            i += 1
    return out


# Titles before a person's name: "Queen Elizabeth", "King Abdullah", "Prince Albert
# Hospital" name people, not the towns of Elizabeth or Abdullah.
_TITLES = frozenset({"queen", "king", "prince", "princess", "duke", "duchess", "lord", "lady", "sir", "pope",
                     "emperor", "empress", "sheikh", "sultan", "emir"})


def _ends_a_name(doc, i: int, key: str) -> bool:
    """The place the scan would find at token ``i`` ends a longer name the gazetteer
    lacks: a title's person ("Queen Elizabeth University Hospital"), or a feature named
    by a common noun after a proper one or a people's adjective ("the Danube Delta", "Rift
    Valley", "the French Quarter": no town called Delta, Valley or Quarter)."""
    if i == 0:
        return False
    before = doc[i - 1]
    if before.lower_ in _TITLES:
        return True
    return key in FEATURE_NOUNS and before.pos_ in ("PROPN", "ADJ") and before.text[:1].isupper()


# What a people's adjective may name ("Japanese", "Salvadoran", "African"): a region's
# people are named so too, but then as a noun the tagger tags ("Texans").
_NATIONAL_KINDS = frozenset({"country", "area", "continent"})


def _a_demonym(doc, i: int, j: int, key: str, gaz: Gazetteer) -> bool:
    """Token ``i`` alone is an adjective naming a country, area or continent ("Salvadoran
    migrants", "Japanese banks"): the tagger calls these adjectives, not proper nouns."""
    return j == i + 1 and doc[i].pos_ == "ADJ" and any(c.kind in _NATIONAL_KINDS for c in gaz.lookup(key))


def _common_word(doc, i: int, lowered: set[str]) -> bool:
    """Token ``i`` opens its sentence and the text writes it in lower case elsewhere: the
    capital is the sentence's, not a name's ("Man accused of ..." beside "a local man")."""
    t = doc[i]
    opens = i == 0 or t.is_sent_start or doc[i - 1].is_punct
    return bool(opens) and t.text.lower() in lowered


# Verbs whose subject is a person: "Corcoran said" is no town.
_SPEECH = frozenset({"say", "tell", "add", "ask", "explain", "note", "recall"})


def _alone(doc, cap: list[bool], i: int, j: int) -> bool:
    """Tokens ``i:j`` are a whole name, not part of another: "Union" of "Credit Union",
    "Dunlap" of "Dunlap St.", "Church" of "Church of Our Lady", "Hope" of "Hope's Wings", "Morgan" before a surname
    are not; nor is the speaker of "Corcoran said". (After "of" a name may be a town or
    the end of a body's name: "Norb Mages of Lindsay", "Chamber of Commerce"; it stays.)"""
    n = len(doc)
    before = i > 0 and doc[i - 1].text[:1].isupper()
    # Any capitalised word after, abbreviations too: "Dunlap St." is a street.
    after = j < n and (doc[j].text[:1].isupper() or (doc[j].lower_ in ("of", "'s", "’s") and j + 1 < n and cap[j + 1]))
    speaker = doc[j - 1].dep_ == "nsubj" and doc[j - 1].head.lemma_ in _SPEECH
    return not (before or after or speaker)


def _without_the(ent):
    """The entity without a leading "the", so that spans hold the name only."""
    return ent.doc[ent.start + 1 : ent.end] if len(ent) > 1 and ent[0].lower_ == "the" else ent


# Hyphens that join the words of one name ("Mazar-i-Sharif", "Sharm el-Sheikh").
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _joined(doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen joining the words on both sides, with no space."""
    return (
        0 < i < len(doc) - 1 and doc[i].text in _HYPHENS and not doc[i - 1].whitespace_ and not doc[i].whitespace_
        and doc[i - 1].is_alpha and doc[i + 1].is_alpha
    )


def _hyphenated(ent, gaz: Gazetteer):
    """The entity grown over the words hyphens join to it when that makes a known name,
    the longest first: the tokenizer splits at a hyphen between letters, and the model
    then tags a part ("Mazar" of "Mazar-i-Sharif"), which names a homonym elsewhere."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while _joined(doc, start - 1):
        start -= 2
    while _joined(doc, end):
        end += 2
    options = [(i, j) for i in range(start, ent.start + 1, 2) for j in range(end, ent.end - 1, -2)]
    for i, j in sorted(options, key=lambda ij: ij[0] - ij[1]):  # the longest first
        if (i, j) != (ent.start, ent.end) and gaz.lookup(name_key(doc[i:j].text)):
            return doc[i:j]
    return ent


# Lower-case words inside place names of Romance and Germanic languages ("Rio Grande do
# Sul", "Santiago de Compostela", "Castilla y León", "Bergen op Zoom").
_NAME_PARTICLES = frozenset({"do", "da", "dos", "das", "de", "del", "della", "di", "du", "des", "la", "le", "y",
                             "op", "aan", "am", "an", "sur", "en"})


def _capitalised(t) -> bool:
    """A word that may be part of a name: "The" at a sentence start is none."""
    return t.is_alpha and t.text[0].isupper() and not t.is_stop


def _extend(ent, gaz: Gazetteer, most: int = 2):
    """The entity grown over capitalised words before or after it when that makes a known
    name, or over the words hyphens join to it (``_hyphenated``).

    The model often tags "Indian" (NORP) in "Indian Ocean", "Tamil" in "Tamil Nadu" or
    "America" in "North America".
    """
    joined = _hyphenated(ent, gaz)
    if joined is not ent:
        return joined
    doc = ent.doc
    # Each word around the entity looked at once, by index, and only when an option needs
    # it (Doc slices are slow: a Span each); each start and each end tested once, not once
    # per option.
    seen: dict[int, tuple[bool, bool]] = {}

    def word(k: int) -> tuple[bool, bool]:  # (capitalised, a particle that may sit inside a name)
        if k not in seen:
            t = doc[k]
            seen[k] = (_capitalised(t), t.lower_ in _NAME_PARTICLES)
        return seen[k]

    def inside(k: int) -> bool:  # a particle inside a name ("Rio Grande do Sul"), never at its outer end
        return any(word(k))

    starts = [
        i for i in range(max(0, ent.start - most), ent.start + 1)
        if i == ent.start or (word(i)[0] and all(inside(k) for k in range(i + 1, ent.start)))
    ]
    ends = [
        j for j in range(ent.end, min(len(doc), ent.end + most) + 1)
        if j == ent.end or (word(j - 1)[0] and all(inside(k) for k in range(ent.end, j - 1)))
    ]
    options = [(i, j) for i in starts for j in ends if (i, j) != (ent.start, ent.end)]
    for i, j in sorted(options, key=lambda ij: ij[0] - ij[1]):  # the longest first
        if gaz.lookup(name_key(doc[i:j].text)):
            return doc[i:j]
    return ent


def _qualified(ent, gaz: Gazetteer) -> bool:
    """The entity is followed by ", <state or country>": "Gainesville, Ga."."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return False
    for j in (ent.end + 2, ent.end + 3):
        tail = doc[ent.end + 1 : min(j, len(doc))]
        if any(c.kind in ("admin1", "country") for c in gaz.lookup(name_key(tail.text))):
            return True
    return False


# A town this large, called exactly so, in a country the article names elsewhere, is
# what an organisation-typed name means ("Watertown" tagged ORG in a US report).
# Persons are left out: "Jackson" or "Madison" are far more often people.
_TOWN_IN_CONTEXT = 10_000


# An institution named after its town ("Bantam Superior Court") says the name is a
# town; a small one of the article's country is enough (GeoNames' cities500 threshold).
_TOWN_BEFORE_INSTITUTION = 500


def _town_in(key: str, regions: set[tuple[str | None, str]], gaz: Gazetteer) -> bool:
    """``key`` is exactly the name of a town in one of ``regions`` (country, admin1)."""
    return any(c.kind in TOWN_KINDS and (c.country, c.admin1) in regions and is_main_name(c, key)
               for c in gaz.lookup(key))


def _surnames(ents) -> set[str]:
    """Words that end a person's name of two words or more ("Jackson" of "Alan Jackson")."""
    return {ent[-1].lower_ for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}


def _a_surname(ent, key: str, surnames: set[str], gaz: Gazetteer) -> bool:
    """A one-word name typed PERSON that ends a longer person's name in the article
    ("according to Taylor" after "Sgt. Mike Taylor"), unless it is a country or region where
    a place stands ("in Aden"; not "Aden said" after "spokesman Abdifatah Aden")."""
    if len(ent) != 1 or ent[0].lower_ not in surnames:
        return False
    placed = ent.start > 0 and ent.doc[ent.start - 1].lower_ in LOCATIVE_WORDS
    return not (placed and any(c.kind in _UNMISTAKABLE for c in gaz.lookup(key)))


def _surname_speaking(ent, surnames: set[str]) -> bool:
    """One word the model typed a place that ends a person's name of the article and says
    something: "Aden said" after "spokesman Abdifatah Aden" is the spokesman."""
    word = ent[0]
    return len(ent) == 1 and word.lower_ in surnames and word.dep_ == "nsubj" and word.head.lemma_ in _SPEECH


def _surname_unplaced(ent, surnames: set[str], gaz: Gazetteer) -> bool:
    """One word the model typed a place that ends a person's name of the article, with
    no locative word before it, naming no country or region: "Freeland, U.S. Trade
    Representative ..." after "Foreign Minister Chrystia Freeland" is the minister, not
    Freeland, Washington; "in Freeland" would stay the town."""
    if len(ent) != 1 or ent[0].lower_ not in surnames:
        return False
    placed = ent.start > 0 and ent.doc[ent.start - 1].lower_ in LOCATIVE_WORDS
    return not placed and not any(c.kind in _UNMISTAKABLE for c in gaz.lookup(name_key(ent.text)))


def _opening_compound(ent, gaz: Gazetteer) -> bool:
    """One word opening its sentence, joined by a hyphen to a lower-case word, that names
    no prominent place: the capital is the sentence's, the word an adjective's part
    ("Plain-clothes officers", "Long-range missiles"); "Iran-backed militias" stays."""
    doc, i = ent.doc, ent.start
    opens = i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text_with_ws
    joined = _joined(doc, ent.end) and doc[ent.end + 1].is_lower
    return len(ent) == 1 and opens and joined and name_key(ent.text) not in gaz.prominent


def _town_of(key: str, countries: set[str], gaz: Gazetteer, least: int = _TOWN_IN_CONTEXT,
             any_name: bool = False) -> bool:
    """A town of ``countries`` of ``least`` people or more, called exactly ``key`` (or by
    any of its names, with ``any_name``)."""
    return any(
        c.kind in TOWN_KINDS and c.country in countries and c.population >= least
        and (any_name or is_main_name(c, key))
        for c in gaz.lookup(key)
    )


def find_toponyms(doc, gaz: Gazetteer) -> list[Toponym]:
    """Toponyms in text order, each with a gazetteer key that has candidates.

    A name keeps one sense in an article: a mistyped entity ("Alexandria" as PERSON) is
    a place when the same name is a place elsewhere in the article, when a state or
    country follows it ("Gainesville, Ga."), or, unless typed PERSON, when it is a
    town of the country the article is about; a single word typed PERSON is a town of
    the article's region when it is nobody's surname there ("Gainesville's sewers" in a
    report from Florida). An institution named after its town gives the town ("Torrington
    Fire Department"). Datelines ("ROSWELL -") and party-and-home notes ("R-Marshall")
    name places the model does not tag. Organisations and facilities that are not places
    themselves are scanned for place names inside them ("the University of Minnesota"),
    and so is the rest of the text for the names found so far.
    """
    found: list[Toponym] = []
    doubtful: list[tuple[object, str, str]] = []
    taken: set[int] = set()
    ents, text = doc_ents(doc), doc_text(doc)  # computed once per doc for every stage
    surnames = _surnames(ents)
    for ent in ents:
        if "\n" in ent.text.strip():
            continue
        label, ent = ent.label_, _extend(_without_the(ent), gaz)
        toponyms: list[Toponym] = []
        if (whole := _of_feature(ent, gaz)) is None:  # "the Gulf of Oman", unknown: its "Gulf" is not the
            taken.update(range(ent.start, ent.end))  # Gulf; "Oman" is its own entity
            continue
        ent = whole
        if name_key(ent.text) in DIRECTIONS or _names_a_street(ent) or a_portfolio(ent):  # "the West": no town
            taken.update(range(ent.start, ent.end))
            continue
        if label in PLACE_LABELS and (_surname_speaking(ent, surnames) or _surname_unplaced(ent, surnames, gaz)
                                      or _opening_compound(ent, gaz)):
            taken.update(range(ent.start, ent.end))
            continue
        if label in PLACE_LABELS:
            toponyms = _entity_toponyms(ent, gaz)
        elif label in MISTYPED_LABELS and (key := known_key(ent.text, gaz)):
            if _accept_mistyped(ent, key, gaz) and not (label == "PERSON" and _a_surname(ent, key, surnames, gaz)):
                toponyms = [Toponym((ent.start_char, ent.end_char), ent.text, key)]
            else:
                doubtful.append((ent, key, label))
        elif label == "NORP" and (key := demonym_key(ent.text, gaz)):
            toponyms = [Toponym((ent.start_char, ent.end_char), ent.text, key)]  # "Ohioans", "Sicilian"
        elif label in MISTYPED_LABELS:
            toponyms = _known_prefix(ent, gaz)  # "Rapides Parish Fire District" tagged PERSON
        head = _institution_head(ent, gaz) if not toponyms and label in _INSTITUTION_LABELS else None
        if head is not None and (hkey := known_key(head.text, gaz)):
            doubtful.append((head, hkey, "HEAD"))
        found += toponyms
        if toponyms or label not in ("ORG", "FAC", "NORP", "EVENT"):
            taken.update(range(ent.start, ent.end))
    doubtful += _conjuncts(doc, found, gaz)
    # Datelines and party notes before the doubtful names: "ROSWELL -" vouches for the
    # "Roswell" the model typed PERSON further on.
    found += _datelines_outside(text, found, gaz)
    from newsdesk.nlp.places import choose  # here: places imports this module

    chosen = choose(found, gaz).values()
    accepted = _accept_doubtful(doubtful, found, chosen, surnames, gaz)
    # The names accepted vouch in turn for the same name elsewhere: "Gainesville residents"
    # for the "Gainesville" typed PERSON in "Gainesville says no".
    vouched = found + [Toponym((e.start_char, e.end_char), e.text, k) for e, k in accepted]
    again = _accept_doubtful(doubtful, vouched, chosen, surnames, gaz)
    accepted += [(e, k) for e, k in again if (e, k) not in accepted]
    found += [Toponym((ent.start_char, ent.end_char), ent.text, key) for ent, key in accepted]
    for ent, _ in accepted:
        taken.update(range(ent.start, ent.end))
    counties = county_lists(doc, gaz, text)
    found = [t for t in found if not any(_overlap(t, c) for c in counties)] + counties
    filed_from = datelines(text, gaz, party=False)
    regions = _regions(chosen)

    def home(key: str) -> bool:  # a town of the article's region, and nobody's surname in it
        return key not in surnames and _town_in(key, regions, gaz)

    found += _scan(doc, taken | _covered(doc, found), gaz, frozenset(t.key for t in found), text, home)
    found += state_abbreviations(doc, _covered(doc, found), gaz)
    at = frozenset(t.span for t in _without_overlaps(found) if any(_overlap(t, d) for d in filed_from))
    # A place name has a capital ("the gulf in graduation rates" is none).
    found = [t for t in found if not t.text.islower() and not unknown_abbreviation(t, gaz) and not an_acronym(t)]
    found = [kind_from_text(t, text, at) for t in qualify(_without_overlaps(found), text, gaz)]
    found = list_kinds(qualifiers_are_regions(found), text, gaz)
    return government_kinds(initials_kinds(found, gaz), doc, gaz)


def _overlap(a: Toponym, b: Toponym) -> bool:
    return a.span[0] < b.span[1] and b.span[0] < a.span[1]


def _without_overlaps(toponyms: list[Toponym]) -> list[Toponym]:
    """Toponyms in text order, one per stretch of text (the longest where two rules overlap)."""
    out: list[Toponym] = []
    for t in sorted(toponyms, key=lambda t: (t.span[0], -t.span[1])):
        if not out or t.span[0] >= out[-1].span[1]:
            out.append(t)
    return out


def _conjuncts(doc, found: list[Toponym], gaz: Gazetteer) -> list[tuple[object, str, str]]:
    """Names listed with a toponym ("stores in Zilina, Nitra, Presov and Kosice"), as doubtful
    names: a list of places is a list of places, whatever the model typed its items."""
    covered = _covered(doc, found)
    out = []
    for t in found:
        span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
        for tok in span.root.conjuncts if span is not None else ():
            if tok.i in covered or tok.pos_ != "PROPN":
                continue
            lefts = [c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            name = doc[min(lefts, default=tok.i) : tok.i + 1]
            if all(w.text[:1].isupper() for w in name) and (key := known_key(name.text, gaz)):
                out.append((name, key, "CONJ"))
    return out


_BODY_KINDS = frozenset({"country", "admin1", "admin2"})


def _regions(chosen) -> set[tuple[str | None, str]]:
    """The (country, admin1) regions of the chosen places below the country."""
    return {(c.country, c.admin1) for c in chosen if c.admin1 and c.kind != "country"}


def _accept_doubtful(doubtful, found: list[Toponym], chosen, surnames: set[str], gaz: Gazetteer):
    """The doubtful names that the article's sure toponyms (``found``, resolved to
    ``chosen``) vouch for (see ``find_toponyms``), as (span, key) pairs."""
    places = {t.key for t in found}
    countries = {c.country for c in chosen if c.country}
    regions = _regions(chosen)
    out = []
    for ent, key, label in doubtful:
        least = _TOWN_BEFORE_INSTITUTION if label in ("HEAD", "CONJ") else _TOWN_IN_CONTEXT
        # One word, even typed PERSON, that is nobody's surname here but a town of the article's region.
        lone_town = len(ent) == 1 and ent[0].lower_ not in surnames and _town_in(key, regions, gaz)
        town = label != "PERSON" and _town_of(key, countries, gaz, least)
        if label == "HEAD" and before_a_namesake(ent):
            town = _town_in(key, regions, gaz)
        reached = _taken_or_reached(ent) and _town_of(key, countries, gaz, _CITY_BY_ANY_NAME, any_name=True)
        civic = _before_civic(ent, label) and _is_town_name(key, gaz)
        # A body named after a state, county or country ("the S.C. Highway Patrol") of the article's countries.
        body = label == "HEAD" and any(
            c.kind in _BODY_KINDS and (not countries or c.country in countries) for c in gaz.lookup(key)
        )
        if label == "PERSON" and _a_surname(ent, key, surnames, gaz):
            sure = _qualified(ent, gaz)  # "Jackson, Miss." is the town even beside Alan Jackson
        else:
            sure = key in places or _qualified(ent, gaz) or town or lone_town or civic or body or reached
        if sure:
            out.append((ent, key))
    return out


# Verbs whose object is a place, seldom a person: armies take, shell and besiege towns,
# convoys reach them, people flee them ("shelled Omdurman and Bahri", "aid reached Khan
# Younis and Rafah"). Verbs that also take people ("attack", "visit", "hit") are left out.
_PLACE_VERBS = frozenset({
    "reach", "enter", "shell", "bomb", "bombard", "pound", "capture", "recapture", "retake", "seize", "besiege",
    "storm", "overrun", "encircle", "surround", "occupy", "annex", "liberate", "flee", "evacuate",
})


# A city this large, by any of its names, in a country the article names elsewhere, is
# what a name that an army shells or a convoy reaches means ("Khan Younis", "Bahri" for
# Khartoum North): the prominent-city threshold of the gazetteer's build script.
_CITY_BY_ANY_NAME = 100_000


def _taken_or_reached(ent) -> bool:
    """The name is the object of a verb whose object is a place (``_PLACE_VERBS``), alone
    or in a list ("Khan Younis and Rafah")."""
    token = ent.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "dobj" and token.head.lemma_.lower() in _PLACE_VERBS


# Words after a name that only a town's name takes, whatever the model typed it:
# "Roswell police say", "55 Gainesville residents", "an Augusta native".
_TOWN_FOLLOWERS = frozenset({"police", "mayor", "residents", "resident", "native", "natives"})


def _before_civic(ent, label: str) -> bool:
    """``ent`` is followed by a civic word: an institution's head ("Carthage Police
    Chief") or any name before one of ``_TOWN_FOLLOWERS``."""
    doc = ent.doc
    if ent.end >= len(doc):
        return False
    word = doc[ent.end].lower_
    if label == "HEAD":
        return word in CIVIC_WORDS
    return word in _TOWN_FOLLOWERS


def _datelines_outside(text: str, found: list[Toponym], gaz: Gazetteer) -> list[Toponym]:
    """Datelines and party notes on no toponym found, or holding one ("PAUL" of "ST. PAUL --")."""
    return [d for d in datelines(text, gaz) if not any(_overlap(t, d) and not _within(t, d) for t in found)]


def _within(a: Toponym, b: Toponym) -> bool:
    """``a`` lies inside ``b`` and is shorter."""
    return b.span[0] <= a.span[0] and a.span[1] <= b.span[1] and a.span != b.span


def _covered(doc, toponyms: list[Toponym]) -> set[int]:
    """Token indices inside the toponyms' spans (the scan leaves them alone)."""
    out = set()
    for t in toponyms:
        span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


