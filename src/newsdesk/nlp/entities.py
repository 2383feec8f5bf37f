"""Entity mentions from spaCy's named entities, each linked to a canonical Entity.

This is the first, literal resolution: one entity per (type, normalised name). The
entity-resolution stage merges variants ("Mr. Stepanyan" / "Gegham Stepanyan") on top.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from spacy.tokens import Span

from newsdesk.model import Analysis, Entity, Mention
from newsdesk.nlp.doccache import doc_ents
from newsdesk.nlp.roles import PERSON_ROLES

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
    for ent in sorted([*doc_ents(doc), *_untyped_named_people(doc)], key=lambda e: e.start):
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


def _untyped_named_people(doc) -> list:
    """Names the model typed nothing that an office or trade is set beside ("Dmytro
    Lubinets, Ukraine's human rights commissioner, said"; "the envoy, Ana Ruiz,"): a
    person's, as ``roles.PERSON_ROLES`` says of a name the model typed otherwise. Without
    it the name was no one, and the next "he" went to a president named before. Only a
    run of two or more capitalised words with nothing typed in it."""
    found = []
    for tok in doc:
        if tok.dep_ != "appos" or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        role, name = (tok, tok.head) if tok.pos_ == "NOUN" else (tok.head, tok)
        if role.pos_ != "NOUN" or (role.lemma_ or role.text).lower() not in PERSON_ROLES or name.pos_ != "PROPN":
            continue
        words = [c for c in name.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [name]
        start, end = words[0].i, name.i + 1
        run = doc[start:end]
        if end - start >= 2 and [t.i for t in run] == [t.i for t in words] \
                and all(t.text[:1].isupper() and t.is_alpha and not t.ent_type_ for t in run):
            found.append(Span(doc, start, end, label="PERSON"))
    return found
