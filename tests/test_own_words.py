"""The project is written in its own words: no run of eight words in its code, tests, docs
or bundled examples stands in a corpus text of ``../shared/corpora``.

The corpora are for measuring only (their README); a test sentence or a comment example
copied from them would also let the evals score the project on text it was written from.
Eight words, because shorter runs are stock phrases that any news text shares ("did not
respond to a request for comment" is nine: listed below as one such). Needs ``../shared``.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RUN = 8
# Corpus files with running text (JSON Lines; the extraction pages are HTML, compared as text).
TEXTS = (
    "events/plover_gsr_cameo_examples.jsonl",
    "events5w1h/giveme5w1h_gold.jsonl",
    "quotes/polnear_train_dev.jsonl",
    "places/lgl.jsonl",
    "places/geowebnews.jsonl",
    "places/geovirus.jsonl",
    "dates/tbaq_timex.jsonl",
    "events/acled/acled_argentina_sample_326.jsonl",
)
# Stock phrases of web pages and news copy that the cleaning lexicon and tests must name.
STOCK = (
    "click to share on twitter opens in new window",
    "click to share on facebook opens in new window",
    "did not respond to a request for comment",
)
_WORD = re.compile(r"[a-z0-9']+")

pytestmark = pytest.mark.slow


def _runs(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    return {hash(" ".join(words[i : i + RUN])) for i in range(len(words) - RUN + 1)}


def _project_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    keep = (".py", ".md", ".txt", ".jsonl", ".j2", ".json")
    return [REPO / p for p in listed.splitlines() if p.endswith(keep) and (REPO / p).is_file()]


def test_no_eight_word_run_of_the_project_stands_in_a_corpus(shared_dir):
    corpora = shared_dir / "corpora"
    present = [corpora / t for t in TEXTS if (corpora / t).is_file()]
    if not present:
        pytest.skip(f"no corpus texts under {corpora}")
    corpus: set[int] = set()
    for path in present:
        corpus |= _runs(path.read_text(encoding="utf-8"))
    corpus -= set().union(*(_runs(s) for s in STOCK))
    shared = []
    for path in _project_files():
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            if _runs(line) & corpus:
                shared.append(f"{path.relative_to(REPO)}:{n}: {line.strip()[:100]}")
    assert not shared, "corpus wording in the project (write examples of your own):\n" + "\n".join(shared)
