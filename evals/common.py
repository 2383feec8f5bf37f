"""Shared helpers for the evals: where the corpora are, and how to print a metric."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def default_corpora() -> Path:
    return Path(os.environ.get("NEWSDESK_CORPORA", REPO.parent / "shared" / "corpora"))


def report(name: str, value: float, anchor: str = "", *, fmt: str = ".3f") -> None:
    """One line: the metric, its value, and the anchor figure it is compared with."""
    print(f"  {name:<40} {value:{fmt}}   {anchor}")
