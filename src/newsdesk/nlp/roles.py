"""Role nouns that refer back to a person or organisation the article named before.

News names someone once and then calls them by their role: "Dr Amal Haddad, the director
of the city hospital, said … The director said later …"; "Health Minister Rana Aziz … the
minister said"; "the Northern Relief Agency … the agency said". Each such definite noun
phrase becomes a mention of the named entity, so that every stage that reads mentions (a
quote's speaker, a figure's reporter, an event's actor or recipient) reads one entity, not
a person and her role as two.

The role is matched against what the article itself said of the entity, never guessed:

- a person: the role or title the entities stage found beside the name
  (``Entity.description``: "director of the city hospital", "Health Minister"); the role
  noun must be that description's head ("director", "minister"), and every other word of
  the phrase must be in it ("the hospital director" fits, "the deputy director" does not);
- a person's age, written beside the name ("Joren Blake, 45,", "a 45-year-old teacher,
  Joren Blake"): "the 45-year-old";
- an organisation: a noun of a kind of organisation ("ministry", "agency", "group") that
  its name holds ("the Northern Relief Agency") or that its apposition or title gives ("the
  Red Lantern Front, an armed group"), with the same rule for the other words.

Precision first: a role that fits two entities named before it (two governors) stays
unresolved, as does a role before any name fits it, one whose entity was last mentioned
more than ``WINDOW`` characters before, a plural, a possessed noun ("its director":
whose?), and the role written beside the name itself (the apposition and the title are
the naming, not a reference back). Judged by hand on the evaluation corpora (1,228
articles of Giveme5W1H, PolNeAR and GeoWebNews: 381 role mentions): 36 of a random 40
person roles and 38 of a random 40 organisation roles point to the right entity; the misses
are mostly "the president" in a report that names a second, undescribed president
("Obama" bare beside "President Bush"), and a role the entities stage gave the wrong name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdesk.model import Analysis, Entity, Mention

# Nouns of a person's office or trade: a name set beside one as its apposition is a person's
# ("Russia's deputy envoy, Dmitry Polyanskiy, said"), whatever type the model gave it (the
# small model types unfamiliar names ORG); and a definite one later refers back to the
# person the article gave that role ("the envoy said").
PERSON_ROLES = frozenset({
    "envoy", "ambassador", "minister", "spokesman", "spokeswoman", "spokesperson", "president", "official",
    "commander", "general", "leader", "chief", "director", "secretary", "mayor", "governor", "senator",
    "lawmaker", "prosecutor", "judge", "journalist", "activist", "analyst", "professor", "diplomat",
    "negotiator", "adviser", "advisor", "aide", "lawyer", "attorney", "chairman", "chairwoman", "premier",
    "deputy", "ombudsman", "researcher", "resident", "witness", "doctor", "surgeon", "priest", "coach",
    "executive", "chairperson", "chair", "constable", "inspector", "commissioner", "officer",
})
# Further words for a person's role or rank that only refer back (no name is typed a person
# for standing beside them): military ranks, and offices and trades common in news.
_MORE_PERSON_ROLES = frozenset({
    "colonel", "captain", "lieutenant", "sergeant", "major", "admiral", "brigadier", "marshal",
    "teacher", "nurse", "student", "farmer", "driver", "pilot", "owner", "founder", "manager", "head",
    "superintendent", "sheriff", "coroner", "councillor", "councilor", "congressman", "congresswoman",
    "candidate", "chancellor", "king", "queen", "prince", "princess", "monarch", "cleric", "imam", "bishop",
    "rabbi", "pastor", "economist", "scientist", "author", "editor", "reporter", "photographer", "suspect",
    "victim", "survivor", "mother", "father", "worker", "engineer", "architect",
})
# Words for a person that no body or place is ever called: a name the model typed a place
# or a body and set beside one is a person's, even of one word ("The boy's mother, Mounia,";
# "Heriyanto, the head of the rescue agency,"). Offices stay out: "Kenya's president" and
# "the chair" can stand for a state or a body.
PERSON_ONLY = frozenset({
    "mother", "father", "son", "daughter", "wife", "husband", "brother", "sister", "uncle", "aunt", "cousin",
    "grandmother", "grandfather", "widow", "widower", "boy", "girl", "man", "woman", "teenager", "head",
    "spokesman", "spokeswoman", "spokesperson", "journalist", "nurse", "doctor", "farmer", "teacher",
})
# Nouns of a kind of organisation. "authorities", "government" and the like are left to
# the entities stage's rules for authorities (``authorities._authority_mentions``), which know
# whose government is meant.
ORG_KINDS = frozenset({
    "ministry", "agency", "group", "company", "firm", "organisation", "organization", "party", "militia",
    "council", "committee", "commission", "department", "union", "alliance", "movement", "coalition",
    "charity", "bank", "court", "network", "association", "federation", "foundation", "institute",
    "airline", "carrier", "broadcaster", "newspaper", "bureau", "service", "board", "corporation",
})
_ROLE_NOUNS = PERSON_ROLES | _MORE_PERSON_ROLES | ORG_KINDS

# How far back (characters) the entity's latest mention may lie: about two paragraphs, the
# window of a pronoun's antecedent (``facts.speakers``): a role refers to someone in view,
# and a long article may hold another holder of the role that it never described.
WINDOW = 1200
# Words that make another office of the head after them: a prime minister is no minister
# to "the minister", an inspector general no "general" (a description's word just before
# its head that is one of these must be in the role too).
_OFFICE_MAKERS = frozenset({
    "prime", "vice", "deputy", "assistant", "under", "lieutenant", "inspector", "attorney", "surgeon",
    "secretary", "first", "associate", "chief", "junior", "former", "acting", "interim", "ex",
})
# Where a description's head ends: "director of the city hospital", "nurse who …".
_HEAD_STOP = frozenset({"of", "for", "at", "in", "to", "on", "with", "from", "who", "which", "that", "and", "or",
                        "since", "under", "over", "based", ","})
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
# "the 45-year-old": a person's age used as their noun.
_AGED = re.compile(r"\b[Tt]he (\d{1,3})-year-old\b(?![\w-])")
# An age beside a name: "Joren Blake, 45," and "(45)" after it; "45-year-old" before it,
# with up to three words of role between ("a 45-year-old teacher, Joren Blake").
_AGE_AFTER = re.compile(r",\s*(\d{1,3})\s*[,.;]|\s*\((\d{1,3})\)")
_AGE_BEFORE = re.compile(r"(\d{1,3})-year-old(?:\s+[a-z-]+){0,3},?\s+(?:[A-Z][a-z]*\.?\s+)?$")


def _words(text: str) -> list[str]:
    return [_POSSESSIVE.sub("", w) for w in re.findall(r"[\w’'-]+|,", text.casefold())]


def description_head(description: str) -> str | None:
    """The head noun of a role as written: "director" of "director of the city hospital",
    "minister" of "Qatar's prime minister", "spokesman" of "army spokesman"."""
    return _head(_words(description))[0]


def _head(words: list[str]) -> tuple[str | None, str | None]:
    """The head of a role's words and the word before it if that makes another office."""
    cut = next((i for i, w in enumerate(words) if w in _HEAD_STOP), len(words))
    maker = words[cut - 2] if cut > 1 and words[cut - 2] in _OFFICE_MAKERS else None
    return (words[cut - 1] if cut else None), maker


def _fits(role_words: set[str], head: str, described: list[str]) -> bool:
    """The role phrase (its head ``head`` and other words) fits what was written of an
    entity: the same head, no word the description lacks, and the description's word
    that makes another office ("prime" minister) in the role too."""
    for d in described:
        words = _words(d)
        own, maker = _head(words)
        if own == head and role_words <= set(words) and (maker is None or maker in role_words):
            return True
    return False


def fits_role(role: str, description: str) -> bool:
    """Whether a role as a text writes it ("the governor", "the Kurdala hospital director")
    fits what an article wrote of a person (``Entity.description``), by ``_fits``'s rule:
    used across a story's articles (corpus/holders.py)."""
    words = [w for w in _words(role) if w not in ("the", "a", "an")]
    head, _ = _head(words)
    return head in PERSON_ROLES | _MORE_PERSON_ROLES and _fits(set(words) - {head}, head, [description])


def _age(text: str, span: tuple[int, int]) -> str | None:
    after = _AGE_AFTER.match(text, span[1])
    if after:
        return after.group(1) or after.group(2)
    before = _AGE_BEFORE.search(text[max(0, span[0] - 60) : span[0]])
    return before.group(1) if before else None


def _role_phrase(head) -> tuple[int, int, set[str]] | None:
    """A definite singular noun phrase that may refer back ("the director", "the health
    minister", "the director of the hospital"): its token range up to the head, and its
    words other than "the" and the head; None for any other phrase."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.ent_type_:
        return None
    lefts = list(head.lefts)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in lefts) or any(c.dep_ == "poss" for c in lefts):
        return None
    # The role beside the name is the naming itself: "The mayor, Pieter Vos," (the name its
    # apposition), "Pieter Vos, the mayor," (it the name's), "the journalist Ana Ruiz".
    if head.dep_ == "appos" or any(c.dep_ == "appos" for c in head.children):
        return None
    if head.dep_ in ("compound", "nmod") and head.head.pos_ == "PROPN":
        return None
    start = min(c.left_edge.i for c in lefts)
    words = {t.lower_ for t in head.doc[start : head.i] if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")}
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"):
        words |= {t.lower_ for t in prep.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")}
    return start, head.i + 1, words


def role_mentions(
    doc,
    resolved: list[tuple[Mention, Entity]],
    describe: Callable[[Mention], str | None],
) -> list[tuple[Mention, Entity]]:
    """Mentions for the role nouns of ``doc`` that refer back to one entity of ``resolved``
    (the article's resolved mentions), at the role's span. ``describe`` gives the role or
    title written beside a mention ("an armed group", "director of the city hospital")."""
    if not resolved:
        return []
    text = doc.text
    article_id = resolved[0][0].article_id
    taken = [m.span for m, _ in resolved]
    written = [(m, e, _described(m, e, describe)) for m, e in resolved if e.type in ("PERSON", "ORG")]
    last_seen = {}  # entity id -> where its latest mention ends, role mentions included
    for m, e in resolved:
        last_seen.setdefault(e.id, []).append(m.span[1])
    out = []
    for tok in doc:
        found = _role_phrase(tok)
        if found is None:
            continue
        start, end = doc[found[0]].idx, tok.idx + len(tok)
        if any(s < end and start < e for s, e in taken):
            continue
        head = tok.lower_
        if head not in _ROLE_NOUNS:
            continue
        fits = {e.id: e for m, e, described in written if m.span[1] <= start and _fits(found[2], head, described)}
        if len(fits) != 1:
            continue
        ent = next(iter(fits.values()))
        if _recent(last_seen, ent.id, start):
            out.append((Mention(article_id, (start, end), text[start:end], ent.type, ent.id), ent))
            last_seen[ent.id].append(end)
    return out + _aged_mentions(text, resolved, article_id)


def _recent(last_seen: dict[str, list[int]], entity_id: str, start: int) -> bool:
    """The entity was mentioned within ``WINDOW`` characters before ``start``."""
    return any(0 <= start - end <= WINDOW for end in last_seen.get(entity_id, ()))


def _described(m: Mention, e: Entity, describe: Callable[[Mention], str | None]) -> list[str]:
    """What the article wrote of an entity at one mention: its role or title; an
    organisation's name counts too ("the Northern Relief Agency" is an agency)."""
    out = [d] if (d := describe(m)) else []
    if e.type == "ORG":
        out += [e.name, m.text]
    return out


def _aged_mentions(text: str, resolved: list[tuple[Mention, Entity]], article_id: str) -> list[tuple[Mention, Entity]]:
    """"The 45-year-old" -> the one person named before with that age written beside them."""
    ages = [(m.span, _age(text, m.span), e) for m, e in resolved if e.type == "PERSON"]
    out = []
    for hit in _AGED.finditer(text):
        fits = {e.id: e for span, age, e in ages if age == hit.group(1) and span[1] <= hit.start()}
        if len(fits) != 1:
            continue
        ent = next(iter(fits.values()))
        if any(0 <= hit.start() - span[1] <= WINDOW for span, _, e in ages if e.id == ent.id):
            out.append((Mention(article_id, hit.span(), hit.group(0), "PERSON", ent.id), ent))
    return out


def is_reference(m: Mention, entity: Entity | None) -> bool:
    """A mention that refers back by role ("the director", "the 45-year-old") rather than
    by name: a definite role noun that is none of its entity's names. ("the health
    ministry" that the model tagged as a name is one of them: its own entity's name.)"""
    words = m.text.split()
    if entity is None or len(words) < 2 or words[0].casefold() != "the":
        return False
    if any(w[:1].isupper() for w in words[1:]) or " ".join(words[1:]).casefold() in map(str.casefold, entity.aliases):
        return False
    return words[-1] in _ROLE_NOUNS or _AGED.fullmatch(m.text) is not None


def naming(analysis: Analysis) -> list[Mention]:
    """The mentions that name their entity, without those that refer back by role ("The
    director"): the words of a name, for readers that match names by their words."""
    entities = {e.id: e for e in analysis.entities}
    return [m for m in analysis.mentions if not is_reference(m, entities.get(m.entity_id))]
