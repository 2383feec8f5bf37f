"""Canonical entities: every mention points to one id that holds across articles.

The stage ``resolve_entities`` runs right after ``entities.find_mentions`` and rewrites
its literal mentions:

- countries, under any name pycountry or the tables know ("Russian Federation",
  "Russia") -> ``gpe:russia``; their demonyms used as adjectives ("Azerbaijani
  military") -> the country; plural demonyms ("Armenians") -> a group entity
  (``norp:armenians``) whose ``country`` is the country's code;
- aliases of one place ("Khankendi" / "Stepanakert") -> one id (``data/entities.json``);
- capitals that act or speak ("Baku said", "Baku's objective", "controlled by
  Baku") and seats of government ("the Kremlin") -> the country, which stands for its
  government; a capital as a location ("in Baku") stays a place;
- "the Azerbaijani authorities", "Russian officials" -> the country (its government);
- descriptions of a de facto authority ("the breakaway authorities",
  "Nagorno-Karabakh authorities", "the unrecognized Republic of Artsakh") -> that
  authority; ministries ("the Azerbaijani Defense Ministry", "Azerbaijan's defence
  ministry", "the Ministry of Defence" after one of them) -> ``org:<country>-ministry-of-<x>``;
- person name variants within the article ("Mr. Stepanyan", "Stepanyan", "Gegham
  Stepanyan", a lone first name when one full name has it) -> the full name's id, with
  rapidfuzz tolerating transliteration ("Aleksander" / "Alexander"); repeats of a tagged
  surname that the model left untagged become mentions too; titles and roles go to
  ``Entity.description``;
- "the ministry" after a named ministry -> that ministry (a mention, for the quotes stage).

The ministries and de facto authorities are found by rule (``authorities.py``).

Across articles, the corpus stage ``join_people`` (after ``stories.assign``) joins a
surname-only person ("Stepanyan said" in an article that never gives the full name) to the
one full name of its story that fits it; see the section at the end of this module.

Ids are ``<type>:<slug of the canonical name>`` (see ``entities.entity_key``), so the
same canonical name gives the same id in every article, with no lookup in the store.

``resolve_reference`` answers "who is 'he' / 'the ministry' / 'Stepanyan' here?" for
the quotes and events stages.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace
from functools import cache

import sqlalchemy as sa
from rapidfuzz import fuzz

from newsdesk.model import Analysis, Entity, Mention, Place
from newsdesk.nlp.authorities import (
    _authority_mentions,
    _clean,
    _ministry_mentions,
    _overlaps,
    _qualifying_demonym,
    country_entity,
)
from newsdesk.nlp.doccache import sentences
from newsdesk.nlp.entities import entity_key
from newsdesk.nlp.retype import retyped
from newsdesk.nlp.roles import PERSON_ONLY, PERSON_ROLES, role_mentions
from newsdesk.nlp.ruler import capitals, country_by_name, demonyms, tables
from newsdesk.nlp.toponym_cues import ATTACKS_ON
from newsdesk.nlp.toponyms import LOCATIVE_WORDS
from newsdesk.store import Tx, schema

# rapidfuzz ratio (0-100) from which two spellings of one name part are one name.
# Measured: "Aleksander"/"Alexander" 84.2, "Pashinyan"/"Pashinian" 88.9,
# "Iskandaryan"/"Iskandarian" 90.9 join; "Smith"/"Smyth" and "Jones"/"Johns" (80) do not.
# First and last names are compared apart, so "Ilham Aliyev" never joins "Heydar Aliyev".
NAME_SIMILARITY = 84

_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Gen|Col|Lt|Sgt|Capt)\.?\s+")
_FEMALE_HONORIFIC = re.compile(r"(?:Mrs|Ms|Miss|Madam|Lady)\b\.?\s+")
# A relative named right after a kin noun: "his wife Michelle Obama", "her son, Hunter Biden".
# Where two people share a surname, these tell them apart (_person_entities).
_FEMALE_KIN = ("wife", "daughter", "sister", "mother", "widow", "niece", "aunt", "granddaughter", "stepdaughter")
_KIN = (*_FEMALE_KIN, "husband", "son", "brother", "father", "widower", "nephew", "uncle", "grandson", "stepson")
_KIN_BEFORE = re.compile(rf"\b({'|'.join(_KIN)})\s*,?\s*$", re.I)

# Dependency roles in which a capital acts or speaks rather than locates.
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
# Verbs whose object is someone addressed, pressed or judged, never somewhere: "urged
# Ankara to", "warned Moscow", "accused Kyiv of", "called on Tehran to".
_ADDRESSEE_VERBS = frozenset({"urge", "ask", "warn", "accuse", "blame", "criticize", "criticise", "condemn",
                              "pressure", "press", "tell", "invite", "thank", "praise", "persuade", "lobby",
                              "implore", "exhort"})
_PRONOUNS_PERSON = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_PRONOUNS_THING = frozenset({"it", "its", "itself", "they", "them", "their"})


@cache
def _alias_index() -> dict[str, tuple[str, str, str | None]]:
    """name (case-folded) -> (canonical name, label, country) for the place/org tables."""
    t = tables()
    out = {}
    for p in t["places"]:
        for n in p["names"]:
            out[n.casefold()] = (p["names"][0], p["type"], p["country"])
    for o in t["organisations"]:
        for n in o["names"]:
            out[n.casefold()] = (o["names"][0], "ORG", None)
    for d in t["de_facto"]:
        for n in d["names"]:
            out[n.casefold()] = (d["names"][0], "ORG", d["country"])
    return out


# -- NER mentions ---------------------------------------------------------------------


def _acting(doc, span: tuple[int, int]) -> bool:
    """Does the name at ``span`` act or speak (subject, possessor, or agent 'by X'), or is
    it addressed as an actor ("urged Ankara to", "called on Tehran to")?"""
    s = doc.char_span(*span, alignment_mode="expand")
    if s is None:
        return False
    root = s.root
    if root.dep_ in _ACTING_DEPS:
        return True
    if root.dep_ == "dobj" and root.head.lemma_.lower() in _ADDRESSEE_VERBS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.lemma_.lower() == "call":
        return True  # "called on Tehran to"
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _canonical(m: Mention, doc) -> Entity:
    """The canonical entity of one NER mention (persons are handled apart)."""
    text = _clean(m.text)
    folded = text.casefold()
    metonym = tables()["metonyms"].get(text)
    if metonym:
        return country_entity(metonym)
    alias = _alias_index().get(folded)
    # A capital that acts or speaks is its country, under any of its names ("Kiev said"),
    # and whatever the model typed it ("Washington said" comes out ORG).
    capital = capitals().get(alias[0] if alias else text)
    if capital and m.label in ("GPE", "ORG") and _acting(doc, m.span):
        return country_entity(capital)
    if alias:
        name, label, code = alias
        return Entity(id=entity_key(label, name), name=name, type=label, country=code)
    code = country_by_name().get(folded)
    if code and m.label != "PERSON":
        return country_entity(code)
    if m.label == "GPE" and capital:
        return Entity(id=entity_key("GPE", text), name=text, type="GPE", country=capital)
    if m.label in ("NORP", "PERSON") and text in demonyms():
        code = demonyms()[text]
        if text.endswith("s") and not text.endswith("ss"):
            return Entity(id=entity_key("NORP", text), name=text, type="NORP", country=code)
        return country_entity(code)
    return Entity(id=m.entity_id, name=text, type=m.label)


def _as_placed(ent: Entity, place: Place | None) -> Entity:
    """A country's name that two countries share, or a place shares with a country, is the
    one the places stage chose by the article's other places: "Congo" in a report from
    Kinshasa and Ilebo is the Democratic Republic (the name table says the Republic of the
    Congo), and "Georgia" in a report from Atlanta the US state."""
    if place is None or not (ent.country and place.country) or ent.country == place.country:
        return ent
    if ent.id != country_entity(ent.country).id:
        return ent
    if country_by_name().get(place.name.casefold()) == place.country:
        return country_entity(place.country)
    # A place of another country that has the country's name ("Georgia's governor" in a
    # report from Atlanta): the place, under an id of its own beside the country's.
    return Entity(id=entity_key("GPE", f"{place.name} {place.country}"), name=place.name, type="GPE",
                  country=place.country)


def _person_name(text: str) -> str:
    return _HONORIFIC.sub("", text.strip()).strip()


def _same_person(short: str, full: str) -> bool:
    """'Stepanyan' or 'Mr Stepanyan' names 'Gegham Stepanyan'; spellings may vary."""
    s, f = short.split(), full.split()
    if not s or not f:
        return False
    if fuzz.ratio(s[-1], f[-1]) < NAME_SIMILARITY:
        return False
    return len(s) == 1 or fuzz.ratio(s[0], f[0]) >= NAME_SIMILARITY


def _person_entities(mentions: list[Mention], text: str, sentence_of) -> dict[int, Entity]:
    """Index of a PERSON mention -> its person entity; short names join full ones.

    A short name is the person of that name named last in full ("Aliyev" after "Heydar
    Aliyev" and "Ilham Aliyev" is the latter), else the first one named after it, else
    itself. (Not the one referred to last: one wrong short name would carry its error on
    to every short name after it.) Two exceptions where two people share it:
    - a surname in the very sentence that names a relative in full (one named after a kin
      noun: "his wife Michelle Obama") is the other, named in full before it ("Michelle
      Obama visited a school while Obama met the president": a writer who means her names
      her once, not twice);
    - "Mrs Obama" is the one a female kin noun introduced ("his wife Michelle Obama").
    ``sentence_of`` maps a character offset to its sentence's index."""
    fulls: list[str] = []
    kin: dict[str, str] = {}  # the full name of a relative -> the kin noun it was named after
    for m in mentions:
        name = _person_name(m.text)
        if len(name.split()) > 1 and not any(_same_person(name, f) and len(f.split()) > 1 for f in fulls):
            fulls.append(name)
            if found := _KIN_BEFORE.search(text, max(0, m.span[0] - 40), m.span[0]):
                kin[name] = found[1].lower()
    out = {}
    seen: list[tuple[str, int]] = []  # (full name, sentence it was named in), latest last
    for i, m in enumerate(mentions):
        name = _person_name(m.text)
        sentence = sentence_of(m.span[0])
        lone = len(name.split()) == 1
        matches = [f for f, _ in seen[::-1]] + fulls
        matches = list(dict.fromkeys(f for f in matches if _same_person(name, f))) or _by_first_name(name, fulls)
        if lone and len(matches) > 1:
            relative_here = {f for f, at in seen if at == sentence and f in kin}
            named_before = {f for f, at in seen if at != sentence}
            matches = sorted(matches, key=lambda f: f in relative_here or f not in named_before)  # stable
            if _FEMALE_HONORIFIC.match(m.text):
                matches = sorted(matches, key=lambda f: kin.get(f) not in _FEMALE_KIN)
        full = matches[0] if matches else name
        if not lone:
            seen.append((full, sentence))
        out[i] = Entity(id=entity_key("PERSON", full), name=full, type="PERSON")
    return out


def _sentence_index(doc):
    """offset -> the index of the sentence of ``doc`` it lies in (the sentences doccache
    keeps for every stage, not a new walk of the parse)."""
    starts = [sent.start_char for sent in sentences(doc)]
    return lambda offset: bisect.bisect_right(starts, offset)


def _by_first_name(name: str, fulls: list[str]) -> list[str]:
    """The one full name whose first name is this lone word ("Hillary" -> "Hillary
    Clinton", "Phil" in a report that names one Phil), else nothing: a first name shared
    by two people names neither. Spelled exactly: first names are short and close."""
    found = {f for f in fulls if len(f.split()) > 1 and f.split()[0] == name} if " " not in name else set()
    return [found.pop()] if len(found) == 1 else []


def _role(doc, span: tuple[int, int]) -> str | None:
    """A title or role next to a name: an apposition ("X, the prime minister of Armenia")
    or a title before it ("US Secretary of State X", "the journalist X")."""
    s = doc.char_span(*span, alignment_mode="expand")
    if s is None:
        return None
    for tok in s.root.children:
        if tok.dep_ == "appos" and tok.i >= s.end:
            words = [t for t in tok.subtree if t.dep_ != "punct" or t.text in "-’'"]
            return _title(doc[words[0].i : words[-1].i + 1]) if words else None
    if s.root.dep_ == "appos" and s.root.head.i < s.start:
        return _title(doc[s.root.head.left_edge.i : s.start])
    i = s.start
    while i > s.sent.start and _is_title_token(doc[i - 1], s.end) and _attached(doc[i - 1], s):
        i -= 1
    return _title(doc[i : s.start])


def _attached(tok, name) -> bool:
    """Does ``tok`` hang on the name through the words between them? ("State" -> "of"
    -> "Secretary" -> "Blinken" in "Secretary of State Antony Blinken")."""
    for _ in range(name.end - name.sent.start):  # a head chain is never longer
        if name.start <= tok.head.i < name.end:
            return True
        if tok.head.i == tok.i or not name.sent.start <= tok.head.i < name.start:
            return False
        tok = tok.head
    return False


# Honorifics of the Arab world and of royalty written before a name, which the model leaves
# out of the PERSON span ("Sheikh Tamim", "Emir Tamim"): the name's style, not a role.
_STYLES = frozenset({"sheikh", "sheikha", "sheik", "emir", "sayyid", "sultan"})
# Leading words that introduce a name without being its title ("according to", "by").
_NOT_TITLE_POS = frozenset({"ADP", "PUNCT", "DET", "VERB", "SCONJ", "CCONJ", "PART", "NUM", "SYM"})


def _title(span) -> str | None:
    """A role or title from tokens next to a name, or None if they hold no common or
    proper noun (an age "19", "according to", a lone "at")."""
    toks = list(span)
    # An age or a date before the role is no part of it ("a 34-year-old teacher": teacher).
    while toks and (toks[0].pos_ in _NOT_TITLE_POS or toks[0].lower_ == "according" or toks[0].ent_type_ == "DATE"):
        toks = toks[1:]
    while toks and (toks[-1].pos_ in _NOT_TITLE_POS - {"NUM"} or _HONORIFIC.match(toks[-1].text + " ")
                    or toks[-1].lower_ in _STYLES):
        toks = toks[:-1]  # "Qatar's prime minister, Sheikh [Name]": the honorific is the name's
    if not any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "CARDINAL", "PERSON") for t in toks):
        return None
    return _clean(span.doc[toks[0].i : toks[-1].i + 1].text)


def _is_title_token(tok, end: int) -> bool:
    """Part of a title before a name: a modifier of a later word up to the name ("US",
    "Secretary", "journalist") or the inside of one ("of State", "-General")."""
    if tok.ent_type_ in ("PERSON", "DATE", "TIME") or tok.text in ",;:(\"“":
        return False
    if tok.dep_ in ("prep", "pobj", "punct"):
        return True
    return tok.dep_ in ("compound", "nmod", "amod", "det") and tok.i < tok.head.i < end


# -- the stage ----------------------------------------------------------------------------


def _mistyped_surname(m: Mention, surnames: set[str], text: str) -> bool:
    """A one-word ORG that is the surname of a person the article names in full: the small
    model tags "Kovalenko said" as ORG after "Marta Kovalenko"; so a GPE that a person's
    "who" or verb of saying follows: "Rossi, who led the city," after "Marco Rossi" (seen
    in this module's tests). A country or a capital stays a place whoever shares its name.
    An honorific before the surname is no part of it: "Dr Osei said" (ORG) after "Mirela Osei"."""
    word = _person_name(_clean(m.text))
    if m.label not in ("ORG", "GPE") or word not in surnames or word.casefold() in _alias_index():
        return False
    if m.label == "ORG":
        return True
    personal = _PERSONAL_AFTER.match(text, m.span[1]) is not None
    return personal and word.casefold() not in country_by_name() and word not in capitals()


# What follows a person's name and never a place's: "Rossi, who ...", "Rossi said".
_PERSONAL_AFTER = re.compile(r",?\s+(?:who\b|(?:said|says|told|added)\b)")


_HE_SHE = frozenset({"he", "she"})


def _unfamiliar_org(m: Mention, word: str) -> bool:
    """An ORG mention that may be a person the model mistyped: no acronym, and no
    organisation or country the alias index knows (``word``: its cleaned text)."""
    return m.label == "ORG" and not word.isupper() and word.casefold() not in _alias_index()


def _speaks_as_a_person(m: Mention, ner: list[Mention], doc) -> bool:
    """A one-word ORG subject that a "he" or "she" in its sentence or the next continues,
    with no person named from the sentence before it up to the pronoun: "Kovalenko said
    ... she added" (the small model types unknown surnames ORG: 12 such subjects in 200
    Giveme5W1H and GeoWebNews articles, 11 of them people). An acronym stays an ORG."""
    word = _clean(m.text)
    if not _unfamiliar_org(m, word) or " " in word:
        return False
    span = doc.char_span(*m.span, alignment_mode="expand")
    if span is None or span.root.dep_ != "nsubj":
        return False
    sent = span.sent
    after = doc[sent.end : doc[sent.end].sent.end] if sent.end < len(doc) else doc[sent.end : sent.end]
    pronoun = next((t for t in (*doc[span.end : sent.end], *after) if t.lower_ in _HE_SHE and t.dep_ == "nsubj"), None)
    if pronoun is None:
        return False
    # From the sentence before: "Alexei Miller met Gazprom's board. Gazprom said ... He
    # added" is Miller speaking again, not Gazprom turned person.
    start = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    return not any(p.label == "PERSON" and _overlaps(p.span, (start, pronoun.idx)) for p in ner)


def _ranked_role(doc, text: str, whole: tuple[int, int], name: Mention) -> str:
    """The role of a name the model's span gave with its rank: the title before that span
    ("Chief") and the rank ("Constable"); an apposition of the name comes first, as for any
    name ("Chief Constable Helen Marsh, a police spokeswoman," is a police spokeswoman; the
    rank after the apposition made "police spokeswoman Constable")."""
    if (apposed := _role(doc, name.span)) is not None:
        return apposed
    rank = text[whole[0] : name.span[0]].strip()
    before = _role(doc, whole)
    return f"{before} {rank}" if before else rank


def _apposed_to_a_role(m: Mention, doc, placed: set[tuple[int, int]]) -> bool:
    """An ORG name of two or more words set beside a person's role ("the deputy envoy,
    Dmitry Polyanskiy," or "Dmitry Polyanskiy, the deputy envoy,") or after it as a title
    ("chief executive Ana de Vos"): a person. So is any name the model typed a body or a
    place, of one word too, that no table knows and the places stage did not place, set
    beside a word only a person is ("The boy's mother, Mounia, said" and "said Heriyanto,
    the head of the rescue agency" came out GPE, and a "she said" after them found no
    person)."""
    word = _clean(m.text)
    span = doc.char_span(*m.span, alignment_mode="expand")
    if span is None:
        return False
    if _unfamiliar_org(m, word) and " " in word:
        roles = PERSON_ROLES
    elif _unfamiliar_name(m, word) and m.span not in placed:
        roles = PERSON_ONLY
    else:
        return False
    root = span.root
    apposed = [root.head] if root.dep_ == "appos" else []
    apposed += [c for c in root.children if c.dep_ == "appos"]
    # A role written before the name as its title: "chief executive Ana de Vos told …".
    apposed += [c for c in root.children if c.dep_ == "compound" and c.i == span.start - 1]
    return any(t.lemma_.lower() in roles and t.pos_ == "NOUN" for t in apposed)


def _unfamiliar_name(m: Mention, word: str) -> bool:
    """A name typed ORG, GPE or LOC that may be a person's: no acronym or initials, and no
    body, country or capital the tables know."""
    return (m.label in ("ORG", "GPE", "LOC") and not word.isupper() and word.casefold() not in _alias_index()
            and word.casefold() not in country_by_name() and word not in capitals())


def _keep(m: Mention) -> bool:
    """Drop NER fragments with no name in them ("the unrecognized")."""
    words = _clean(m.text)
    return bool(words) and (any(w[:1].isupper() for w in words.split()) or words.casefold() in country_by_name())


# Prepositions whose object is a place wherever it stands ("in Riverton", "near Kunduz"):
# the toponym stage's words before a place, less those that also name people ("father to
# Lee", "a call from Clinton") and its nouns, with three more the parse gives as
# prepositions; and "on" after an attack (``ATTACKS_ON``: "air strikes on Khan Younis").
_LOCATIVE = (LOCATIVE_WORDS - {"from", "to", "capital", "city"}) | {"around", "within", "through"}


def _in_a_place(doc, span: tuple[int, int]) -> bool:
    """Whether the name at ``span`` is the object of a preposition of place."""
    tokens = doc.char_span(*span, alignment_mode="expand")
    if tokens is None:
        return False
    prep = tokens.root.head
    if tokens.root.dep_ != "pobj" or prep.dep_ != "prep":  # "trickling in and Clinton": a particle
        return False
    word = prep.lower_
    return word in _LOCATIVE or (word == "on" and prep.head.lemma_.lower() in ATTACKS_ON)


def _places_typed_person(ner: list[Mention], places: tuple[Place, ...], doc) -> list[Mention]:
    """A name the model typed PERSON is a place when it is a country's name ("Chad said it
    had closed its border": the names the ruler leaves to the model, Chad or Jordan, come
    out PERSON when they act or speak, as a person would), or when the places stage placed
    it and every time the article writes it, it is where something is ("40 homes in
    Riverton", "air strikes on Khan Younis") -- unless a person of the article has it in a
    fuller name ("Michael Jordan" ... "Jordan said"). Else one name is a person in the
    who-list and a point on the map. The places stage alone is not enough: it places
    "Clinton" in "Clinton is retaining a modest lead" and "Russell" in "shortstop Russell"
    (on the Giveme5W1H articles, 11 of the 17 names it placed were people, a team or a
    news agency; with the preposition, none of the 17 is taken)."""
    parts = {w for m in ner if m.label == "PERSON" and " " in _clean(m.text) for w in _clean(m.text).split()}
    placed = {(p.span, p.text) for p in places}
    as_person = [m for m in ner if m.label == "PERSON"]
    located = {
        name for name in {_clean(m.text) for m in as_person}
        if all((m.span, m.text) in placed and _in_a_place(doc, m.span) for m in as_person if _clean(m.text) == name)
    }

    def a_place(m: Mention) -> bool:
        name = _clean(m.text)
        return name not in parts and (name.casefold() in country_by_name() or name in located)

    return [replace(m, label="GPE", entity_id=entity_key("GPE", m.text)) if m.label == "PERSON" and a_place(m) else m
            for m in ner]


def resolve_entities(analysis: Analysis, doc) -> Analysis:
    """Map the literal mentions of ``find_mentions`` to canonical entities."""
    article = analysis.article
    # A street or building placed at its town's point is no mention of the town.
    own_places = tuple(p for p in analysis.text_places if p.precision == "place")
    ner, ranked = [], {}  # ranked: a name's span -> the model's span with its rank
    for m in analysis.mentions:
        if _keep(m) and (r := retyped(m, article.text)) is not None:
            ner.append(r)
            if r.span != m.span:
                ranked[r.span] = m.span
    # The countries the article is about, for the owner of an unnamed ministry: those it
    # names, and those its places lie in. A report on Libya may never name Libya, only
    # its towns, and name Egypt once ("rescue teams from Egypt"); counting its peoples
    # instead ("Libyan officials") gave a Karabakh report's ministry to the Armenians it names.
    named = [(m.span[0], c) for m in ner if (c := country_by_name().get(_clean(m.text).casefold()))]
    counts = Counter(c for _, c in named)
    counts.update(p.country for p in own_places if p.country)

    # Cues of a country near an unnamed ministry: its names, and its adjective before a noun
    # ("the Spanish navy"; not a people, "Armenians", whom a report names as often as foes).
    cues = sorted(named + [(m.span[0], c) for m in ner if (c := _qualifying_demonym(m, doc))])

    def in_sentence(offset: int) -> str | None:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None:
            return None
        sent = span.sent
        paragraph = article.text.rfind("\n", 0, offset) + 1
        own = next((c for at, c in cues if sent.start_char <= at < sent.end_char), None)
        return own or next((c for at, c in reversed(cues) if paragraph <= at < offset), None)

    def placed(span: tuple[int, int]) -> tuple[str, str] | None:  # the place named at span, and its country
        return next(((p.name, p.country) for p in own_places if _overlaps(p.span, span) and p.country), None)

    rules = _authority_mentions(article.text, counts) + _ministry_mentions(article.text, counts, in_sentence, placed)
    ner = [m for m in ner if not any(_overlaps(m.span, span) for span, _, _ in rules)]
    ner = _places_typed_person(ner, own_places, doc)
    surnames = {m.text.split()[-1] for m in ner if m.label == "PERSON" and " " in m.text}
    placed_spans = {p.span for p in analysis.text_places}
    people = [
        m for m in ner
        if (m.label == "PERSON" or _mistyped_surname(m, surnames, article.text) or _speaks_as_a_person(m, ner, doc)
            or _apposed_to_a_role(m, doc, placed_spans))
        and _clean(m.text) not in demonyms()
    ]
    person_entities = _person_entities(people, article.text, _sentence_index(doc))
    person_of = dict(zip((id(m) for m in people), person_entities.values(), strict=True))
    resolved: list[tuple[Mention, Entity]] = []
    places = {p.span: p for p in own_places}
    for m in ner:
        ent = _as_placed(person_of.get(id(m)) or _canonical(m, doc), places.get(m.span))
        if ent.type == "PERSON" and len(m.text.split()) > 1:
            role = _role(doc, m.span) if m.span not in ranked else _ranked_role(doc, article.text, ranked[m.span], m)
            ent = replace(ent, description=role) if role else ent
        resolved.append((replace(m, label=_label(m, ent), entity_id=ent.id), ent))
    for span, text, ent in rules:  # authorities and ministries are organisations, whoever they stand for
        resolved.append((Mention(article.id, span, text, "ORG", ent.id), ent))
    resolved.sort(key=lambda pair: pair[0].span)
    resolved = sorted(resolved + _missed_surnames(article.text, doc, resolved), key=lambda pair: pair[0].span)
    entities = _merge_entities(resolved)
    # Role nouns that refer back ("the director said") are mentions, not aliases of the name.
    resolved += role_mentions(doc, resolved, _describer(doc, resolved))
    return replace(analysis, mentions=tuple(m for m, _ in sorted(resolved, key=lambda p: p[0].span)), entities=entities)


def _describer(doc, resolved: list[tuple[Mention, Entity]]):
    """The role written beside a mention: a person's as the entities stage found it, an
    organisation's apposition or title ("the Red Lantern Front, an armed group")."""
    person = {m.span: e.description for m, e in resolved if e.type == "PERSON"}

    def describe(m: Mention) -> str | None:
        return person.get(m.span) if m.label == "PERSON" else _role(doc, m.span)

    return describe


def _missed_surnames(text: str, doc, resolved: list[tuple[Mention, Entity]]) -> list[tuple[Mention, Entity]]:
    """Bare surnames the model left untagged ('"We need boats," Balan added') of a person
    tagged earlier in the article: a proper noun spelled as that person's last name. The
    latest such person before it wins, as for tagged surnames (``_person_entities``)."""
    people = [(m, e) for m, e in resolved if e.type == "PERSON" and e.name[:1].isupper()]
    surnames = {e.name.split()[-1] for _, e in people}
    if not surnames:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b")
    taken = [m.span for m, _ in resolved]
    out = []
    for hit in pattern.finditer(text):
        span = hit.span()
        if any(_overlaps(span, t) for t in taken):
            continue
        tok = doc.char_span(*span)
        earlier = [e for m, e in people if m.span[1] <= span[0] and e.name.split()[-1] == hit.group(0)]
        if tok is None or tok.root.pos_ != "PROPN" or not earlier:
            continue
        out.append((Mention(resolved[0][0].article_id, span, hit.group(0), "PERSON", earlier[-1].id), earlier[-1]))
    return out


def _label(m: Mention, ent: Entity) -> str:
    """The entity's type corrects the model's label ("Armenia" ORG -> GPE), except that a
    demonym stays NORP and "the Kremlin" stays ORG: they name no place to geocode."""
    return m.label if m.label == "NORP" or _clean(m.text) in tables()["metonyms"] else ent.type


def _merge_entities(resolved: list[tuple[Mention, Entity]]) -> tuple[Entity, ...]:
    """One Entity per id, with every surface form as an alias and the first role found."""
    first: dict[str, Entity] = {}
    aliases: dict[str, dict[str, None]] = {}  # insertion-ordered sets
    roles: dict[str, str | None] = {}
    for m, ent in resolved:
        first.setdefault(ent.id, ent)
        aliases.setdefault(ent.id, {})[_clean(m.text)] = None
        roles[ent.id] = roles.get(ent.id) or ent.description
    return tuple(replace(e, aliases=tuple(aliases[i]), description=roles[i]) for i, e in first.items())


# -- references for the quotes and events stages ---------------------------------------


def resolve_reference(analysis: Analysis, doc, span) -> Mention | None:
    """The entity a token or span refers to, as a Mention at that span, or None.

    ``span`` is a spaCy Token or Span of ``doc``, or a ``(start, end)`` character range.
    - a span inside a mention: that mention;
    - he/she/his/her...: the last person mentioned before it;
    - it/its/they/their: the last organisation or country mentioned before it;
    - "the ministry", "the country": the last mention whose entity is of that kind;
    - a surname or short name ("Stepanyan"): the person of that name in the article.
    """
    start, end = _char_range(span)
    text = analysis.article.text[start:end]
    for m in analysis.mentions:
        if m.span[0] <= start and end <= m.span[1]:
            return m
    before = [m for m in analysis.mentions if m.span[1] <= start]
    word = text.strip().casefold()
    entities = {e.id: e for e in analysis.entities}
    nameless = Entity(id="", name="", type="")

    def last(pred) -> Mention | None:
        hit = next((m for m in reversed(before) if pred(m)), None)
        return Mention(analysis.article.id, (start, end), text, hit.label, hit.entity_id) if hit else None

    if word in _PRONOUNS_PERSON:
        return last(lambda m: m.label == "PERSON")
    if word in _PRONOUNS_THING:
        return last(lambda m: m.label in ("ORG", "GPE"))
    noun = _clean(word)
    if noun in ("country", "nation", "state"):
        return last(lambda m: m.label == "GPE" and entities.get(m.entity_id, nameless).country)
    if noun != word:  # "the ministry", "the agency"
        return last(lambda m: noun in entities.get(m.entity_id, nameless).name.casefold())
    person = next((e for e in analysis.entities if e.type == "PERSON" and _same_person(_person_name(text), e.name)),
                  None)
    return Mention(analysis.article.id, (start, end), text, "PERSON", person.id) if person else None


def _char_range(span) -> tuple[int, int]:
    if isinstance(span, tuple):
        return span
    if hasattr(span, "idx"):  # a Token
        return span.idx, span.idx + len(span.text)
    return span.start_char, span.end_char


# -- across articles: one person per story -------------------------------------------------
#
# Ids come from canonical names, so "Gegham Stepanyan" has one id in every article that
# gives the full name. An article that only says "Stepanyan" or "Mr. Stepanyan" (or spells
# "Alexander" for "Aleksander") keeps its own id; the corpus stage ``join_people`` joins it
# to the full name given by another article of the *same story*. The story is the context
# that keeps two different Smiths apart: a surname is joined only when exactly one full
# name in its story fits it, and never across stories. A join is not undone if the stories
# stage later moves the article to another story.


def person_renames(names: dict[str, tuple[str, int]], orgs: dict[str, str] | None = None) -> dict[str, str]:
    """Old id -> new id for the person entities of one story.

    ``names`` maps each person entity id to (name, mentions in the story). Full-name
    spellings of one person ("Alexander" / "Aleksander Iskandaryan") go to the most
    mentioned one; a lone surname goes to the one full name that fits it, if only one does
    (else a lone first name to the one full name that starts with it).
    ``orgs`` (id -> one-word name) are surnames the model typed ORG in some mentions and
    PERSON in others ("Kovalenko said" as ORG): they join a full name only when spelled
    exactly as its last name, and only if one full name has it.
    """
    fulls = sorted((i for i, (n, _) in names.items() if len(n.split()) > 1), key=lambda i: (-names[i][1], i))
    canonical: dict[str, str] = {}
    for i in fulls:  # the first (most mentioned) spelling that fits is the canonical one
        roots = [c for c in canonical if canonical[c] == c and _same_person(names[i][0], names[c][0])]
        canonical[i] = roots[0] if roots else i
    out = {i: c for i, c in canonical.items() if c != i}
    for i, (name, _) in names.items():
        if len(name.split()) != 1:
            continue
        fits = {canonical[f] for f in fulls if _same_person(name, names[f][0])}
        if not fits:  # a first name alone ("Hillary"), when one full name has it
            fits = {canonical[f] for f in fulls if names[f][0].split()[0] == name}
        if len(fits) == 1:
            out[i] = fits.pop()
    for i, name in (orgs or {}).items():
        fits = {canonical[f] for f in fulls if names[f][0].split()[-1] == name}
        if len(fits) == 1:
            out[i] = fits.pop()
    return out


def _story_people(tx: Tx, ids: sa.Select) -> tuple[dict[str, tuple[str, int]], dict[str, str], dict[str, Entity]]:
    """The story's persons (id -> (name, mentions)), its one-word organisations that may be
    mistyped surnames (id -> name), and the entities behind both."""
    m = schema.mentions
    q = (
        sa.select(m.c.entity_id, sa.func.count())
        .where(m.c.article_id.in_(ids), m.c.label.in_(("PERSON", "ORG")))
        .group_by(m.c.entity_id)
    )
    counts = dict(tx.conn.execute(q).all())
    entities = {e.id: e for e in tx.entities(counts)}
    people = {i: (e.name, counts[i]) for i, e in entities.items() if e.type == "PERSON"}
    # A one-word ORG is a mistyped surname only if the model also typed that word PERSON
    # in the story, or it speaks in the story ("…, while Pashinyan said his government…",
    # the article's one mention): on Giveme5W1H, "Tram" (ORG) otherwise joined "Croydon
    # Tram" (PERSON). A speaking organisation joins no one unless a full name ends in it.
    one_word = {n for n, _ in people.values() if " " not in n}
    q = schema.quotes
    speakers = set(tx.conn.execute(sa.select(q.c.speaker_entity_id).where(q.c.article_id.in_(ids))).scalars())
    orgs = {
        i: e.name for i, e in entities.items()
        if e.type == "ORG" and (e.name in one_word or i in speakers) and " " not in e.name
        and e.name.casefold() not in _alias_index()
    }
    return people, orgs, entities


def _rename(tx: Tx, ids: sa.Select, old: Entity, new: Entity) -> None:
    """Point the story's mentions, quotes, event arguments, figure reporters and story
    features of ``old`` at ``new``; ``new`` gains ``old``'s aliases; ``old`` goes once
    nothing names it."""
    mine = schema.mentions.c.article_id.in_(ids)
    tx.conn.execute(sa.update(schema.mentions).where(mine, schema.mentions.c.entity_id == old.id)
                    .values(entity_id=new.id, label="PERSON"))
    q = schema.quotes
    tx.conn.execute(sa.update(q).where(q.c.article_id.in_(ids), q.c.speaker_entity_id == old.id)
                    .values(speaker_entity_id=new.id))
    e = schema.events
    for col in (e.c.actor, e.c.recipient):  # events name their arguments by canonical name
        tx.conn.execute(sa.update(e).where(e.c.article_id.in_(ids), col == old.name).values({col.name: new.name}))
    f = schema.figures  # and figures their reporting person (``facts.figures._reporter``)
    tx.conn.execute(sa.update(f).where(f.c.article_id.in_(ids), f.c.reported_by == old.name)
                    .values(reported_by=new.name))
    _rename_feature(tx, ids, f"e:{old.id}", f"e:{new.id}")
    tx.upsert_entity(replace(new, aliases=old.aliases))
    if tx.conn.execute(sa.select(schema.mentions.c.entity_id).where(schema.mentions.c.entity_id == old.id)
                       .limit(1)).first() is None:
        tx.conn.execute(sa.delete(schema.entities).where(schema.entities.c.id == old.id))


def _rename_feature(tx: Tx, ids: sa.Select, old: str, new: str) -> None:
    """The stories stage's entity feature ``old`` becomes ``new`` in these articles, so the
    story's key entities count one person once; an article holding both keeps one row with
    the summed weight."""
    f = schema.article_features
    rows = tx.conn.execute(sa.select(f.c.article_id, f.c.weight).where(f.c.article_id.in_(ids), f.c.feature == old))
    for article_id, weight in rows.all():
        mine = (f.c.article_id == article_id) & (f.c.feature == new)
        if tx.conn.execute(sa.select(f.c.weight).where(mine)).first() is not None:
            tx.conn.execute(sa.update(f).where(mine).values(weight=f.c.weight + weight))
            tx.conn.execute(sa.delete(f).where((f.c.article_id == article_id) & (f.c.feature == old)))
        else:
            tx.conn.execute(sa.update(f).where((f.c.article_id == article_id) & (f.c.feature == old))
                            .values(feature=new))


def join_people(tx: Tx, batch):
    """Corpus stage: in each story the batch touched, name variants of one person across
    its articles ("Stepanyan", "Mr. Stepanyan", "Gegham Stepanyan") become one entity."""
    a = schema.articles
    for story in sorted(batch.touched_stories):
        # The story's articles as a subquery: a story of thousands of articles is no list
        # of thousands of bound parameters.
        ids = sa.select(a.c.id).where(a.c.story_id == story)
        if tx.conn.execute(sa.select(sa.func.count()).select_from(a).where(a.c.story_id == story)).scalar() < 2:
            continue
        people, orgs, entities = _story_people(tx, ids)
        for old, new in sorted(person_renames(people, orgs).items()):
            _rename(tx, ids, entities[old], entities[new])
    return batch
