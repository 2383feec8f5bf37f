"""Toponym resolution on LGL, GeoWebNews and GeoVirus (``corpora/places/*.jsonl``).

Metric (as in the geoparsing literature): acc@161km, the share of gold toponyms that
carry coordinates which newsdesk both finds (a Place overlapping the gold span) and
places within 161 km (100 miles) of the gold point; a toponym not found counts as wrong.
Also: the share found at all, and the mean and median error in km over the found ones;
as diagnostics, the share found but placed too far, acc@161 over the found toponyms only
(resolution alone, what an evaluation on gold spans measures), and the share of newsdesk's places
that overlap no gold toponym at all (an upper bound on false places: the sets do not
annotate every place name, GeoWebNews' streets and buildings aside).

Anchors: Mordecai3 acc@161km LGL 82.7, GeoWebNews 94.1 (Elasticsearch + a transformer);
CamCoder LGL 76, GeoVirus 82. The texts go through spaCy (``nlp.pipe``) and then the
``resolve_places`` stage, exactly as in the pipeline; the CPU time of the stage alone is
printed as articles per second (CPU time: the machine is shared, wall time is noisy).

The sets have no train/dev split: each document is in half A or half B by a hash of its
id (``evals.common.half``); the place rules since issue 6's second round were developed
looking at the errors of half A, and acc@161km is printed for each half so that a gain
can be seen to carry to the held-out half B.

``NEWSDESK_PLACES_LIMIT=N`` evaluates the first N documents of each set (a quick look).
"""

from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path

from evals.common import half, report
from newsdesk.model import Analysis, Article
from newsdesk.nlp.model import load_nlp
from newsdesk.nlp.places import haversine_km, resolve_places

SETS = {
    "lgl": ("lgl.jsonl", "Mordecai3 0.827, CamCoder 0.76"),
    "geowebnews": ("geowebnews.jsonl", "Mordecai3 0.941"),
    "geovirus": ("geovirus.jsonl", "CamCoder 0.82"),
}
ACC_KM = 161.0


def load(path: Path, limit: int | None) -> list[dict]:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return docs[:limit] if limit else docs


def errors_km(doc: dict, places) -> list[float | None]:
    """Per gold toponym with coordinates: the error of the overlapping place, or None if missed."""
    out = []
    for gold in doc["toponyms"]:
        if gold.get("lat") is None or gold.get("lon") is None:
            continue
        hits = [p for p in places if p.span[0] < gold["end"] and gold["start"] < p.span[1] and p.lat is not None]
        out.append(min((haversine_km(p.lat, p.lon, gold["lat"], gold["lon"]) for p in hits), default=None))
    return out


def _overlaps_gold(place, doc: dict) -> bool:
    return any(place.span[0] < g["end"] and g["start"] < place.span[1] for g in doc["toponyms"])


def score_set(name: str, docs: list[dict], nlp) -> dict[str, float]:
    errs: list[float | None] = []
    halves: dict[str, list[float | None]] = {"A": [], "B": []}
    stage_seconds, predicted, unmatched = 0.0, 0, 0
    for d, sdoc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=32), strict=True):
        analysis = Analysis(article=Article(id=str(d["id"]), text=d["text"]))
        t0 = time.process_time()
        # The gold spans are the text's: a place of a dateline that cleaning took out of the
        # text (``Place.in_dateline``) is neither a hit nor a false place (the sets go
        # through no cleaning and have none).
        places = resolve_places(analysis, sdoc).text_places
        stage_seconds += time.process_time() - t0
        doc_errs = errors_km(d, places)
        errs += doc_errs
        halves[half(str(d["id"]))] += doc_errs
        predicted += len(places)
        unmatched += sum(not _overlaps_gold(p, d) for p in places)
    found = [e for e in errs if e is not None]
    n = max(1, len(errs))
    metrics = {
        f"{name}_acc161": sum(e <= ACC_KM for e in found) / n,
        f"{name}_found": len(found) / n,
        f"{name}_mean_km": statistics.fmean(found) if found else float("nan"),
    }
    print(f"{name}: {len(docs)} documents, {len(errs)} gold toponyms with coordinates")
    report(f"{name}_acc161", metrics[f"{name}_acc161"], SETS[name][1])
    for h, h_errs in halves.items():
        right = sum(e is not None and e <= ACC_KM for e in h_errs)
        note = "developed on" if h == "A" else "held out"
        report(f"  half {h} ({len(h_errs)} toponyms, {note})", right / max(1, len(h_errs)))
    report(f"{name}_found", metrics[f"{name}_found"], "(recall of the toponyms, any distance)")
    report(f"{name}_mean_km", metrics[f"{name}_mean_km"], "(over found toponyms)", fmt=".0f")
    report(f"{name}_median_km", statistics.median(found) if found else float("nan"), "", fmt=".0f")
    report(f"{name}_misplaced", sum(e > ACC_KM for e in found) / n, "(diagnostic: found, > 161 km off)")
    # What a gold-span geocoder evaluation measures (resolution only); not the metric above.
    report(f"{name}_acc161_of_found", sum(e <= ACC_KM for e in found) / max(1, len(found)),
           "(diagnostic: acc@161 on the toponyms found)")
    report(f"{name}_unmatched", unmatched / max(1, predicted), "(diagnostic: places on no gold toponym)")
    report("resolve_places articles/s (CPU time)", len(docs) / max(stage_seconds, 1e-9), "goal >= 50", fmt=".0f")
    return metrics


def run(corpora: Path) -> dict[str, float]:
    limit = int(os.environ.get("NEWSDESK_PLACES_LIMIT", "0")) or None
    if limit:
        print(f"subset: the first {limit} documents of each set")
    nlp = load_nlp()
    metrics: dict[str, float] = {}
    for name, (file, _) in SETS.items():
        metrics |= score_set(name, load(corpora / "places" / file, limit), nlp)
    return metrics
