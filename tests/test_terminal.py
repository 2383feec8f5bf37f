"""The terminal dossier's tables, rendered at a narrow width."""

from __future__ import annotations

import pytest
from rich.console import Console

from newsdesk.report.terminal import _events_table


def _event(**fields) -> dict:
    base = {"type": "ASSAULT", "mode": None, "modality": "asserted", "actor": None, "recipient": None,
            "place": None, "when": None, "killed": None, "num_articles": 1, "num_sources": 1}
    return {**base, **fields}


@pytest.mark.parametrize("width", [80, 100])
def test_the_events_table_keeps_days_and_counts_whole_at_a_narrow_width(width):
    story = {"events": [
        _event(actor="Representatives of Nagorno-Karabakh's ethnic Armenians", type="CONSULT",
               recipient="Azerbaijan", place="Yevlakh", when="2023-09-21", num_articles=12, num_sources=4),
        _event(actor="Azerbaijani forces", recipient="Stepanakert", when="2023-09-19", killed=200),
    ]}
    console = Console(width=width, record=True)
    console.print(_events_table(story))
    text = console.export_text()
    for whole in ("2023-09-21", "2023-09-19", " 200 ", " 12 ", "dead", "arts", "srcs"):
        assert whole in text
    assert "srcs: independent sources" in " ".join(text.split())
