"""Stories: online story assignment on the Giveme5W1H gold set (100 articles, 12 topics).

The articles go through the real reader-to-analysis path once (cleaning, spaCy, the
per-article stages); then, for each of ``ORDERS`` shuffled arrival orders, they are stored
in a fresh temporary store in batches of the pipeline's default size and the stories
stages run after each batch, as ``newsdesk ingest`` would. Scored against ``event_topic``
(the one article without a topic arrives like the others but is not scored): pairwise
precision/recall/F1 and BCubed F1, the mean over the orders and the spread (min-max).

Anchor: Miranda et al. 2018, pairwise F1 0.94 (English, 8,726 articles). Goal: >= 0.95.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
from collections import Counter
from itertools import combinations
from pathlib import Path

from evals.common import report
from newsdesk.clean import clean_document
from newsdesk.corpus import refresh, stories
from newsdesk.model import Document
from newsdesk.pipeline import Batch, Settings, analyse
from newsdesk.store import open_store

CORPUS = Path("events5w1h") / "giveme5w1h_gold.jsonl"
ORDERS = 10
SEED = 20181  # fixed, so a rerun shuffles the same way; never tuned


def load(path: Path):
    """(analyses, {article id: topic}) for the corpus, analysed once."""
    articles, topics = [], {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        row = json.loads(line)
        doc = Document(
            origin=f"{path.name}:{n}",
            content=row["text"],
            title=row.get("title"),
            published=row.get("date_publish"),
            source=row.get("source_domain") or row.get("publisher"),
            url=row.get("url"),
        )
        article = clean_document(doc)
        if article.id in topics:
            continue
        articles.append(article)
        topics[article.id] = row.get("event_topic")
    return analyse(articles), topics


def cluster(analyses, order: list[int], batch_size: int) -> dict[str, str]:
    """Article id -> story id after storing the analyses in this order."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "eval.db")
        try:
            for start in range(0, len(order), batch_size):
                chunk = [analyses[i] for i in order[start : start + batch_size]]
                with store.begin() as tx:
                    seq = tx.next_seq()
                    for offset, analysis in enumerate(chunk):
                        tx.save_analysis(analysis, seq=seq + offset)
                    batch = Batch(new_ids=tuple(a.article.id for a in chunk))
                    for stage in (stories.assign, refresh.refresh):
                        batch = stage(tx, batch)
            with store.read() as tx:
                return {a.article.id: tx.story_of(a.article.id) for a in analyses}
        finally:
            store.close()


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    same_pred = {p for p in combinations(sorted(gold), 2) if pred[p[0]] == pred[p[1]]}
    same_gold = {p for p in combinations(sorted(gold), 2) if gold[p[0]] == gold[p[1]]}
    tp = len(same_pred & same_gold)
    precision = tp / len(same_pred) if same_pred else 1.0
    recall = tp / len(same_gold) if same_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def bcubed_f1(pred: dict[str, str], gold: dict[str, str]) -> float:
    """Amigó et al. 2009: per-item precision and recall of its cluster, averaged."""
    pred_size = Counter(pred[i] for i in gold)
    gold_size = Counter(gold.values())
    both = Counter((pred[i], gold[i]) for i in gold)
    p = statistics.mean(both[pred[i], gold[i]] / pred_size[pred[i]] for i in gold)
    r = statistics.mean(both[pred[i], gold[i]] / gold_size[gold[i]] for i in gold)
    return 2 * p * r / (p + r)


def confusion(pred: dict[str, str], gold: dict[str, str]) -> tuple[list[str], list[str]]:
    """Diagnostics, not scored: (gold topics spread over several stories, with their
    pieces' sizes; stories holding several gold topics, with how many of each)."""
    pieces: dict[str, Counter] = {}
    mixes: dict[str, Counter] = {}
    for item, topic in gold.items():
        pieces.setdefault(topic, Counter())[pred[item]] += 1
        mixes.setdefault(pred[item], Counter())[topic] += 1
    split = [f"{t} {sorted(c.values(), reverse=True)}" for t, c in sorted(pieces.items()) if len(c) > 1]
    merged = [" + ".join(f"{t} ({n})" for t, n in sorted(c.items())) for c in mixes.values() if len(c) > 1]
    return split, sorted(merged)


def run(corpora: Path) -> dict[str, float]:
    analyses, topics = load(corpora / CORPUS)
    gold = {i: t for i, t in topics.items() if t}
    rng = random.Random(SEED)
    errors: dict[str, Counter] = {"split": Counter(), "merged": Counter()}
    scores: dict[str, list[float]] = {"precision": [], "recall": [], "f1": [], "bcubed_f1": [], "stories": []}
    for _ in range(ORDERS):
        order = list(range(len(analyses)))
        rng.shuffle(order)
        pred = cluster(analyses, order, Settings().batch_size)
        split, merged = confusion(pred, gold)
        errors["split"].update(split)
        errors["merged"].update(merged)
        precision, recall, f1 = pairwise(pred, gold)
        for key, value in zip(
            scores, (precision, recall, f1, bcubed_f1(pred, gold), len(set(pred.values()))), strict=True
        ):
            scores[key].append(value)
    print(f"  {len(gold)} labelled articles, {len(set(gold.values()))} topics, {ORDERS} shuffled orders")
    for kind, counts in errors.items():
        for error, n in sorted(counts.items(), key=lambda p: (-p[1], p[0])):
            print(f"    {kind} in {n} of {ORDERS} orders: {error}")
    metrics = {}
    for key, values in scores.items():
        mean = statistics.mean(values)
        anchor = "Miranda et al. 2018: 0.940; goal >= 0.95" if key == "f1" else ""
        report(f"pairwise {key}" if key in ("precision", "recall", "f1") else key, mean, anchor)
        report(f"  spread (max - min) of {key}", max(values) - min(values))
        metrics[key] = mean
        metrics[f"{key}_spread"] = max(values) - min(values)
    return metrics
