"""The incident a casualty count is of, where the text names one that is not the
article's own event ("two landmine explosions had killed six people" in a report of an
offensive), and its kind, by which a story sets the counts of one incident side by side
(``Figure.incident``). Part of the figures stage (``figures.py``).
"""

from __future__ import annotations

import re

from newsdesk.model import Analysis
from newsdesk.nlp.doccache import doc_text, sentences

# Nouns of one incident, as opposed to the campaign or disaster a story is about ("the
# fighting", "the offensive", "the floods"): "two landmine explosions had killed six people"
# counts the dead of the blasts, a part of the offensive's toll and not a count of it. Each
# maps to its kind, by which a story sets the counts of one incident side by side: one
# outlet's "landmine blasts" are another's "landmine explosions".
INCIDENT_KIND = {
    **dict.fromkeys(("explosion", "blast", "bombing", "bomb", "landmine", "mine"), "explosion"),
    **dict.fromkeys(("airstrike", "strike", "missile", "rocket", "drone"), "strike"),
    **dict.fromkeys(("ambush", "raid", "attack", "shooting", "stabbing"), "attack"),
    **dict.fromkeys(("crash", "collision", "derailment"), "crash"),
    **dict.fromkeys(("fire", "blaze"), "fire"),
    **dict.fromkeys(("collapse", "landslide", "avalanche", "mudslide"), "collapse"),
    "stampede": "stampede",
}
_BY_WHAT = frozenset({"in", "by", "during", "from", "after"})


def incident(analysis: Analysis, doc, counted) -> str | None:
    """The incident a casualty count is of when the text names one that is not the article's
    own event: "two landmine explosions had killed six people", "were killed in an air strike
    on a market", "a blast that killed 12". An incident the headline or the lead names is
    what the article reports, so its toll is the story's toll ("A car bomb killed 12 people"
    and then "the bombing": no incident of its own)."""
    verb = counted
    for _ in range(4):  # up from the counted noun to the verb that kills or hurts
        if verb.head.i == verb.i or verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    causes = [c for c in verb.children if c.dep_ == "nsubj"]
    if causes and causes[0].lower_ in ("that", "which") and verb.dep_ == "relcl":
        causes = [verb.head]  # "a blast that killed 12"
    causes += [p for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in _BY_WHAT)
               for p in c.children if p.dep_ == "pobj"]
    cause = next((c for c in causes if c.lemma_.lower() in INCIDENT_KIND), None)
    if cause is None:
        return None
    words = [c for c in cause.lefts if c.dep_ == "compound"] + [cause]
    text = " ".join([*(w.lower_ for w in words[:-1]), cause.lemma_.lower()])
    lead = " ".join(filter(None, (analysis.article.heading, doc_text(doc)[: sentences(doc)[0].end_char])))
    told = {INCIDENT_KIND.get(w) or INCIDENT_KIND.get(w.removesuffix("s")) for w in re.findall(r"\w+", lead.lower())}
    return None if INCIDENT_KIND[cause.lemma_.lower()] in told else text


def incident_kind(incident: str | None) -> str | None:
    """"explosion" for "landmine blast": the kind of an incident's words (``Figure.incident``)."""
    return INCIDENT_KIND.get(incident.split()[-1]) if incident else None
