"""Story assignment time per article as the number of stories grows (1k, 10k, 100k).

``python bench/bench_stories.py [--sizes 1000 10000 100000] [--probe 40]``

A temporary SQLite store is filled with synthetic one-article stories, written straight
into the index tables (``articles``, ``article_features``, ``feature_df``) as the stories
stage would have left them: 30 content words from a vocabulary of 50,000 words and 4
entities out of 20,000, both drawn by Zipf's law, a day in one year. At each size,
``--probe`` new articles (each a rewording of a random existing story, so candidates exist) go through the real
``stories.assign`` (features, IDF update, candidates from the index, scoring, the
merge/split pass) one per transaction, and the time per article is printed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from newsdesk.corpus import stories
from newsdesk.model import Analysis, Article, Mention, article_id
from newsdesk.pipeline import Batch
from newsdesk.store import open_store, schema

VOCAB, ENTITIES, TERMS, ENTS = 50_000, 20_000, 30, 4
rng = random.Random(7)


def word(i: int) -> str:
    """A distinct alphabetic word per integer (the tokenizer only keeps letters)."""
    letters = ""
    i += 26 * 27  # at least three letters
    while i:
        i, r = divmod(i, 26)
        letters += string.ascii_lowercase[r]
    return "z" + letters


def zipf_index(n: int) -> int:
    """Log-uniform ranks: the frequency of rank r falls as 1/r (Zipf's law, exponent 1)."""
    return int(n ** rng.random()) - 1


def synthetic_story() -> tuple[list[str], list[str], date]:
    terms = sorted({word(zipf_index(VOCAB)) for _ in range(TERMS)})
    ents = sorted({f"person:{word(zipf_index(ENTITIES))}" for _ in range(ENTS)})
    return terms, ents, date(2024, 1, 1) + timedelta(days=rng.randrange(365))


def fill(store, start: int, stop: int, df: Counter, kept: list) -> None:
    """Add stories number start..stop-1 to the store in bulk."""
    articles, features = [], []
    for n in range(start, stop):
        terms, ents, day = synthetic_story()
        aid = f"synthetic{n:07d}"
        kept.append((terms, ents, day))
        articles.append(dict(id=aid, seq=n + 1, text=" ".join(terms), origin="bench", outline=[], removed=[],
                             flags=[], notes=[], story_id=f"s{n:07d}", ingested_at="2024-01-01"))  # fmt: skip
        tw, ew = 1 / len(terms) ** 0.5, 1 / len(ents) ** 0.5
        features += [dict(article_id=aid, feature=f"t:{t}", weight=tw) for t in terms]
        features += [dict(article_id=aid, feature=f"e:{e}", weight=ew) for e in ents]
        features.append(dict(article_id=aid, feature=f"d:{day.isoformat()}T00:00", weight=1.0))
        df.update([f"t:{t}" for t in terms] + [f"e:{e}" for e in ents])
    df[stories.N_ARTICLES] += stop - start
    with store.begin() as tx:
        for i in range(0, len(articles), 10_000):
            tx.conn.execute(sa.insert(schema.articles), articles[i : i + 10_000])
        for i in range(0, len(features), 50_000):
            tx.conn.execute(sa.insert(schema.article_features), features[i : i + 50_000])
        tx.conn.execute(sa.delete(schema.feature_df))
        rows = [dict(feature=k, df=v) for k, v in df.items()]
        for i in range(0, len(rows), 50_000):
            tx.conn.execute(sa.insert(schema.feature_df), rows[i : i + 50_000])


def probe_article(terms: list[str], ents: list[str], day: date) -> Analysis:
    """A new report of an existing story: most of its words and all of its entities."""
    words = rng.sample(terms, k=max(1, len(terms) * 2 // 3)) + [word(rng.randrange(VOCAB)) for _ in range(8)]
    names = [e.split(":", 1)[1] for e in ents]
    text = " ".join(words + names) + f" {rng.random()}"
    aid = article_id(text)
    mentions = []
    for name in names:
        start = text.index(name)
        mentions.append(Mention(aid, (start, start + len(name)), name, "PERSON", f"person:{name}"))
    return Analysis(Article(id=aid, text=text, published=day.isoformat()), mentions=tuple(mentions))


def time_assign(store, kept: list, probes: int) -> tuple[list[float], list[float]]:
    """(wall ms, CPU ms) of ``stories.assign`` per article. SQLite runs in this process, so
    CPU time is the cost without the waits of a machine shared with other jobs."""
    wall, cpu = [], []
    for _ in range(probes):
        analysis = probe_article(*rng.choice(kept))
        with store.begin() as tx:
            tx.save_analysis(analysis, seq=tx.next_seq())
            t0, c0 = time.perf_counter(), time.process_time()
            stories.assign(tx, Batch(new_ids=(analysis.article.id,)))
            cpu.append(1000 * (time.process_time() - c0))
            wall.append(1000 * (time.perf_counter() - t0))
    return sorted(wall), sorted(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--probe", type=int, default=40)
    args = parser.parse_args()
    df: Counter = Counter()
    kept: list = []
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        print(f"{'stories':>9}  {'CPU ms median':>13}  {'p90':>6}  {'wall ms median':>14}  {'p90':>6}")
        done = 0
        for size in sorted(args.sizes):
            t0 = time.perf_counter()
            fill(store, done, size, df, kept)
            done = size
            fill_s = time.perf_counter() - t0
            wall, cpu = time_assign(store, kept, args.probe)
            p90 = int(0.9 * (len(cpu) - 1))
            print(
                f"{size:>9,}  {statistics.median(cpu):>13.1f}  {cpu[p90]:>6.1f}  {statistics.median(wall):>14.1f}"
                f"  {wall[p90]:>6.1f}   (fill {fill_s:.0f} s; {args.probe} articles)",
                flush=True,
            )
        store.close()


if __name__ == "__main__":
    main()
