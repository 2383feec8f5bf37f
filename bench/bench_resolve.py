"""Cost of the entity-resolution, place and date stages alone, spaCy excluded.

    python bench/bench_resolve.py [--articles 120]

Texts: the bundled example articles, repeated to ``--articles``. They are parsed once
(untimed); then ``find_mentions``, ``resolve_entities``, ``resolve_places`` and
``resolve_dates`` are timed over the parsed docs (the gazetteer's cache is warmed first,
as in a long run). Prints articles/s for each stage, on one core.
"""

from __future__ import annotations

import argparse
import time

from newsdesk.examples import load_examples
from newsdesk.model import Analysis, Article
from newsdesk.nlp.dates import resolve_dates
from newsdesk.nlp.entities import find_mentions
from newsdesk.nlp.model import load_nlp
from newsdesk.nlp.places import resolve_places
from newsdesk.nlp.resolve import resolve_entities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=120)
    args = parser.parse_args()
    base = [e["text"] for e in load_examples()]
    texts = [base[i % len(base)] for i in range(args.articles)]
    nlp = load_nlp()
    docs = list(nlp.pipe(texts))
    analyses = [Analysis(article=Article(id=str(i), text=t, published="2023-09-20")) for i, t in enumerate(texts)]
    resolve_dates(analyses[0], docs[0])  # warm dateparser's language data
    for a, d in zip(analyses[: len(base)], docs, strict=False):
        resolve_places(a, d)  # open the gazetteer and fill its cache
    found = [find_mentions(a, d) for a, d in zip(analyses, docs, strict=True)]
    for name, stage, inputs in (
        ("find_mentions", find_mentions, analyses),
        ("resolve_entities", resolve_entities, found),
        ("resolve_places", resolve_places, analyses),
        ("resolve_dates", resolve_dates, analyses),
    ):
        start = time.perf_counter()
        for a, d in zip(inputs, docs, strict=True):
            stage(a, d)
        seconds = time.perf_counter() - start
        print(f"{name:<18} {len(docs) / seconds:10.1f} articles/s")


if __name__ == "__main__":
    main()
