"""Events on the PLOVER gold-standard sentences (CAMEO examples recoded in PLOVER).

For each of the 322 sentences newsdesk's primary event (the trigger highest in the parse;
see ``primary_event``) is compared with the gold record:

- category accuracy: the gold category, with the draft's older names mapped to the 16 of
  the current manual (DEMAND -> REQUEST, FIGHT -> ASSAULT, DISAPPROVE and INVESTIGATE ->
  ACCUSE, as the manual merged them); a sentence with no event counts as wrong;
- mode accuracy, on the sentences whose gold mode is given (older mode names mapped);
- actor and recipient overlap F1: word overlap between newsdesk's actor (recipient) and
  the gold source (target) actor texts, micro-averaged over the sentences.

Anchor: PLOVER's reference coding (the gold itself); goal category >= 0.85.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from evals.common import report
from newsdesk.facts.events import sentence_events
from newsdesk.model import Analysis, Article, article_id
from newsdesk.nlp.entities import find_mentions
from newsdesk.nlp.model import load_nlp

FILE = "events/plover_gsr_cameo_examples.jsonl"
# Category names of the 2016 gold records -> the PLOVER manual's 16 (draft 2.0).
OLD_CATEGORIES = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
# Mode names of the gold records -> the manual's modes.
OLD_MODES = {
    "strike-hun": "hunger", "strike-gen": "strike", "demo-org": "demo", "demo-spon": "demo",
    "riot-spon": "riot", "detain": "arrest", "confiscate": "seize", "host": "visit",
    "assassinate": "targeted", "ban": "censor",
}
_WORD = re.compile(r"\w+")


def _words(text: str | None) -> Counter:
    return Counter(w.casefold() for w in _WORD.findall(text or ""))


def _actors(value) -> str:
    if not value:
        return ""
    return " ".join(a.get("actorText", "") for a in value if isinstance(a, dict))


def primary_event(analysis: Analysis, doc):
    """The sentence's main event: the trigger closest to the root of the parse."""
    found = [pair for sent in doc.sents for pair in sentence_events(analysis, sent)]
    return min(found, key=lambda p: (p[0], p[1].span))[1] if found else None


class Overlap:
    """Micro-averaged word-overlap precision, recall and F1."""

    def __init__(self) -> None:
        self.hit = self.pred = self.gold = 0

    def add(self, pred: str | None, gold: str) -> None:
        p, g = _words(pred), _words(gold)
        self.hit += sum((p & g).values())
        self.pred += sum(p.values())
        self.gold += sum(g.values())

    def f1(self) -> float:
        if not self.hit:
            return 0.0
        prec, rec = self.hit / self.pred, self.hit / self.gold
        return 2 * prec * rec / (prec + rec)


def run(corpora: Path) -> dict[str, float]:
    rows = [json.loads(line) for line in (corpora / FILE).read_text().splitlines() if line.strip()]
    nlp = load_nlp()
    cat_ok = mode_ok = mode_n = found = 0
    actor, recipient = Overlap(), Overlap()
    confusions: Counter = Counter()
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        analysis = find_mentions(Analysis(article=Article(id=article_id(row["text"]), text=row["text"])), doc)
        event = primary_event(analysis, doc)
        gold = OLD_CATEGORIES.get(row["event"], row["event"])
        gold_mode = OLD_MODES.get(row.get("mode") or "", row.get("mode") or "")
        found += event is not None
        cat_ok += event is not None and event.type == gold
        if event is None or event.type != gold:
            confusions[(gold, event.type if event else "none")] += 1
        if gold_mode and gold_mode != "other":
            mode_n += 1
            mode_ok += event is not None and event.mode == gold_mode
        actor.add(event.actor if event else None, _actors(row.get("source")))
        recipient.add(event.recipient if event else None, _actors(row.get("target")))
    n = len(rows)
    metrics = {
        "category_accuracy": cat_ok / n,
        "mode_accuracy": mode_ok / mode_n if mode_n else 0.0,
        "actor_f1": actor.f1(),
        "recipient_f1": recipient.f1(),
        "coverage": found / n,
    }
    report("sentences", n, fmt="d")
    report("category accuracy", metrics["category_accuracy"], "goal >= 0.85 (PLOVER gold coding)")
    report(f"mode accuracy (on {mode_n} with a gold mode)", metrics["mode_accuracy"], "PLOVER gold coding")
    report("actor overlap F1", metrics["actor_f1"], "word overlap with gold source actors")
    report("recipient overlap F1", metrics["recipient_f1"], "word overlap with gold target actors")
    report("sentences with an event", metrics["coverage"])
    _print_confusions(confusions)
    return metrics


def _print_confusions(confusions: Counter, top: int = 12) -> None:
    """Diagnostics: the commonest (gold -> newsdesk) category errors, "none" for no event."""
    print("  commonest category errors (gold -> newsdesk: sentences):")
    for (gold, found), n in confusions.most_common(top):
        print(f"    {gold} -> {found}: {n}")
