"""Dossier time for one story as it grows (10, 100, 500 articles).

``python bench/bench_dossier.py [--sizes 10 100 500] [--repeat 3]``

``corpus.compare.build_dossier`` rebuilds a story's whole dossier each time a batch adds
to it, so its cost at the size of a long-running story bounds how fast a crawl of one
big story can go. Each synthetic article holds 20 events and 10 casualty figures drawn
from small vocabularies (7 PLOVER types, 3 modes, 40 actors, 30 places, 3 days, five
modalities of which two deny or negate; values 1-100 by 3 reporters), so events merge,
fit, dispute and figures conflict much more than in real news: a worst case, not a
typical one. Prints the least CPU seconds of ``--repeat`` runs per size.
"""

from __future__ import annotations

import argparse
import random
import time

from newsdesk.corpus.compare import build_dossier
from newsdesk.model import Analysis, Article, Event, Figure

TYPES = ("ASSAULT", "PROTEST", "REQUEST", "CONSULT", "AID", "COERCE", "RETREAT")
MODALITIES = ("asserted", "asserted", "claimed", "denied", "negated")


def synthetic_story(n_articles: int, rng: random.Random) -> list[Analysis]:
    out = []
    for a in range(n_articles):
        aid = f"a{a:05d}"
        events = tuple(
            Event(aid, (i, i + 1), rng.choice(TYPES), mode=rng.choice((None, "drone", "demo")),
                  actor=rng.choice((None, *(f"actor {k}" for k in range(40)))),
                  place=rng.choice((None, *(f"town {k}" for k in range(30)))),
                  when=rng.choice((None, "2024-03-03", "2024-03-04")), modality=rng.choice(MODALITIES))
            for i in range(20)
        )
        figures = tuple(
            Figure(aid, (i, i + 1), "killed", float(rng.randint(1, 100)), reported_by=rng.choice((None, "x", "y")))
            for i in range(10)
        )
        article = Article(id=aid, text="x" * 100, published=f"2024-03-{1 + a % 28:02d}")
        out.append(Analysis(article=article, events=events, figures=figures))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'articles':>9} {'events':>7} {'story events':>13} {'CPU s (least)':>14}")
    for n in args.sizes:
        story = synthetic_story(n, random.Random(7))
        times = []
        for _ in range(args.repeat):
            start = time.process_time()
            dossier = build_dossier(story, [])
            times.append(time.process_time() - start)
        print(f"{n:>9} {20 * n:>7} {len(dossier['events']):>13} {min(times):>14.3f}")


if __name__ == "__main__":
    main()
