"""The bundled examples' main-story dossier, as a golden file.

The dossier is the product: a change to any stage shows up here as a diff to read. When
the change is intended, regenerate the file, read the diff, and commit it:

    NEWSDESK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdesk.examples import example_paths
from newsdesk.pipeline import ingest
from newsdesk.read import read_inputs
from newsdesk.report.documents import story_markdown
from newsdesk.report.export import export_record

GOLDEN = Path(__file__).parent / "golden" / "examples_dossier.md"

pytestmark = pytest.mark.slow


def test_the_examples_dossier_matches_the_golden_file(store, nlp):
    report = ingest(read_inputs([str(p) for p in example_paths()]), store)
    assert report.failed == []
    with store.read() as tx:
        main = max(tx.story_rows(), key=lambda r: (r["n_articles"], r["id"]))
        dossier = story_markdown(export_record(tx, story_id=main["id"]))
    if os.environ.get("NEWSDESK_UPDATE_GOLDEN"):
        GOLDEN.write_text(dossier, encoding="utf-8")
    assert dossier == GOLDEN.read_text(encoding="utf-8"), "dossier changed: read the diff, then regenerate"
