"""``python -m evals NAME [--corpora PATH]``: run one eval, print it, check its floors."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from pathlib import Path

import evals
from evals.common import REPO, default_corpora

BASELINE = REPO / "evals" / "baseline.json"
_NOT_EVALS = {"common"}


def available() -> list[str]:
    names = (m.name for m in pkgutil.iter_modules(evals.__path__))
    return sorted(n for n in names if n not in _NOT_EVALS and not n.startswith("_"))


def check_floors(name: str, metrics: dict[str, float]) -> list[str]:
    floors = json.loads(BASELINE.read_text()).get(name, {}) if BASELINE.exists() else {}
    return [
        f"{key}: {metrics.get(key, float('nan')):.4f} is below the floor {floor}"
        for key, floor in floors.items()
        if not metrics.get(key, float("-inf")) >= floor
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals", description=__doc__)
    parser.add_argument("name", nargs="?", help="the eval to run (see --list)")
    parser.add_argument("--corpora", type=Path, default=default_corpora(), help="folder of the corpora")
    parser.add_argument("--list", action="store_true", help="list the evals")
    args = parser.parse_args(argv)
    if args.list or not args.name:
        print("\n".join(available()))
        return 0
    if args.name not in available():
        parser.error(f"no eval named {args.name!r}; choose one of: {', '.join(available())}")
    if not args.corpora.is_dir():
        print(f"corpora not found at {args.corpora}; pass --corpora PATH or set NEWSDESK_CORPORA", file=sys.stderr)
        return 2
    module = importlib.import_module(f"evals.{args.name}")
    print(f"# eval {args.name}  (corpora: {args.corpora})")
    metrics = module.run(args.corpora)
    failures = check_floors(args.name, metrics)
    for f in failures:
        print(f"FLOOR BROKEN  {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
