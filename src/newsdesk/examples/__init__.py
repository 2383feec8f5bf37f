"""The bundled example articles: seventeen short web copies over five stories, written for
the project (no sentence taken from any source), and the ground truth they are built to.

``example_paths()`` names the files ``newsdesk demo`` ingests. ``EXPECTED`` is what a
correct analysis of them finds; README.md beside this file is the same truth as a table.
Tests of later stages read ``EXPECTED`` rather than restating it.

Article slugs are the ``id`` field of each JSONL line (a reader keeps it as
``Document.external_id``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

ARTICLES_FILE = "articles.jsonl"

# Story labels: the main story, a second unrelated one, and a hard negative that shares
# the main story's actors and places but not its time or events.
KARABAKH_2023 = "karabakh-2023"
DERNA_2023 = "derna-2023"
KARABAKH_2020 = "karabakh-2020"
# A different event (vigils abroad) that reprints one paragraph of the main story's wire
# report: a shared passage across stories, not a copy.
DIASPORA_2023 = "diaspora-2023"
# An invented air strike on a market in an invented Sudanese town: a wire and its near copy
# on day 1, a day-2 report in which the army denies the strike (one story event, disputed)
# and a hospital and a monitoring group give two tolls the same day (a conflict), beside a
# roadside bomb's toll of its own; a day-3 report of the UN's call for an inquiry.
KURDALA_2024 = "kurdala-2024"


def example_paths() -> list[Path]:
    """The files the demo ingests (package data, so they ship with the wheel)."""
    return [Path(str(files(__package__).joinpath(ARTICLES_FILE)))]


def load_examples() -> list[dict]:
    """Each JSONL line as a dict, in file order."""
    text = files(__package__).joinpath(ARTICLES_FILE).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@dataclass(frozen=True, slots=True)
class Example:
    story: str
    role: str  # wire original, exact copy, near copy, rewrite, blog copy, independent report, hard negative
    day: str  # the day it reports on (ISO); for the undated article, the day its relative dates give


ARTICLES: dict[str, Example] = {
    "wire-0919": Example(KARABAKH_2023, "wire original", "2023-09-19"),
    "herald-0919-copy": Example(KARABAKH_2023, "exact copy", "2023-09-19"),
    "transcaucasus-0919-near": Example(KARABAKH_2023, "near copy", "2023-09-19"),
    "newswave-0920-spun": Example(KARABAKH_2023, "rewrite", "2023-09-19"),
    "blog-0920-copy": Example(KARABAKH_2023, "blog copy", "2023-09-19"),
    "ledger-0920": Example(KARABAKH_2023, "independent report", "2023-09-20"),
    "dispatch-undated": Example(KARABAKH_2023, "independent report", "2023-09-21"),
    "derna-0912": Example(DERNA_2023, "independent report", "2023-09-12"),
    "derna-0914": Example(DERNA_2023, "independent report", "2023-09-13"),
    "derna-0918": Example(DERNA_2023, "independent report", "2023-09-18"),
    "war2020-0927": Example(KARABAKH_2020, "hard negative", "2020-09-27"),
    "war2020-0928": Example(KARABAKH_2020, "hard negative", "2020-09-28"),
    "diaspora-0920-shared": Example(DIASPORA_2023, "shares a passage", "2023-09-20"),
    "kurdala-wire-0514": Example(KURDALA_2024, "wire original", "2024-05-14"),
    "kurdala-near-0514": Example(KURDALA_2024, "near copy", "2024-05-14"),
    "kurdala-0515": Example(KURDALA_2024, "independent report", "2024-05-15"),
    "kurdala-0517": Example(KURDALA_2024, "independent report", "2024-05-17"),
}

# (kind, source slug, copy slug), kinds as in model.RelationKind: each copy against the
# original. Copies of one original are also alike among themselves (the rewrite against
# the near copy), so such a pair found too is no error; any pair involving an
# independent report or a hard negative is. The exact copy has the wire's text byte for
# byte, so the store holds one article with two sources. The blog copy's body is the
# wire's text too, once its lower-cased headline and comment form are cleaned away.
RELATIONS: tuple[tuple[str, str, str], ...] = (
    ("exact_copy", "wire-0919", "herald-0919-copy"),
    ("exact_copy", "wire-0919", "blog-0920-copy"),
    ("near_copy", "wire-0919", "transcaucasus-0919-near"),
    ("rewrite", "wire-0919", "newswave-0920-spun"),
    # The diaspora report reprints the wire's Grigoryan paragraph word for word (and so
    # shares it with the near copy, which kept that paragraph too).
    ("shared_passage", "wire-0919", "diaspora-0920-shared"),
    # The Kurdala wire's near copy: new headline, last paragraph dropped, one sentence edited.
    ("near_copy", "kurdala-wire-0514", "kurdala-near-0514"),
)


@dataclass(frozen=True, slots=True)
class FigureTruth:
    story: str
    quantity: str
    values: tuple[tuple[str, float, str], ...]  # (slug, value, as-of day)
    verdict: str  # as model.FigureStatus: agree, progression, conflict, single


FIGURES: tuple[FigureTruth, ...] = (
    FigureTruth(KARABAKH_2023, "killed in the offensive",
                (("wire-0919", 2, "2023-09-19"), ("ledger-0920", 27, "2023-09-20"),
                 ("dispatch-undated", 200, "2023-09-21")), "progression"),
    FigureTruth(KARABAKH_2023, "Russian peacekeepers",
                (("wire-0919", 1960, "2023-09-19"), ("ledger-0920", 2000, "2023-09-20")), "agree"),
    FigureTruth(KARABAKH_2023, "killed by landmines on Tuesday morning",
                (("wire-0919", 6, "2023-09-19"),), "single"),
    FigureTruth(DERNA_2023, "dead in Derna (same day, two authorities)",
                (("derna-0914", 5300, "2023-09-13"), ("derna-0914", 18000, "2023-09-13")), "conflict"),
    FigureTruth(DERNA_2023, "dead in Derna, eastern officials over time",
                (("derna-0912", 2000, "2023-09-11"), ("derna-0914", 5300, "2023-09-13")), "progression"),
    # The UN's 11,300 (Saturday, withdrawn) against its later 3,958: a revision down, not growth.
    FigureTruth(DERNA_2023, "dead in Derna, UN count",
                (("derna-0918", 11300, "2023-09-16"), ("derna-0918", 3958, "2023-09-18")), "conflict"),
    # The wire's "at least 12" (a local health official) grows to the hospital director's 19
    # the next day; a monitoring group's 26 that same day is another count: two reporters
    # in one article who disagree.
    FigureTruth(KURDALA_2024, "killed in the market strike, over time",
                (("kurdala-wire-0514", 12, "2024-05-14"), ("kurdala-0515", 19, "2024-05-15")), "progression"),
    FigureTruth(KURDALA_2024, "killed in the market strike (same day, hospital and monitors)",
                (("kurdala-0515", 19, "2024-05-15"), ("kurdala-0515", 26, "2024-05-15")), "conflict"),
    # The roadside bomb's toll: another incident, in a row of its own beside the strike's.
    FigureTruth(KURDALA_2024, "killed by a roadside bomb on Wednesday morning",
                (("kurdala-0515", 3, "2024-05-15"),), "single"),
)

EXPECTED = {
    "articles": ARTICLES,
    "stories": {KARABAKH_2023, DERNA_2023, KARABAKH_2020, DIASPORA_2023, KURDALA_2024},
    "relations": RELATIONS,
    "figures": FIGURES,
    # Cleaning: what each scraped-style text carries that is not body text.
    "outline": {"ledger-0920": 3},  # heading lines on top
    "comment_form": {"blog-0920-copy"},
    "headline_in_text": {"newswave-0920-spun", "blog-0920-copy"},
    "repeated_sentence": {"ledger-0920": "more than 90 Armenian military positions"},
    "garbled_unit": {"newswave-0920-spun": "about 60 miles (60 kilometres)"},
    # One place under two names, stated as one town in these articles.
    "aliases": {("Stepanakert", "Khankendi"): ("wire-0919", "ledger-0920")},
    "undated": {"dispatch-undated": "2023-09-21"},
}

__all__ = ["EXPECTED", "ARTICLES", "RELATIONS", "FIGURES", "Example", "FigureTruth", "example_paths", "load_examples"]
