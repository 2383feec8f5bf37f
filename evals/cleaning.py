"""Plain-text cleaning: boilerplate removed and body kept, on hand-written pages and the seeds.

Pages: ``evals/data/cleaning/*.txt`` (see its README): ``[[...]]`` must leave the text,
``{{...}}`` is a repeat that must stay and be flagged, the rest is body.

- boilerplate removed: share of ``[[...]]`` segments whose text is no longer in the clean
  text (whitespace-normalised substring test);
- body words kept: share of body words (multiset) found in the clean text;
- repeats flagged: share of ``{{...}}`` segments covered by a ``repeated_sentence`` flag.

Seeds: the four cleaning items of ``seeds/EXPECTED.md``, checked on the seeds read at run
time (nothing of their text is in the project), and body words kept on them.

Goal (issue 3): 100 % removed, >= 99 % of body words kept.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from evals.common import REPO, report
from newsdesk.clean import clean_document
from newsdesk.model import Article, Document

PAGES = REPO / "evals" / "data" / "cleaning"
_OUT = re.compile(r"\[\[(.*?)\]\]", re.S)
_REPEAT = re.compile(r"\{\{(.*?)\}\}", re.S)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _word_kept(body: str, clean: str) -> tuple[int, int]:
    want, have = Counter(body.split()), Counter(clean.split())
    return sum(min(n, have[w]) for w, n in want.items()), sum(want.values())


def _clean(name: str, text: str) -> Article:
    return clean_document(Document(origin=name, content=text))


def score_page(path: Path) -> dict[str, tuple[int, int]]:
    """(hits, total) for each measure on one marked page."""
    marked = path.read_text(encoding="utf-8")
    article = _clean(path.name, _REPEAT.sub(r"\1", _OUT.sub(r"\1", marked)))
    clean = _squash(article.text)
    outs = [_squash(s) for s in _OUT.findall(marked) if s.strip()]
    removed = sum(1 for s in outs if s not in clean)
    body = _REPEAT.sub(r"\1", _OUT.sub(" ", marked))
    repeats = _REPEAT.findall(marked)
    flagged = [f.text for f in article.flags if f.kind == "repeated_sentence"]
    found = sum(1 for r in repeats if any(_squash(r) in _squash(f) for f in flagged))
    for s in outs:
        if s in clean:
            print(f"    {path.name}: kept boilerplate {s[:60]!r}")
    return {"removed": (removed, len(outs)), "kept": _word_kept(body, article.text), "repeats": (found, len(repeats))}


def _seed_checks(seeds: list[Path]) -> tuple[int, int, tuple[int, int]]:
    """EXPECTED.md's cleaning items on seeds A and B, structurally; and B's body words kept."""
    a_raw, b_raw = (p.read_text(encoding="utf-8") for p in seeds[:2])
    a, b = _clean(seeds[0].name, a_raw), _clean(seeds[1].name, b_raw)
    a_lines, b_lines = a_raw.strip().split("\n"), [x for x in b_raw.strip().split("\n") if x.strip()]
    checks = [
        ("A's first three lines are its outline", len(a.outline) == 3
         and all(h in line for h, line in zip(a.outline, a_lines[:3], strict=True)) and a_lines[0] not in a.text),
        ("A's repeated sentence flagged once", sum(f.kind == "repeated_sentence" for f in a.flags) == 1),
        ("B's first line is its headline", a.title is None and b.title == b_lines[0].strip()),
        ("B's second paragraph is its standfirst", b.standfirst == b_lines[1].strip()),
        ("B's last two lines (comment form) removed and reported",
         all(x.strip() not in b.text and any(x.strip() == r.text for r in b.removed) for x in b_lines[-2:])),
    ]
    for name, ok in checks:
        print(f"    {'✓' if ok else '✗'} {name}")
    body_a = "\n".join(a_lines[3:])
    body_b = "\n".join(b_lines[1:-2])
    kept = [_word_kept(body, art.text) for body, art in ((body_a, a), (body_b, b))]
    return sum(ok for _, ok in checks), len(checks), (sum(k for k, _ in kept), sum(n for _, n in kept))


def run(corpora: Path) -> dict[str, float]:
    totals: dict[str, list[int]] = {"removed": [0, 0], "kept": [0, 0], "repeats": [0, 0]}
    pages = sorted(PAGES.glob("*.txt"))
    for path in pages:
        for key, (hit, total) in score_page(path).items():
            totals[key][0] += hit
            totals[key][1] += total
    share = {k: (h / t if t else 1.0) for k, (h, t) in totals.items()}
    print(f"  hand-written pages: {len(pages)}")
    report("boilerplate removed (share)", share["removed"], "goal 1.000")
    report("body words kept (share)", share["kept"], "goal >= 0.990")
    report("repeats flagged (share)", share["repeats"], "goal 1.000")
    metrics = {"pages_removed": share["removed"], "pages_kept": share["kept"], "pages_repeats": share["repeats"]}
    seeds = sorted((corpora.parent / "seeds").glob("*.txt"))
    if len(seeds) >= 2:
        ok, n, (kept, total) = _seed_checks(seeds)
        report("seeds: EXPECTED.md cleaning items", ok / n, f"{ok}/{n}; goal all")
        report("seeds: body words kept (share)", kept / total, "goal >= 0.990")
        metrics |= {"seeds_items": ok / n, "seeds_kept": kept / total}
    return metrics
