"""Entity mentions from spaCy's named entities, each linked to a canonical Entity.

This is the first, literal resolution: one entity per (type, normalised name). The
entity-resolution stage merges variants ("Mr. Stepanyan" / "Gegham Stepanyan") on top.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from newsdesk.model import Analysis, Entity, Mention
from newsdesk.nlp.doccache import doc_ents

# spaCy labels that name an actor or a place; numbers, dates and money are other stages'.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})

_NON_WORD = re.compile(r"[^\w]+")
_LEADING_THE = re.compile(r"^(the)\s+", re.IGNORECASE)


def entity_key(label: str, text: str) -> str:
    """``gpe:nagorno-karabakh`` from ``("GPE", "Nagorno-Karabakh")``."""
    folded = unicodedata.normalize("NFKD", _LEADING_THE.sub("", text)).encode("ascii", "ignore").decode()
    return f"{label.lower()}:{_NON_WORD.sub('-', folded.casefold()).strip('-')}"


def find_mentions(analysis: Analysis, doc) -> Analysis:
    """spaCy entities -> Mentions. Entities never span a line break (outline lines)."""
    article = analysis.article
    mentions, entities = [], {}
    for ent in doc_ents(doc):
        if ent.label_ not in ENTITY_LABELS or "\n" in ent.text:
            continue
        text = ent.text.strip()
        if not text or not any(c.isalpha() for c in text):
            continue
        key = entity_key(ent.label_, text)
        span = (ent.start_char, ent.end_char)
        mentions.append(Mention(article_id=article.id, span=span, text=text, label=ent.label_, entity_id=key))
        name = _LEADING_THE.sub("", text)
        entities.setdefault(key, Entity(id=key, name=name, type=ent.label_, aliases=(name,)))
    return replace(analysis, mentions=tuple(mentions), entities=tuple(entities.values()))
