"""Pages per second: HTML extraction and plain-text cleaning, one process.

    .venv/bin/python bench/bench_extraction.py [--corpora PATH] [--limit N]

HTML: the ScrapingHub benchmark pages (../shared/corpora/extraction/scrapinghub/html),
cleaned as ingest does (``read_text`` + ``clean_document``), beside
``trafilatura.extract(favor_precision=True)`` alone on the same pages in the same run
(the corpus README measured ~32 pages/s for it on an idle core).
Plain text: the hand-written pages of evals/data/cleaning, cleaned 20 times over.
Numbers, not assertions: the machine is shared, so compare rows of one run.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from evals.common import default_corpora  # noqa: E402

from newsdesk.clean import clean_document  # noqa: E402
from newsdesk.errors import InputError  # noqa: E402
from newsdesk.model import Document  # noqa: E402
from newsdesk.read.files import read_text  # noqa: E402

_MARKS = re.compile(r"\[\[|\]\]|\{\{|\}\}")


def rate(items: list, work: Callable) -> float:
    start = time.perf_counter()
    for item in items:
        work(item)
    return len(items) / (time.perf_counter() - start)


def _ingest_html(data: bytes) -> None:
    for doc in read_text(data, "bench"):
        if isinstance(doc, Document):
            # a page without main text still counts as a page processed
            with contextlib.suppress(InputError):
                clean_document(doc)


def _trafilatura(data: bytes) -> None:
    import trafilatura

    trafilatura.extract(data, favor_precision=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--limit", type=int, default=181)
    args = parser.parse_args()
    html_dir = args.corpora / "extraction" / "scrapinghub" / "html"
    pages = [p.read_bytes() for p in sorted(html_dir.glob("*.html"))[: args.limit]]
    if pages:
        _ingest_html(pages[0])  # warm up: imports, langid model
        _trafilatura(pages[0])
        print(f"HTML pages: {len(pages)}")
        print(f"  newsdesk (read + clean, with metadata)  {rate(pages, _ingest_html):7.1f} pages/s")
        print(f"  trafilatura.extract alone             {rate(pages, _trafilatura):7.1f} pages/s")
    else:
        print(f"no HTML pages under {html_dir}; skipping HTML")
    texts = [_MARKS.sub("", p.read_text()) for p in sorted((REPO / "evals/data/cleaning").glob("*.txt"))] * 20
    docs = [Document(origin="bench", content=t) for t in texts]
    print(f"plain-text pages: {len(docs)}")
    print(f"  newsdesk clean_document (plain text)  {rate(docs, clean_document):7.1f} pages/s")


if __name__ == "__main__":
    main()
