"""The whole ingest, end to end: speed, peak memory and store size as the batch grows.

    python bench/bench_ingest.py [--sizes 250,500,1000] [--jobs 2] [--corpora PATH]

What a researcher with a crawl wants to know before running ``newsdesk ingest`` on it:
how many articles an hour, whether memory stays flat as the run goes on (it should:
articles are read, analysed and stored in batches, so nothing but the store grows), and
how many bytes of SQLite each article costs.

Each size runs in a fresh process (so each peak is its own) that ingests the first N
texts into an empty SQLite store with ``newsdesk.ingest`` (reading, cleaning, the
per-article stages in ``--jobs`` workers, then copies, stories and dossiers) and
reports:

- articles/s by wall clock, and CPU ms per article (the process and its workers);
- peak resident memory (``ru_maxrss``) of the main process and of the largest worker;
- the store's bytes per article on disk.

The texts are real news: the distinct article texts of the corpora in ``../shared/corpora``
(PolNeAR, LGL, GeoWebNews, GeoVirus, Giveme5W1H; read, never copied), in a fixed order.
Without the corpora it falls back to the bundled examples, each repeated with a distinct
first line, and says so: those are near copies of one another, so the copy and story
stages see an unusually easy load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for evals.common when run as a script

from evals.common import default_corpora  # noqa: E402

# The corpora's article texts: (file under the corpora folder, the key of the text).
SOURCES = (
    ("quotes/polnear_train_dev.jsonl", "text"),
    ("places/lgl.jsonl", "text"),
    ("places/geowebnews.jsonl", "text"),
    ("places/geovirus.jsonl", "text"),
    ("events5w1h/giveme5w1h_gold.jsonl", "text"),
)


def texts(corpora: Path, n: int) -> tuple[list[str], str]:
    """The first ``n`` distinct texts, and where they came from."""
    seen: dict[str, None] = {}
    for name, key in SOURCES:
        path = corpora / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                text = (json.loads(line).get(key) or "").strip()
                if text:
                    seen.setdefault(text, None)
        if len(seen) >= n:
            break
    if len(seen) >= n:
        return list(seen)[:n], f"corpora at {corpora}"
    from newsdesk.examples import load_examples

    base = [e["text"] for e in load_examples()]
    return [f"Report {i}.\n\n{base[i % len(base)]}" for i in range(n)], "bundled examples (corpora absent or too small)"


def one_run(n: int, jobs: int, corpora: Path) -> dict:
    """Ingest ``n`` texts into a new store in this process; what it cost."""
    from newsdesk import ingest, open_store
    from newsdesk.model import Document
    from newsdesk.pipeline import Settings

    chosen, origin = texts(corpora, n)
    docs = [Document(origin=f"bench:{i}", content=t) for i, t in enumerate(chosen)]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = open_store(db)
        wall, cpu = time.perf_counter(), _cpu()
        report = ingest(docs, store, Settings(jobs=jobs))
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        store.close()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
    kib = 1024 if sys.platform != "darwin" else 1  # ru_maxrss: KiB on Linux, bytes on macOS
    return {
        "n": n,
        "new": report.new,
        "failed": len(report.failed),
        "stories": len(report.stories),
        "wall_s": wall,
        "cpu_s": cpu,
        "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib / 2**20,
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * kib / 2**20,
        "store_bytes": size,
        "origin": origin,
    }


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250,500,1000", help="comma-separated numbers of articles")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a single size, in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, args.jobs, args.corpora)))
        return
    print(f"newsdesk ingest into a new SQLite store, {args.jobs} worker processes, one fresh process per size")
    header = "articles  new  failed  stories  articles/s  CPU ms/article  peak MB main / worker  store KB/article"
    print(header)
    for n in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--jobs", str(args.jobs), "--corpora", str(args.corpora)],
            capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{r['n']:8d} {r['new']:4d} {r['failed']:7d} {r['stories']:8d} {r['n'] / r['wall_s']:11.1f}"
            f" {1000 * r['cpu_s'] / r['n']:15.1f} {r['rss_main_mb']:11.0f} / {r['rss_worker_mb']:<6.0f}"
            f" {r['store_bytes'] / 1024 / r['n']:17.1f}"
        )
    print(f"texts: {r['origin']}")


if __name__ == "__main__":
    main()
