"""Holders: who a story's speakers and figures' reporters are across its articles.

Each article names its speakers its own way: "Police said" and "the police said", "Governor
Peter Kamau said" in one report and "the governor said" in another, "the Kurdala hospital
director, Mariam Eltayeb" where another writes "Eltayeb". Within an article the entities
and roles stages join what they can (nlp/roles.py); across a story, what is left is joined
here, so that the dossier's quotes list one speaker, and its figures count one source, per
holder:

- the same words but for a leading article, a generic owner and case ("Police", "The
  police"; "the country's civil defence agency", "the civil defence agency": ``holder_key``);
- a role before a name ("the Kurdala hospital director, Mariam Eltayeb"): the name;
- a role alone ("the governor") that fits what the story's articles wrote of exactly one
  person ("Governor Peter Kamau": ``nlp.roles.fits_role``): that person. A role two people
  fit (two governors) stays as written;
- one word ("the league") that ends the name of exactly one other holder of the story, or
  its part before "of", "for" or "on" ("the Chadian League for Human Rights"): that
  holder (``short_forms``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsdesk.model import Analysis, Entity
from newsdesk.nlp.roles import description_head, fits_role

_ARTICLES = ("the ", "a ", "an ")
# Owners that name no one in particular: "the country's civil defence agency" is the "civil
# defence agency" of another report ("Peru's" or "Russia's" name one, and stay).
_GENERIC_OWNERS = ("country's ", "nation's ", "state's ", "city's ", "town's ", "region's ", "province's ",
                   "island's ", "county's ", "district's ")


def holder_key(text: str | None) -> str | None:
    """The words a holder goes by, without a leading article, a generic owner and case:
    "The police" -> "police", "the country's civil defence agency" -> "civil defence agency"."""
    key = " ".join((text or "").replace("’", "'").split()).casefold()
    for article in _ARTICLES:
        if key.startswith(article):
            key = key[len(article):]
            break
    for owner in _GENERIC_OWNERS:
        if key.startswith(owner) and len(key) > len(owner):
            key = key[len(owner):]
            break
    return key or None


def story_people(analyses: list[Analysis]) -> list[Entity]:
    """The people a story's articles name, each once, with what was written of them."""
    seen: dict[str, Entity] = {}
    for a in analyses:
        for e in a.entities:
            if e.type == "PERSON" and (e.id not in seen or (e.description and not seen[e.id].description)):
                seen[e.id] = e
    return list(seen.values())


def person_of(text: str | None, people: list[Entity]) -> Entity | None:
    """The one person of the story a holder's words name: a role before a name ("the
    Kurdala hospital director, Mariam Eltayeb") by the name, a role alone by what the
    story wrote of them ("the governor": Governor Peter Kamau); else None."""
    if not text or not people:
        return None
    role, _, name = (part.strip() for part in text.partition(","))
    if name and description_head(role):
        named = [p for p in people if holder_key(p.name) == holder_key(name)]
        if len(named) == 1:
            return named[0]
    fitting = [p for p in people if p.description and fits_role(role, p.description)]
    return fitting[0] if len(fitting) == 1 else None


def speaker_key(text: str | None, entity_id: str | None, people: list[Entity]) -> str:
    """What one speaker's quotes are grouped by across a story: the entity, else the person
    the words name, else the words (``holder_key``)."""
    if entity_id:
        return entity_id
    person = person_of(text, people)
    return person.id if person is not None else holder_key(text) or "(unattributed)"


def short_forms(holders: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Keys of one-word holders, each to the key of the one other holder whose name ends in
    that word: "league" -> the key of "the Chadian League". ``holders``: (words, key) pairs."""
    names: dict[str, set[str]] = {}
    for words, key in holders:
        if (name := holder_key(words)) is not None:
            names.setdefault(name, set()).add(key)
    out = {}
    for short, keys in names.items():
        if " " in short:
            continue
        longer = {k for name, ks in names.items() if name != short
                  and (" " + _head_part(name)).endswith(" " + short) for k in ks}
        if len(longer) == 1:
            out |= dict.fromkeys(keys, next(iter(longer)))
    return out


def _head_part(name: str) -> str:
    """A body's name up to what it is "of", "for" or "on": "chadian league for human
    rights" -> "chadian league", whose last word a report's "the league" is."""
    return re.split(r" (?:of|for|on) ", name, maxsplit=1)[0]


def reporter_key(text: str | None, people: list[Entity]) -> str | None:
    """Who a figure's value is from, for comparing sources: a person by their name (the
    figures stage names a person it knows by the full name), else the words."""
    person = person_of(text, people)
    return holder_key(person.name) if person is not None else holder_key(text)
