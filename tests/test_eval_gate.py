"""The evaluation gate: every eval runs on the corpora and must stay above its floors.

Floors live in ``evals/baseline.json``: numbers the evals have reached, set a little
below what was measured. A run below a floor fails here (``python -m evals NAME`` exits
1), so quality cannot drop, nor a floor be lowered, without a visible change to that
file. Needs ``../shared`` (skips without it); each eval runs in its own process, as a
user runs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FLOORS = json.loads((REPO / "evals" / "baseline.json").read_text())

pytestmark = pytest.mark.slow


def test_every_floor_belongs_to_an_eval():
    from evals.__main__ import available

    assert set(FLOORS) <= set(available())


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_eval_stays_above_its_floors(name, shared_dir):
    corpora = shared_dir / "corpora"
    if not corpora.is_dir():
        pytest.skip(f"no corpora at {corpora}")
    run = subprocess.run(
        [sys.executable, "-m", "evals", name, "--corpora", str(corpora)],
        cwd=REPO, capture_output=True, text=True, timeout=1200,
    )
    assert run.returncode == 0, f"{name} broke a floor or failed:\n{run.stderr[-3000:]}\n{run.stdout[-3000:]}"
