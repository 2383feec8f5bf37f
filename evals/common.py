"""Shared helpers for the evals: where the corpora are, and how to print a metric."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def default_corpora() -> Path:
    return Path(os.environ.get("NEWSDESK_CORPORA", REPO.parent / "shared" / "corpora"))


def report(name: str, value: float, anchor: str = "", *, fmt: str = ".3f") -> None:
    """One line: the metric, its value, and the anchor figure it is compared with."""
    print(f"  {name:<40} {value:{fmt}}   {anchor}")


def half(key: str, *, byte: int = 0) -> str:
    """The half of a corpus an item is in, by a hash of its id: "A", the half the rules were
    developed on, or "B", held out (the corpora have no train/dev split). ``byte`` picks
    the hash's byte whose parity decides; each eval keeps the split it has always had."""
    return "AB"[hashlib.sha1(key.encode()).digest()[byte] % 2]
