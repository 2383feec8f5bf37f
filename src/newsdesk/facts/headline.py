"""The headline read on its own, for the main event (facts/main.py).

Cleaning moves a headline out of the clean text into ``Article.title`` (clean/text.py),
so the per-article stages, which read the text, never see it; yet a news lead starts with
it, and its clause is often the article's main event ("Police name the victims"). This
module parses the title (a few words: one small parse per article) and runs on it the
stages a main event needs: names, places, dates and events. The result is an ``Analysis``
whose text is the title, so its spans index ``article.title``.

A headline alone is thin context: "Clinton" may read as a town, "White House" as a place
abroad, a surname stays a surname. The headline's names are therefore read as the text
reads them (``as_in_text``): the same words in the text give their entity and their place
(or no place), and a lone surname the full name of the one person of the text who bears it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import NamedTuple

from newsdesk.facts.events import find_events
from newsdesk.model import Analysis, Article, Entity, Mention, Place
from newsdesk.nlp.dates import resolve_dates
from newsdesk.nlp.entities import find_mentions
from newsdesk.nlp.model import load_nlp
from newsdesk.nlp.places import resolve_places
from newsdesk.nlp.resolve import resolve_entities


class Headline(NamedTuple):
    """The title's analysis (its spans index the title) and its spaCy doc."""

    analysis: Analysis
    doc: object


def read_headline(analysis: Analysis) -> Headline | None:
    """The parse and facts of the article's title, its names read as the text reads them;
    None for an untitled article."""
    article = analysis.article
    title = article.title or ""
    if not title.strip():
        return None
    doc = load_nlp()(title)
    head = Analysis(article=Article(id=article.id, text=title, title=title, published=article.published,
                                    language=article.language))
    for stage in (find_mentions, resolve_places, resolve_entities):
        head = stage(head, doc)
    head = as_in_text(head, analysis)
    for stage in (resolve_dates, find_events):  # events name their actors by the mentions above
        head = stage(head, doc)
    return Headline(head, doc)


def as_in_text(head: Analysis, body: Analysis) -> Analysis:
    """The headline's mentions and places as the text reads the same words (module
    docstring); words the text does not use keep the headline's own reading."""
    entities = {e.id: e for e in head.entities}
    body_entities = {e.id: e for e in body.entities}
    mentions = []
    for m in head.mentions:
        found = _in_text(m.text, body)
        if found is not None:
            m = replace(m, label=found.label, entity_id=found.entity_id)
            if found.entity_id in body_entities:
                entities[found.entity_id] = body_entities[found.entity_id]
        mentions.append(m)
    kept = {m.entity_id for m in mentions}
    places = tuple(p for p in (_place_in_text(p, body) for p in head.places) if p is not None)
    return replace(head, mentions=tuple(mentions), places=places,
                   entities=tuple(e for i, e in entities.items() if i in kept))


def _in_text(words: str, body: Analysis) -> Mention | None:
    """The text's most frequent mention of the same words, else of the one person of the
    text whose surname the words are ("Clinton" in a text that names "Hillary Clinton")."""
    key = words.casefold()
    same = [m for m in body.mentions if m.text.casefold() == key]
    if not same and " " not in key:
        people = {e.id for e in body.entities if e.type == "PERSON" and _surname(e) == key}
        same = [m for m in body.mentions if m.entity_id in people] if len(people) == 1 else []
    if not same:
        return None
    (entity, label), _ = Counter((m.entity_id, m.label) for m in same).most_common(1)[0]
    return next(m for m in same if (m.entity_id, m.label) == (entity, label))


def _surname(entity: Entity) -> str:
    parts = entity.name.split()
    return parts[-1].casefold() if len(parts) > 1 else ""


def _place_in_text(place: Place, body: Analysis) -> Place | None:
    """The headline's toponym resolved as the text resolves the same words; None when the
    text uses them but not as a place ("Clinton" the candidate, not the town)."""
    key = place.text.casefold()
    same = [p for p in body.places if p.text.casefold() == key]
    if same:
        p = same[0]
        return replace(place, name=p.name, lat=p.lat, lon=p.lon, country=p.country, geonameid=p.geonameid)
    if any(m.text.casefold() == key for m in body.mentions):
        return None
    return place
