"""A story's title, as an editor would write it.

The story list shows one headline per story: the central article's, unless it is
lower-cased or shouted, as blog and feed copies often carry the wire's headline. When
no article of the story has a well-cased headline, the words of the one there is take
the case that the article's own body gives them ("nagorno karabakh" → "Nagorno
Karabakh" when the body writes the name that way), a truecasing that needs no model.
"""

from __future__ import annotations

import re
from collections import Counter

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# A word that follows a lower-case letter, a digit or a comma and a space is inside a
# sentence, where its case is the word's own and not the sentence's.
MID_SENTENCE = re.compile(r"(?<=[a-z0-9,;:] )" + WORD.pattern)

LONGEST = 160  # characters of a body's first line used when no article has a headline


def well_cased(title: str) -> bool:
    """Some capitals, not all of them."""
    letters = [c for c in title if c.isalpha()]
    return any(c.isupper() for c in letters) and not all(c.isupper() for c in letters)


def truecase(title: str, body: str) -> str:
    """``title`` with each word in the case the body gives it inside its sentences (the
    more frequent form), and a capital to start."""
    forms: dict[str, Counter] = {}
    for m in MID_SENTENCE.finditer(body):
        forms.setdefault(m.group().lower(), Counter())[m.group()] += 1

    def case(m: re.Match) -> str:
        seen = forms.get(m.group().lower())
        return seen.most_common(1)[0][0] if seen else m.group()

    cased = WORD.sub(case, title.lower())
    return cased[:1].upper() + cased[1:]


def story_title(titles: list[str | None], body: str) -> str:
    """The first well-cased headline of ``titles`` (central article first); else the first
    headline, truecased from ``body`` (the central article's text) when it is all lower or
    all upper case; else the body's first line."""
    present = [t.strip() for t in titles if t and t.strip()]
    if not present:
        return body.strip().split("\n", 1)[0][:LONGEST]
    return next((t for t in present if well_cased(t)), None) or truecase(present[0], body)
