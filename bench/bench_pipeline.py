"""Throughput of the whole per-article path beside spaCy's NER alone, same texts, same run.

    python bench/bench_pipeline.py [--articles 240] [--jobs 2]

The texts are the bundled example articles, repeated until there are ``--articles`` of
them (each copy gets a distinct first line so that no cache can help). Two timings:

- spaCy NER only: ``nlp.pipe`` with everything but tok2vec and ner disabled,
  ``n_process=jobs`` — the floor of what any spaCy-based extractor costs;
- newsdesk: ``pipeline.analyse`` (clean text in, Analysis out: parse, entities, places,
  resolution, dates, quotes, figures, events) over ``jobs`` worker processes.

Prints articles/s and tokens/s for both and newsdesk's share of NER-only throughput
(the issue's goal: at least 80 %). Model loading is outside the timed part.
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ProcessPoolExecutor

from newsdesk.clean import clean_document
from newsdesk.examples import load_examples
from newsdesk.model import Document
from newsdesk.nlp.model import load_nlp
from newsdesk.pipeline import analyse


def _articles(n: int):
    base = [e["text"] for e in load_examples()]
    docs = [Document(origin=f"bench:{i}", content=f"Report {i}.\n\n{base[i % len(base)]}") for i in range(n)]
    return [clean_document(d) for d in docs]


def _warm(_: int) -> int:
    load_nlp()
    analyse(_articles(1))
    return 0


def _ner_only(texts: list[str], jobs: int) -> float:
    import spacy  # noqa: F401  (loaded by load_nlp)

    nlp = load_nlp()
    keep = {"tok2vec", "ner"}
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep]):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=jobs, batch_size=16):
            pass
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    articles = _articles(args.articles)
    texts = [a.text for a in articles]
    tokens = sum(len(d) for d in load_nlp().tokenizer.pipe(texts))

    ner_s = _ner_only(texts, args.jobs)

    chunk = max(1, len(articles) // (args.jobs * 4))
    parts = [articles[i : i + chunk] for i in range(0, len(articles), chunk)]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        list(pool.map(_warm, range(args.jobs)))  # load the model in every worker first
        start = time.perf_counter()
        analyses = [a for part in pool.map(analyse, parts) for a in part]
        full_s = time.perf_counter() - start

    facts = sum(len(a.mentions) + len(a.quotes) + len(a.figures) + len(a.events) + len(a.places) for a in analyses)
    print(f"{len(articles)} articles, {tokens} tokens, {args.jobs} processes")
    print(f"  spaCy NER only      {len(articles) / ner_s:8.1f} articles/s  {tokens / ner_s:9.0f} tokens/s")
    print(f"  newsdesk (all)      {len(articles) / full_s:8.1f} articles/s  {tokens / full_s:9.0f} tokens/s"
          f"   ({facts} facts)")
    print(f"  newsdesk / NER-only {ner_s / full_s:8.0%}   (goal: >= 80%)")


if __name__ == "__main__":
    main()
