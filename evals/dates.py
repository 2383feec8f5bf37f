"""Dates: TBAQ (TimeBank + AQUAINT) DATE expressions normalised against the document date.

Each gold DATE expression (its text, with the document's text around it as context) is
normalised by ``newsdesk.nlp.dates.normalise`` against the document creation time; the
score is the share whose value equals the gold TIMEX3 value exactly. Anchor: dateparser
on the gold spans, 0.857 exact day (measured on this corpus, see corpora/README.md).
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

from evals.common import report
from newsdesk.nlp.dates import anchor_of, normalise

ANCHOR = "dateparser on gold spans: 0.857; goal >= 0.95"

# Kinds of TIMEX3 value, for the error breakdown (diagnostics only: the score is exact match).
KINDS = (
    ("day", r"\d{4}-\d{2}-\d{2}"), ("day+time", r"\d{4}-\d{2}-\d{2}T.+"), ("month", r"\d{4}-\d{2}"),
    ("year", r"\d{4}"), ("week", r"\d{4}-W\d{1,2}"), ("weekend", r"\d{4}-W\d{1,2}-WE"), ("quarter", r"\d{4}-Q\d"),
    ("half", r"\d{4}-H\d"), ("season", r"\d{4}-(?:SP|SU|FA|WI)"), ("decade", r"\d{3}X?"), ("century", r"\d{2}X{0,2}"),
    ("range", r"\d{4}/\d{4}"), ("*_REF", r"(?:PRESENT|PAST|FUTURE)_REF"), ("duration/set", r"P.+"),
    ("partly X", r".*X.*"),
)


def kind(value: str | None) -> str:
    if value is None:
        return "none"
    return next((name for name, pattern in KINDS if re.fullmatch(pattern, value)), "other")


def outcome(gold: str, ours: str | None) -> str:
    """missed (no value), granularity (another kind of value) or value (same kind, wrong)."""
    if ours is None:
        return "missed"
    return "value" if kind(ours) == kind(gold) else "granularity"


def print_breakdown(totals: Counter, errors: Counter) -> None:
    print("  errors by gold kind: total, missed / wrong granularity / wrong value")
    for name, n in totals.most_common():
        parts = [errors[(name, o)] for o in ("missed", "granularity", "value")]
        print(f"    {name:<13} {n:5d}   {parts[0]:3d} / {parts[1]:3d} / {parts[2]:3d}")


def run(corpora: Path) -> dict[str, float]:
    path = corpora / "dates" / "tbaq_timex.jsonl"
    total, right, misses = 0, 0, Counter()
    days, days_right = 0, 0
    totals, errors = Counter(), Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        anchor = anchor_of(doc["dct"])
        for t in doc["timex3"]:
            if t["type"] != "DATE":
                continue
            total += 1
            value = normalise(t["text"], anchor, before=doc["text"][: t["start"]], after=doc["text"][t["end"] :])
            right += value == t["value"]
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t["value"]):
                days += 1
                days_right += value == t["value"]
            totals[kind(t["value"])] += 1
            if value != t["value"]:
                misses[(t["text"].lower(), t["value"], str(value))] += 1
                errors[(kind(t["value"]), outcome(t["value"], value))] += 1
    share = right / total
    print(f"  {total} gold DATE expressions; most frequent misses (text, gold, ours):")
    for (text, gold, ours), n in misses.most_common(int(os.environ.get("NEWSDESK_EVAL_MISSES", "15"))):
        print(f"    {n:3d}  {text!r}  gold {gold}  ours {ours}")
    print_breakdown(totals, errors)
    report("exact value share (all DATE values)", share, "goal >= 0.95")
    report(f"exact day share ({days} gold days)", days_right / days, "dateparser on gold spans: 0.857 exact day")
    return {"exact": share, "exact_day": days_right / days}
