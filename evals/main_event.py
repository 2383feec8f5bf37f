"""The main event of an article against Giveme5W1H's gold who / what / when / where.

Each of the 100 gold articles (title, description and body, as Giveme5W1H read them) goes
through newsdesk's per-article stages; ``main_event`` picks its main event, which answers:

- who: the event's actor;  what: the text of the event's span (trigger and object);
- when: the event's time (its surface text when the dates stage resolved it to a value);
- where: the event's place.

The place and time may be completed by ``facts.main`` from text linked to the event (its
sentence, the dateline, a day named in the lead); the answers are read the same way.
Besides the two figures, the eval prints each field's precision and coverage and a few
wrong answers per field (diagnostics; the matching is the same for all).

An answer matches when its content words overlap a gold phrase of any coder (votes >= 1)
with a Dice coefficient of at least 0.5 ("Hebei" vs "Hebei province": 0.67; "Clinton" vs
"Hillary Clinton": 0.67). Precision is matches over answers given; coverage is answers
given over the fields that have a gold phrase. Anchor: Giveme5W1H's generalized precision
0.82 on who/what/when/where (human assessors, partial answers half right) — a different
judge, so the comparison is indicative. Goal >= 0.88.
"""

from __future__ import annotations

import ast
import json
import re
from collections import Counter
from pathlib import Path

from evals.common import report
from newsdesk.facts.main import main_event
from newsdesk.model import Analysis, Article, Event, article_id
from newsdesk.pipeline import analyse

FILE = "events5w1h/giveme5w1h_gold.jsonl"
FIELDS = ("who", "what", "when", "where")
THRESHOLD = 0.5  # Dice on content words; see the module docstring
MISS_EXAMPLES = 3  # wrong answers printed per field (diagnostics only)
_WORD = re.compile(r"\w+")
# Function words that would make unrelated phrases overlap.
_STOP_WORDS = "a an the of in on at to and or for by with from as 's is was were be been has have had"
_STOP = frozenset(_STOP_WORDS.split(" "))


def _content(text: str | None) -> set[str]:
    return {w for w in (m.casefold() for m in _WORD.findall(text or "")) if w not in _STOP}


def dice(a: str | None, b: str | None) -> float:
    x, y = _content(a), _content(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _gold(row: dict) -> dict[str, list[str]]:
    gold = row["gold"] if isinstance(row["gold"], dict) else ast.literal_eval(row["gold"])
    return {f: [g["text"] for g in gold.get(f, []) if g.get("text") and g.get("votes", 0) >= 1] for f in FIELDS}


def _article(row: dict) -> Article:
    text = "\n\n".join(p for p in (row.get("title"), row.get("description"), row.get("text")) if p)
    published = (row.get("date_publish") or "")[:10] or None
    return Article(id=article_id(text), text=text, title=row.get("title"), published=published, language="en")


def answers(analysis: Analysis, event: Event) -> dict[str, list[str]]:
    """What the main event says for each field (the when may have a surface and a value)."""
    text = analysis.article.text
    when = [event.when] if event.when else []
    when += [d.text for d in analysis.dates if event.when and d.value == event.when]
    return {
        "who": [event.actor] if event.actor else [],
        "what": [text[event.span[0] : event.span[1]]],
        "when": when,
        "where": [event.place] if event.place else [],
    }


def run(corpora: Path) -> dict[str, float]:
    rows = [json.loads(line) for line in (corpora / FILE).read_text().splitlines() if line.strip()]
    analyses = analyse([_article(r) for r in rows])
    given, hit, gold_n = Counter(), Counter(), Counter()
    misses: dict[str, list[str]] = {f: [] for f in FIELDS}
    for row, analysis in zip(rows, analyses, strict=True):
        gold = _gold(row)
        gold_n.update(f for f in FIELDS if gold[f])
        event = main_event(analysis)
        if event is None:
            continue
        for field, mine in answers(analysis, event).items():
            if not mine or not gold[field]:
                continue
            given[field] += 1
            matched = any(dice(m, g) >= THRESHOLD for m in mine for g in gold[field])
            hit[field] += matched
            if not matched:
                misses[field].append(f"{mine[0][:50]!r} vs gold {gold[field][0][:40]!r}")
    metrics = {f"{f}_precision": hit[f] / given[f] if given[f] else 0.0 for f in FIELDS}
    metrics |= {f"{f}_coverage": given[f] / gold_n[f] if gold_n[f] else 0.0 for f in FIELDS}
    metrics["precision"] = sum(hit.values()) / max(1, sum(given.values()))
    metrics["coverage"] = sum(given.values()) / max(1, sum(gold_n.values()))
    metrics["articles_with_event"] = sum(1 for a in analyses if main_event(a)) / len(rows)
    report("articles", len(rows), fmt="d")
    report("who/what/when/where precision", metrics["precision"], "Giveme5W1H 0.82 (human-judged); goal >= 0.88")
    for f in FIELDS:
        report(f"  {f} precision ({hit[f]}/{given[f]} answers)", metrics[f"{f}_precision"])
    report("coverage (answers / gold fields)", metrics["coverage"], "Giveme5W1H answers every field")
    for f in FIELDS:
        report(f"  {f} coverage ({given[f]}/{gold_n[f]} gold)", metrics[f"{f}_coverage"])
    report("articles with a main event", metrics["articles_with_event"])
    _print_misses(misses)
    return metrics


def _print_misses(misses: dict[str, list[str]]) -> None:
    """A few answers per field that matched no gold phrase: where to look next."""
    for field, examples in misses.items():
        for example in examples[:MISS_EXAMPLES]:
            print(f"    miss {field}: {example}")
