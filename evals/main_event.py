"""The main event of an article against Giveme5W1H's gold who / what / when / where.

Each of the 100 gold articles goes the way a user's article goes (the production path): a
``Document`` with its headline as the title and its description and body as the content,
``clean_document`` (which keeps the headline out of the text), then the pipeline's
per-article stages, whose last, ``facts.main.find_main``, picks the main event among the
lead's events and main clauses, the headline's parsed on its own. ``analysis.main_event``
answers:

- who: the event's actor;  what: its words (trigger and object, or a clause's verb
  phrase), in the title or the text;
- when: the event's time (its surface text too, where the text or the title names it);
- where: the event's place (its surface text too where it is named: "UK" for the
  gazetteer's "United Kingdom", as for the time).

(Until the main event was part of the record, this eval read title, description and body as
one uncleaned text, a text no user's article looks like after cleaning: 0.792 / 0.828 that
way against 0.797 / 0.833 this way, on the same run.)

The place and time may be completed by ``facts.main`` from text linked to the event (its
sentence, the dateline, a day named in the lead); the answers are read the same way.
Besides the two figures, the eval prints each field's precision and coverage, both
figures on each half of the corpus (split by a hash of the article id: the rules were
developed on half A, half B shows how far they carry) and a few wrong answers per field
(diagnostics; the matching is the same for all).

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
import os
import re
from collections import Counter
from pathlib import Path

from evals.common import half, report
from newsdesk.clean import clean_document
from newsdesk.errors import InputError
from newsdesk.model import Analysis, Article, Document, MainEvent
from newsdesk.pipeline import analyse

FILE = "events5w1h/giveme5w1h_gold.jsonl"
FIELDS = ("who", "what", "when", "where")
THRESHOLD = 0.5  # Dice on content words; see the module docstring
MISS_EXAMPLES = 3  # wrong answers printed per field (diagnostics only)
# Diagnostics: ``MAIN_EVENT_MISSES=A`` (or B, AB) lists every wrong answer and every gold
# field left unanswered on that half, with the article's id and all gold phrases. List
# half A's while developing, so that half B stays held out.
MISSES_ENV = "MAIN_EVENT_MISSES"
_WORD = re.compile(r"\w+")
# Function words that would make unrelated phrases overlap.
_STOP_WORDS = "a an the of in on at to and or for by with from as 's is was were be been has have had"
_STOP = frozenset(_STOP_WORDS.split(" "))


def _content(text: str | None) -> set[str]:
    return {w for w in (m.casefold() for m in _WORD.findall(text or "")) if w not in _STOP}


def dice(a: str | None, b: str | None) -> float:
    x, y = _content(a), _content(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


# A few gold phrases (5 in the file) hold a JSON escape as literal text, encoded twice:
# "Trump\\u2019s" where the article reads "Trump’s". Read as the coder's words, they are
# what the coder marked; left as they are, "u2019s" is a word no answer can share.
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def _gold(row: dict) -> dict[str, list[str]]:
    gold = row["gold"] if isinstance(row["gold"], dict) else ast.literal_eval(row["gold"])
    return {
        f: [_ESCAPE.sub(lambda m: chr(int(m[1], 16)), g["text"]) for g in gold.get(f, [])
            if g.get("text") and g.get("votes", 0) >= 1]
        for f in FIELDS
    }


def _document(row: dict) -> Document:
    """The row as a reader hands it to the pipeline: the headline as the title, the
    description (the standfirst) and the body as the content."""
    content = "\n\n".join(p for p in (row.get("description"), row.get("text")) if p)
    return Document(origin=f"giveme5w1h:{row['id']}", content=content, title=row.get("title"),
                    published=row.get("date_publish"))


def production(rows: list[dict]) -> list[tuple[Analysis | None, MainEvent | None]]:
    """Each row through ``clean_document`` and the pipeline's per-article stages, as a user
    ingests it: the main event is ``analysis.main_event``."""
    articles: list[Article | None] = []
    for row in rows:
        try:
            articles.append(clean_document(_document(row)))
        except InputError:  # nothing left after cleaning: no main event either
            articles.append(None)
    done = iter(analyse([a for a in articles if a is not None]))
    analyses = [next(done) if a is not None else None for a in articles]
    return [(a, a.main_event if a else None) for a in analyses]


def _at(analysis: Analysis, span, in_title: bool) -> str:
    """The words at a span of the main event: in the title or in the clean text."""
    source = (analysis.article.title or "") if in_title else analysis.article.text
    return source[span[0] : span[1]]


def answers(analysis: Analysis, found: MainEvent) -> dict[str, list[str]]:
    """What the main event says for each field (the when and the where may have a surface
    and a value)."""
    when = [found.when] if found.when else []
    when += [d.text for d in analysis.dates if found.when and d.value == found.when]
    when += [_at(analysis, found.when_span, found.when_in_title)] if found.when_span else []
    where = [found.place] if found.place else []
    where += [_at(analysis, found.place_span, found.place_in_title)] if found.place_span else []
    return {
        "who": [found.actor] if found.actor else [],
        "what": [found.what],
        "when": when,
        "where": where,
    }


def run(corpora: Path) -> dict[str, float]:
    rows = [json.loads(line) for line in (corpora / FILE).read_text().splitlines() if line.strip()]
    return score(rows, production(rows))


def score(rows: list[dict], found: list[tuple[Analysis | None, MainEvent | None]]) -> dict[str, float]:
    """Precision and coverage of the main events ``found`` for the ``rows``, printed."""
    given, hit, gold_n = Counter(), Counter(), Counter()  # keyed by (half, field)
    misses: dict[str, list[str]] = {f: [] for f in FIELDS}
    listed = os.environ.get(MISSES_ENV, "")
    with_event = 0
    for row, (analysis, main) in zip(rows, found, strict=True):
        gold, part = _gold(row), half(row["id"], byte=-1)  # the last byte: this eval's split from the start
        gold_n.update((part, f) for f in FIELDS if gold[f])
        if main is None:
            continue
        with_event += 1
        for field, mine in answers(analysis, main).items():
            if not mine and gold[field] and part in listed:
                print(f"  unanswered {part} {row['id']} {field}: gold {gold[field]}")
            if not mine or not gold[field]:
                continue
            given[part, field] += 1
            matched = any(dice(m, g) >= THRESHOLD for m in mine for g in gold[field])
            hit[part, field] += matched
            if not matched and part == "A":  # half B stays held out: no examples from it
                misses[field].append(f"{mine[0][:50]!r} vs gold {gold[field][0][:40]!r}")
                if part in listed:
                    print(f"  wrong {part} {row['id']} {field}: {mine} vs gold {gold[field]}")
    metrics = _metrics(given, hit, gold_n, "AB")
    metrics["articles_with_event"] = with_event / len(rows)
    _print(metrics, given, hit, gold_n, len(rows))
    _print_misses(misses)
    return metrics


def _print(metrics: dict[str, float], given: Counter, hit: Counter, gold_n: Counter, n: int) -> None:
    report("articles", n, fmt="d")
    report("who/what/when/where precision", metrics["precision"], "Giveme5W1H 0.82 (human-judged); goal >= 0.88")
    for f in FIELDS:
        k = [sum(c[p, f] for p in "AB") for c in (hit, given, gold_n)]
        report(f"  {f} precision ({k[0]}/{k[1]} answers)", metrics[f"{f}_precision"])
    report("coverage (answers / gold fields)", metrics["coverage"], "Giveme5W1H answers every field")
    for f in FIELDS:
        k = [sum(c[p, f] for p in "AB") for c in (given, gold_n)]
        report(f"  {f} coverage ({k[0]}/{k[1]} gold)", metrics[f"{f}_coverage"])
    report("articles with a main event", metrics["articles_with_event"])
    for part, name in (("A", "half A (developed on)"), ("B", "half B (held out)")):
        m = _metrics(given, hit, gold_n, part)
        print(f"  {name + ':':<40} precision {m['precision']:.3f}, coverage {m['coverage']:.3f}")


def _metrics(given: Counter, hit: Counter, gold_n: Counter, parts: str) -> dict[str, float]:
    """Precision and coverage, per field and over all four, on the articles of ``parts``."""
    def total(c: Counter, f: str) -> int:
        return sum(c[p, f] for p in parts)

    metrics = {f"{f}_precision": total(hit, f) / max(1, total(given, f)) for f in FIELDS}
    metrics |= {f"{f}_coverage": total(given, f) / max(1, total(gold_n, f)) for f in FIELDS}
    metrics["precision"] = sum(total(hit, f) for f in FIELDS) / max(1, sum(total(given, f) for f in FIELDS))
    metrics["coverage"] = sum(total(given, f) for f in FIELDS) / max(1, sum(total(gold_n, f) for f in FIELDS))
    return metrics


def _print_misses(misses: dict[str, list[str]]) -> None:
    """A few answers per field of half A that matched no gold phrase: where to look next."""
    for field, examples in misses.items():
        for example in examples[:MISS_EXAMPLES]:
            print(f"    miss {field}: {example}")
