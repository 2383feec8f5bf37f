"""Sentences printed twice: the first kept, each repeat flagged where it stands.

The repeat stays in the clean text. Every span in the record points into that text, and
the text is what the user's copy says; cutting the repeat would make the text differ from
its source for no gain. Instead each later occurrence gets a
``Flag(kind="repeated_sentence")`` over its span, and the stages that count (figures,
events, summaries: see ``corpus/verdicts.py`` and ``corpus/compare.py``) skip what lies inside such a flag — so the
sentence is read once and its figures are counted once.
"""

from __future__ import annotations

import re

from newsdesk.clean.lexicon import REPEAT_MIN_WORDS
from newsdesk.model import Flag

# A sentence: from a non-space to a stop followed by a space or the end, or to the end of
# the line (headings and list items have no stop). Abbreviations ("Mr.") split a sentence
# in two; the pieces are still compared like sentences, and short ones are ignored.
_SENTENCE = re.compile(r"\S[^\n]*?(?:[.!?…]+[\"'”’)\]]*(?=\s|$)|(?=\n)|$)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def _key(sentence: str) -> str:
    """Quotes and dashes matched in both forms, case and spacing ignored."""
    return " ".join(sentence.translate(_QUOTES).casefold().split())


def repeated_sentences(text: str) -> tuple[Flag, ...]:
    seen: set[str] = set()
    flags = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group()
        if len(sentence.split()) < REPEAT_MIN_WORDS:
            continue
        key = _key(sentence)
        if key in seen:
            flags.append(Flag("repeated_sentence", sentence, (m.start(), m.end())))
        seen.add(key)
    return tuple(flags)
