"""Quotes and speakers on PolNeAR (``quotes/polnear_train_dev.jsonl``), the dev split.

Each PolNeAR annotation file is one annotator's reading of one article: attributions with
``source``, ``cue`` and ``content`` character spans. Scored per file, summed over files:

- a gold attribution is *direct* when its content opens with a quote mark (", “, «, or the
  doubled apostrophe of the NYT archive), *indirect* otherwise;
- recall: share of gold attributions whose content overlaps a found quote's span; "with
  speaker": and that quote's ``speaker_span`` overlaps the gold source;
- precision: share of found quotes whose span overlaps some gold content (and, with
  speaker, whose speaker span overlaps that attribution's source). Found quotes are
  grouped as direct (direct + mixed: they carry quote marks) and indirect.

Anchor: textacy's ``direct_quotations`` on the same dev files, measured here: recall 0.46,
0.36 with the right speaker. Only the dev split (94 files, 84 articles) is run: the train
split is left for studying errors, so the rules are not tuned on the set they are scored on.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from evals.common import report

_OPENING = ('"', "“", "«", "''", "``", "„")


def _spans(attr: dict, key: str) -> list[tuple[int, int]]:
    return [(p["start"], p["end"]) for p in attr.get(key, [])]


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(min(x[1], y[1]) > max(x[0], y[0]) for x in a for y in b)


def _gold_kind(text: str, attr: dict) -> str:
    content = sorted(_spans(attr, "content") + _spans(attr, "content2"))
    start = content[0][0]
    lead = text[start : start + 2].lstrip() + text[max(0, start - 2) : start]
    return "direct" if any(m in lead for m in _OPENING) else "indirect"


def _analyse(texts: list[str]):
    from newsdesk.facts.quotes import find_quotes
    from newsdesk.model import Analysis, Article, article_id
    from newsdesk.nlp.entities import find_mentions
    from newsdesk.nlp.model import load_nlp

    nlp = load_nlp()
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=8), strict=True):
        analysis = find_mentions(Analysis(article=Article(id=article_id(text), text=text)), doc)
        yield find_quotes(analysis, doc).quotes, doc


def score(rows: list[dict], found: list[tuple]) -> dict[str, float]:
    n = {k: 0 for k in ("gold_d", "gold_i", "rec_d", "rec_i", "spk_d", "spk_i", "pred_d", "pred_i")}
    n |= {"prec_d": 0, "prec_i": 0, "pspk_d": 0, "pspk_i": 0}
    for row, quotes in zip(rows, found, strict=True):
        gold = [a for a in row["attributions"] if _spans(a, "content") or _spans(a, "content2")]
        for attr in gold:
            k = "d" if _gold_kind(row["text"], attr) == "direct" else "i"
            content = _spans(attr, "content") + _spans(attr, "content2")
            hits = [q for q in quotes if _overlaps([q.span], content)]
            n[f"gold_{k}"] += 1
            n[f"rec_{k}"] += bool(hits)
            n[f"spk_{k}"] += any(q.speaker_span and _overlaps([q.speaker_span], _spans(attr, "source")) for q in hits)
        for q in quotes:
            k = "i" if q.kind == "indirect" else "d"
            matched = [a for a in gold if _overlaps([q.span], _spans(a, "content") + _spans(a, "content2"))]
            n[f"pred_{k}"] += 1
            n[f"prec_{k}"] += bool(matched)
            n[f"pspk_{k}"] += any(q.speaker_span and _overlaps([q.speaker_span], _spans(a, "source")) for a in matched)

    def ratio(a: str, b: str) -> float:
        return n[a] / n[b] if n[b] else 0.0

    return {
        "direct_recall": ratio("rec_d", "gold_d"),
        "direct_recall_speaker": ratio("spk_d", "gold_d"),
        "direct_precision": ratio("prec_d", "pred_d"),
        "direct_precision_speaker": ratio("pspk_d", "pred_d"),
        "indirect_recall": ratio("rec_i", "gold_i"),
        "indirect_recall_speaker": ratio("spk_i", "gold_i"),
        "indirect_precision": ratio("prec_i", "pred_i"),
        "indirect_precision_speaker": ratio("pspk_i", "pred_i"),
        "gold_direct": float(n["gold_d"]),
        "gold_indirect": float(n["gold_i"]),
    }


def run(corpora: Path, split: str = "dev") -> dict[str, float]:
    path = corpora / "quotes" / "polnear_train_dev.jsonl"
    with path.open(encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if r["split"] == split]
    analysed = list(_analyse([r["text"] for r in rows]))
    found = [quotes for quotes, _ in analysed]
    metrics = score(rows, found)
    print(f"  PolNeAR {split}: {len(rows)} annotation files, "
          f"{metrics['gold_direct']:.0f} direct and {metrics['gold_indirect']:.0f} indirect gold attributions")
    anchors = {
        "direct_recall": "textacy 0.46; goal ≥ 0.85",
        "direct_recall_speaker": "textacy 0.36; goal ≥ 0.85",
        "indirect_recall": "goal ≥ 0.6",
        "indirect_recall_speaker": "goal ≥ 0.6",
    }
    for key, value in metrics.items():
        if not key.startswith("gold_"):
            report(key, value, anchors.get(key, ""))
    print_misses(misses(rows, found, [doc for _, doc in analysed]))
    return metrics


# -- diagnostics: why indirect attributions are missed (never part of the metrics) --------

_TOP = 12  # how many cues / source kinds each miss bucket prints


def _tokens(doc, spans: list[tuple[int, int]]):
    return [t for t in doc if any(s <= t.idx < e for s, e in spans)]


def _cue(doc, attr: dict) -> str:
    """The cue as a lemma ("said" -> "say"; "according to" kept whole; ":" for a colon)."""
    words = [t for t in _tokens(doc, _spans(attr, "cue")) if not t.is_space]
    if not words:
        return "(none)"
    if any(t.lower_ == "according" for t in words):
        return "according to"
    verbs = [t for t in words if t.pos_ in ("VERB", "NOUN")] or words
    return verbs[-1].lemma_.lower()


def _source_kind(doc, attr: dict) -> str:
    """pronoun / name / nominal plural ("officials") / role noun / elsewhere / none."""
    src = _spans(attr, "source")
    words = [t for t in _tokens(doc, src) if not t.is_space and not t.is_punct]
    if not words:
        return "no source"
    cue = _spans(attr, "cue") or _spans(attr, "content")
    if cue and doc.char_span(*cue[0], alignment_mode="expand") is not None:
        sent = doc.char_span(*cue[0], alignment_mode="expand")[0].sent
        if not any(sent.start_char <= s < sent.end_char for s, _ in src):
            return "source in another sentence"
    if len(words) == 1 and words[0].pos_ == "PRON":
        return "pronoun"
    if any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in words):
        return "name"
    heads = [t for t in words if t.head.i == t.i or not any(t.head.i == w.i for w in words)]
    if heads and heads[0].tag_ in ("NNS", "NNPS"):
        return "nominal plural"
    return "role noun"


def misses(rows: list[dict], found: list[tuple], docs: list) -> dict[str, Counter]:
    """Indirect gold attributions not credited with their speaker, by cause.

    - no attribution: no found quote overlaps the content (counted by cue lemma);
    - wrong speaker: a quote overlaps it but no overlapping quote's speaker is the gold
      source (counted by the kind of gold source, and "no speaker span" when ours has none);
      and by where our speaker stands: inside the gold content (we found only a report
      nested in it, the outer one's cue was missed), before or after the gold source.
    """
    out = {
        "no attribution (cue)": Counter(), "no attribution (source)": Counter(), "wrong speaker": Counter(),
        "wrong speaker (ours is)": Counter(),
    }
    for row, quotes, doc in zip(rows, found, docs, strict=True):
        for attr in row["attributions"]:
            content = _spans(attr, "content") + _spans(attr, "content2")
            if not content or _gold_kind(row["text"], attr) == "direct":
                continue
            hits = [q for q in quotes if _overlaps([q.span], content)]
            if not hits:
                out["no attribution (cue)"][_cue(doc, attr)] += 1
                out["no attribution (source)"][_source_kind(doc, attr)] += 1
            elif not any(q.speaker_span and _overlaps([q.speaker_span], _spans(attr, "source")) for q in hits):
                kind = _source_kind(doc, attr)
                out["wrong speaker"][kind if any(q.speaker_span for q in hits) else f"{kind}, ours none"] += 1
                out["wrong speaker (ours is)"][_where_ours(hits, content, _spans(attr, "source"))] += 1
    return out


def _where_ours(hits: list, content: list[tuple[int, int]], source: list[tuple[int, int]]) -> str:
    spans = [q.speaker_span for q in hits if q.speaker_span]
    if not spans:
        return "none"
    if any(s <= sp[0] < e for sp in spans for s, e in content):
        return "inside the gold content"
    if not source:
        return "gold has no source"
    return "before the gold source" if spans[0][0] < source[0][0] else "after the gold source"


def print_misses(buckets: dict[str, Counter]) -> None:
    for name, counts in buckets.items():
        top = ", ".join(f"{k} {v}" for k, v in counts.most_common(_TOP))
        print(f"  indirect misses, {name}: {sum(counts.values())} — {top}")
