"""Figures: on hand-written sentences covering every pattern, and on the two seed articles.

``evals/data/figures/sentences.jsonl`` (written for this project, one pattern or more per
line): each line's gold figures give a value and what should be read off it (quantity,
qualifier, subject, reported_by, as_of, background, unit); ``flags`` lists the flag kinds
the sentence must raise. A gold figure is found when a figure has its value; attributes
are scored over the gold figures that state them (reporter and time: either string
contains the other, case-folded).

Seeds: each row of EXPECTED.md's figure table that one article can show by itself.
No published anchor exists for figure extraction; the goal is all items.
"""

from __future__ import annotations

import json
from pathlib import Path

from evals.common import REPO, report

DATA = REPO / "evals" / "data" / "figures" / "sentences.jsonl"
ATTRIBUTES = ("quantity", "qualifier", "subject", "reported_by", "as_of", "background", "unit")


def _analyse(texts: list[str]):
    from newsdesk.clean import clean_document
    from newsdesk.facts.figures import find_figures
    from newsdesk.facts.quotes import find_quotes
    from newsdesk.model import Analysis, Document
    from newsdesk.nlp.entities import find_mentions
    from newsdesk.nlp.model import load_nlp

    nlp = load_nlp()
    for i, text in enumerate(texts):
        article = clean_document(Document(origin=f"figures#{i}", content=text))
        doc = nlp(article.text)
        yield find_figures(find_quotes(find_mentions(Analysis(article=article), doc), doc), doc)


def _same(attr: str, want, got) -> bool:
    if attr in ("reported_by", "as_of"):
        a, b = str(want).casefold(), str(got or "").casefold()
        return bool(b) and (a in b or b in a)
    if isinstance(want, str):
        return want.casefold() == str(got or "").casefold()
    return want == got


def score_sentences(rows: list[dict], analyses) -> dict[str, float]:
    n = {"gold": 0, "found": 0, "pred": 0, "pred_ok": 0, "flag_rows": 0, "flag_ok": 0}
    attr = {a: [0, 0] for a in ATTRIBUTES}
    for row, analysis in zip(rows, analyses, strict=True):
        values = {g["value"] for g in row["figures"]}
        n["pred"] += len(analysis.figures)
        n["pred_ok"] += sum(f.value in values for f in analysis.figures)
        for gold in row["figures"]:
            n["gold"] += 1
            hits = [f for f in analysis.figures if f.value == gold["value"]]
            n["found"] += len(hits) == 1
            for a in ATTRIBUTES:
                if a in gold:
                    attr[a][1] += 1
                    attr[a][0] += bool(hits) and _same(a, gold[a], getattr(hits[0], a))
        if "flags" in row:
            n["flag_rows"] += 1
            kinds = {f.kind for f in analysis.article.flags} & {"unit_inconsistency", "total_mismatch"}
            n["flag_ok"] += kinds == set(row["flags"])
    out = {
        "sentences_recall": n["found"] / n["gold"],
        "sentences_precision": n["pred_ok"] / n["pred"] if n["pred"] else 0.0,
        "sentences_flags": n["flag_ok"] / n["flag_rows"] if n["flag_rows"] else 0.0,
    }
    out |= {f"sentences_{a}": ok / total for a, (ok, total) in attr.items() if total}
    return out


def _has(analysis, quantity: str, value: float, **want) -> bool:
    return any(
        f.quantity == quantity and f.value == value and all(_same(k, v, getattr(f, k)) for k, v in want.items())
        for f in analysis.figures
    )


SEED_CHECKS = [
    ("A: 27 killed, since the attack began, per the Nagorno-Karabakh authorities",
     lambda a, b: _has(a, "killed", 27, as_of="since the attack began", reported_by="Nagorno-Karabakh authorities")),
    ("A: two of them civilians", lambda a, b: _has(a, "killed", 2, subject="civilians")),
    ("B: two dead as of now, per Stepanyan",
     lambda a, b: _has(b, "killed", 2, as_of="as of now", reported_by="Stepanyan")),
    ("B: 11 injured, per Stepanyan", lambda a, b: _has(b, "injured", 11, reported_by="Stepanyan")),
    ("A: six killed by landmines on Tuesday morning, counted once",
     lambda a, b: sum(f.quantity == "killed" and f.value == 6 for f in a.figures) == 1
     and _has(a, "killed", 6, as_of="Tuesday morning", reported_by="Azerbaijani authorities")),
    ("A: four of them police officers", lambda a, b: _has(a, "killed", 4, subject="police officers")),
    ("A: 2,000 peacekeepers", lambda a, b: _has(a, "peacekeepers", 2000)),
    ("B: 1,960 peacekeepers and about 2,000", lambda a, b: _has(b, "peacekeepers", 1960)
     and _has(b, "peacekeepers", 2000, approximate=True)),
    ("A: an estimated 120,000 Armenians", lambda a, b: _has(a, "population", 120000, approximate=True)),
    ("B: tens of thousands of Armenians", lambda a, b: _has(b, "population", 20000, qualifier="at least")),
    ("A: 60 km vs (100 km) flagged", lambda a, b: any(f.kind == "unit_inconsistency" for f in a.article.flags)),
    ("A: 175 Armenian personnel", lambda a, b: _has(a, "troops", 175)),
    ("no casualty figure of the seeds is marked background",
     lambda a, b: not any(f.background for x in (a, b) for f in x.figures if f.quantity == "killed")),
]


def score_seeds(seeds_dir: Path) -> float:
    paths = sorted(seeds_dir.glob("*.txt"))
    a, b = _analyse([p.read_text(encoding="utf-8") for p in paths])
    held = 0
    for item, check in SEED_CHECKS:
        ok = bool(check(a, b))
        held += ok
        print(f"    {'✓' if ok else '✗'} {item}")
    return held / len(SEED_CHECKS)


def run(corpora: Path) -> dict[str, float]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    metrics = score_sentences(rows, list(_analyse([r["text"] for r in rows])))
    print(f"  {len(rows)} hand-written sentences ({DATA.relative_to(REPO)})")
    for key, value in metrics.items():
        report(key, value, "goal: 1.0")
    seeds = corpora.parent / "seeds"
    if seeds.is_dir():
        print("  seeds (EXPECTED.md figure table):")
        metrics["seeds_share"] = score_seeds(seeds)
        report("seeds_share", metrics["seeds_share"], "goal: all")
    return metrics
