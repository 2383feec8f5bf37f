"""Mentions found by rule rather than by the model: ministries ("Azerbaijan's defence
ministry", "the Ministry of Defence", "the ministry" after one) and de facto authorities
("the breakaway authorities", "Nagorno-Karabakh authorities"), with the small helpers the
entities stage shares with them. Part of the entities stage (``resolve.py``), kept apart
so that each file reads in one sitting.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from newsdesk.model import Entity, Mention
from newsdesk.nlp.entities import entity_key
from newsdesk.nlp.ruler import country_by_name, country_name, demonyms, tables

_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_APOS = r"(?:'s|’s)"

# Ministries: "<Azerbaijani|Azerbaijan's|The> defen[cs]e ministry", "... Ministry of Defence".
_MINISTRY_TYPES = {
    "defense": "defence", "defence": "defence", "foreign": "foreign affairs", "foreign affairs": "foreign affairs",
    "interior": "interior", "health": "health", "finance": "finance", "justice": "justice",
    "emergency situations": "emergency situations",
}
# Spaces within one line: a mention never spans a line break.
_SP = r"[^\S\n]+"
_TYPE_ALT = "|".join(sorted(_MINISTRY_TYPES, key=len, reverse=True))
_OWNER = rf"(?:(?P<owner>[A-Z][\w-]+(?: [A-Z][\w-]+)?){_APOS}?{_SP}|(?:the|The|its|Its){_SP}(?:country{_APOS}{_SP})?)?"
_MINISTRY = re.compile(rf"\b{_OWNER}(?i:(?P<t1>{_TYPE_ALT}){_SP}ministry|ministry{_SP}of{_SP}(?P<t2>{_TYPE_ALT}))\b")

# De facto authorities: "<region> authorities", "the breakaway authorities".
_ROLE_NOUN = r"(?:authorities|government|administration|leadership|officials)"
# Not after a hyphen: a "pro-Armenian government" is not Armenia's government.
_DESCRIBED = re.compile(
    rf"(?<![\w-])(?:the{_SP})?(?:(?P<region>[A-Z][\w]+(?:[ -][A-Z][\w]+)*){_SP}|"
    rf"(?P<kind>breakaway|separatist|de facto|unrecognized|unrecognised|self-declared){_SP}(?:region{_APOS}{_SP})?)"
    rf"{_ROLE_NOUN}\b"
)


def _clean(text: str) -> str:
    return _THE.sub("", text.strip())


def country_entity(code: str) -> Entity:
    name = country_name(code)
    return Entity(id=entity_key("GPE", name), name=name, type="GPE", country=code)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _de_facto_for_region(region: str) -> dict | None:
    for d in tables()["de_facto"]:
        if region.casefold() in {r.casefold() for r in d["regions"]} | {n.casefold() for n in d["names"]}:
            return d
    return None


def _de_facto_entity(d: dict) -> Entity:
    name = d["names"][0]
    return Entity(id=entity_key("ORG", name), name=name, type="ORG", country=d["country"])


def _qualifying_demonym(m: Mention, doc) -> str | None:
    """The country of a demonym that qualifies the actor of its sentence: the subject of
    its main verb or of the clause that verb reports ("the Spanish navy boarded the boat,
    the ministry said"). Not one that names a people on its own ("the Armenians"), nor one
    that qualifies another party the sentence tells of ("The defence ministry in Baku said
    the operation would go on until Armenian armed units gave up their weapons": no cue
    that the ministry is Armenia's)."""
    code = demonyms().get(_clean(m.text))
    span = doc.char_span(m.span[0], m.span[1], alignment_mode="expand") if code else None
    if span is None or span[-1].dep_ not in ("amod", "compound", "nmod") or span[-1].head.i < span[-1].i:
        return None
    noun = span[-1].head
    verb = noun.head
    main = verb.dep_ == "ROOT" or (verb.dep_ in ("ccomp", "parataxis") and verb.head.dep_ == "ROOT")
    return code if noun.dep_ in ("nsubj", "nsubjpass") and main else None


def _country_of_owner(owner: str | None) -> str | None:
    if not owner:
        return None
    for name in (owner, owner.split()[-1]):  # "The Azerbaijani" -> "Azerbaijani"
        code = demonyms().get(name) or country_by_name().get(name.casefold())
        if code:
            return code
    return None


# -- rule mentions: ministries and de facto authorities ------------------------------


def _ministry_mentions(
    text: str, counts: Counter, in_sentence: Callable[[int], str | None] = lambda _: None,
    placed: Callable[[tuple[int, int]], str | None] = lambda _: None,
) -> list[tuple[tuple[int, int], str, Entity]]:
    """Ministry mentions; an owner that is a place in a country, not the country ("the
    Gaza health ministry", a region's own ministry), names it, in that country (``placed``
    of the owner's span: the place's name and country); an unnamed owner is the
    last ministry of that kind, else the nearest country cue (``in_sentence`` of the
    ministry's offset): the first country its own sentence names or qualifies ("Azerbaijan
    has expelled two diplomats, the foreign ministry said", "the Spanish navy freed the
    crew, the defence ministry said"), else the last one before it in its paragraph; else
    the country the article names most (the "context" of the issue)."""
    out, last = [], {}
    for m in _MINISTRY.finditer(text):
        kind = _MINISTRY_TYPES[(m.group("t1") or m.group("t2")).lower()]
        code = _country_of_owner(m.group("owner"))
        region = placed(m.span("owner")) if m.group("owner") and code is None else None
        owner, code = region or ((None, code) if code else None) or last.get(kind) or (None, in_sentence(m.start()))
        if code is None and counts:
            code = counts.most_common(1)[0][0]
        if code is None:
            continue
        last[kind] = (owner, code)
        name = f"{owner or country_name(code)} Ministry of {kind.title().replace('Of', 'of')}"
        ent = Entity(id=entity_key("ORG", name), name=name, type="ORG", country=code)
        out.append(((m.start(), m.end()), m.group(0), ent))
    return out + _bare_ministries(text, out)


# "the ministry said": a ministry named before, for the quotes and events stages.
_BARE_MINISTRY = re.compile(r"\b[Tt]he ministry\b")


def _bare_ministries(text: str, named: list) -> list[tuple[tuple[int, int], str, Entity]]:
    """'The ministry' -> the last ministry named before it; nothing if none was."""
    out = []
    for m in _BARE_MINISTRY.finditer(text):
        before = [n for n in named if n[0][1] <= m.start()]
        if before and not any(_overlaps(m.span(), n[0]) for n in named):
            out.append((m.span(), m.group(0), before[-1][2]))
    return out


def _authority_mentions(text: str, counts: Counter | None = None) -> list[tuple[tuple[int, int], str, Entity]]:
    """'<region> authorities' and 'the breakaway authorities' -> the de facto authority;
    '<country or demonym> authorities' -> the country, which stands for its government."""
    present = [d for d in tables()["de_facto"] if any(n in text for n in d["names"] + d["regions"])]
    if not present and counts:
        # None named: the de facto authority of the country the article names most, if it
        # has only one ("the separatist authorities" in a report on Moldova: Transnistria).
        present = [d for d in tables()["de_facto"] if d["country"] == counts.most_common(1)[0][0]]
    out = []
    for m in _DESCRIBED.finditer(text):
        region = m.group("region")
        # A bare "breakaway authorities" is only clear when one such authority is in view.
        lone = present[0] if len(present) == 1 else None
        d = _de_facto_for_region(region) if region else lone
        code = _country_of_owner(region) if region and d is None else None
        if d is not None:
            out.append(((m.start(), m.end()), m.group(0), _de_facto_entity(d)))
        elif code:
            out.append(((m.start(), m.end()), m.group(0), country_entity(code)))
    return out
