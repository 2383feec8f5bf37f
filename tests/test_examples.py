"""The bundled example articles: they parse, they carry every feature the ground truth in
``newsdesk.examples.EXPECTED`` claims, and they share no sentence with the seeds."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from newsdesk.examples import ARTICLES, EXPECTED, FIGURES, RELATIONS, example_paths, load_examples
from newsdesk.facts.events import NUMBER_WORDS
from newsdesk.read.files import read_inputs

ROWS = {row["id"]: row for row in load_examples()}
_NUMBER_WORD = {value: word for word, value in NUMBER_WORDS.items()}


def _text(slug: str) -> str:
    return ROWS[slug]["text"]


def _role(role: str) -> list[str]:
    return [slug for slug, ex in ARTICLES.items() if ex.role == role]


# --- the file and the ground truth agree -------------------------------------------------


def test_file_parses_into_enough_articles_and_stories():
    assert len(ROWS) == len(load_examples()), "duplicate ids"
    assert len(ROWS) >= 8
    assert set(ROWS) == set(ARTICLES)
    assert len({ex.story for ex in ARTICLES.values()}) == len(EXPECTED["stories"]) >= 3


def test_reader_yields_one_document_per_line_without_errors():
    items = list(read_inputs([str(p) for p in example_paths()]))
    bad = [i for i in items if not hasattr(i, "content")]
    assert not bad
    assert sorted(i.external_id for i in items) == sorted(ROWS)


@pytest.mark.parametrize("slug", sorted(ARTICLES))
def test_each_article_is_a_short_web_copy(slug):
    row = ROWS[slug]
    assert 150 <= len(row["text"].split()) <= 400
    assert row["url"].startswith("https://") and ".example/" in row["url"]
    assert row["source"].strip()
    if "published" in row:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["published"])
    assert "\n\n" in row["text"]


def test_urls_are_distinct_even_for_identical_texts():
    assert len({r["url"] for r in ROWS.values()}) == len(ROWS)


# --- copies -----------------------------------------------------------------------------


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def test_exact_copy_has_the_wire_text_and_another_source():
    wire, copy = ROWS["wire-0919"], ROWS["herald-0919-copy"]
    assert copy["text"] == wire["text"] and copy["source"] != wire["source"]


def test_near_copy_trims_the_last_paragraph_edits_one_sentence_and_retitles():
    wire, near = _paragraphs(_text("wire-0919")), _paragraphs(_text("transcaucasus-0919-near"))
    assert len(near) == len(wire) - 1
    assert sum(a != b for a, b in zip(wire, near, strict=False)) == 1
    assert ROWS["transcaucasus-0919-near"]["title"] != ROWS["wire-0919"]["title"]


def test_blog_copy_is_headline_wire_text_and_comment_form():
    blog, wire = _text("blog-0920-copy"), _text("wire-0919")
    assert "title" not in ROWS["blog-0920-copy"]
    headline, body = blog.split("\n\n", 1)
    assert headline == ROWS["wire-0919"]["title"].lower()
    assert body.startswith(wire)
    form = body[len(wire) :]
    for line in ("Leave a Reply", "Your email address will not be published.", "Required fields are marked *",
                 "Post Comment"):
        assert line in form
    assert not any(line in wire for line in ("Leave a Reply", "Post Comment"))


def test_rewrite_keeps_facts_in_order_but_no_sentence():
    spun, wire = _text("newswave-0920-spun"), _text("wire-0919")
    assert "title" not in ROWS["newswave-0920-spun"]
    facts = ["Stepanakert", "Gegham Stepanyan", "landmine", "Tass", "Yevlakh", "1,960", "Lachin"]
    assert [spun.index(f) for f in facts] == sorted(spun.index(f) for f in facts)
    assert not set(_sentences(spun)) & set(_sentences(wire))
    assert "60 miles (60 kilometres)" in spun and "100 km (60 miles)" in wire


def test_relations_name_known_articles_and_kinds():
    kinds = {"exact_copy", "near_copy", "rewrite", "shared_passage"}
    for kind, source, copy in RELATIONS:
        assert kind in kinds and source in ARTICLES and copy in ARTICLES
        # Copies and rewrites retell one story; a shared passage may cross stories.
        assert kind == "shared_passage" or ARTICLES[source].story == ARTICLES[copy].story


# --- cleaning features ------------------------------------------------------------------


def test_outline_of_three_headings_on_top():
    slug, n = next(iter(EXPECTED["outline"].items()))
    first_block = _text(slug).split("\n\n", 1)[0].split("\n")
    assert len(first_block) == n and all(line.startswith("- ") for line in first_block)
    assert "title" not in ROWS[slug]


def test_one_sentence_printed_twice():
    slug, phrase = next(iter(EXPECTED["repeated_sentence"].items()))
    counts = Counter(_sentences(_text(slug)))
    repeated = [s for s, c in counts.items() if c > 1]
    assert len(repeated) == 1 and phrase in repeated[0]
    assert all(c == 1 for slug2 in ROWS if slug2 != slug for c in Counter(_sentences(_text(slug2))).values())


# --- entities, dates, quotes, figures ---------------------------------------------------


@pytest.mark.parametrize("slug", ["wire-0919", "ledger-0920"])
def test_two_names_for_one_town(slug):
    text = _text(slug)
    assert "Stepanakert" in text and "Khankendi" in text


def test_one_town_is_stated_as_such():
    assert "the same town" in _text("ledger-0920")


def test_undated_article_placed_by_relative_dates():
    (slug, day), = EXPECTED["undated"].items()
    assert "published" not in ROWS[slug] and ARTICLES[slug].day == day
    text = _text(slug)
    for phrase in ("on Thursday", "a day after", "on Wednesday", "on Tuesday"):
        assert phrase in text


@pytest.mark.parametrize("phrase", ["on Tuesday", "a day earlier", "on Monday", "on Wednesday"])
def test_relative_dates_present(phrase):
    texts = [r["text"].lower() for r in ROWS.values() if ARTICLES[r["id"]].story == "karabakh-2023"]
    assert any(phrase.lower() in t for t in texts)


def test_quotes_of_every_kind_present():
    texts = [r["text"] for r in ROWS.values()]
    assert any("“" in t and "”" in t for t in texts), "curly quotes"
    assert any(re.search(r'"[^"]+"', t) for t in texts), "straight quotes"
    assert any(re.search(r'[“"][^”"]*\. [^”"]*[”"]', t) for t in texts), "multi-sentence quote"
    assert any(re.search(r",[”\"] he added", t) for t in texts)
    assert any(" said that " in t for t in texts) and any("According to " in t or "according to " in t for t in texts)


@pytest.mark.parametrize("fig", FIGURES, ids=lambda f: f.quantity)
def test_each_figure_is_printed_in_its_article(fig):
    for slug, value, _as_of in fig.values:
        assert ARTICLES[slug].story == fig.story
        # in digits, or in words as news writes small counts ("three soldiers")
        in_words = rf"\b{_NUMBER_WORD.get(value, '-')}\b"
        assert f"{value:,.0f}" in _text(slug) or re.search(in_words, _text(slug), re.I), (slug, value)
    if fig.verdict == "progression":
        days = [as_of for _, _, as_of in fig.values]
        assert days == sorted(days) and len(set(days)) == len(days)


def test_story_two_has_three_outlets_on_three_days():
    derna = [r for r in ROWS.values() if ARTICLES[r["id"]].story == "derna-2023"]
    assert len(derna) >= 3
    assert len({r["source"] for r in derna}) == len({r["published"] for r in derna}) == len(derna)


def test_hard_negative_shares_actors_but_not_the_year():
    negatives = _role("hard negative")
    assert negatives
    for slug in negatives:
        text = _text(slug)
        assert all(name in text for name in ("Azerbaijan", "Armenia", "Nagorno-Karabakh"))
        assert ROWS[slug]["published"].startswith("2020-")


# --- no copying from the seeds ----------------------------------------------------------

SHINGLE = 8  # words: the project rule is "no sentence of 8+ words shared with the seeds"


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?”\"])\s+|\n+", text) if s.strip()]


def _shingles(text: str) -> set[tuple[str, ...]]:
    """8-word runs within one sentence (boilerplate such as a comment form is short)."""
    out = set()
    for sentence in _sentences(text):
        words = re.findall(r"[a-z0-9]+", sentence.lower().replace("’", "'"))
        out |= {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    return out


def test_shingles_find_a_shared_run():
    # guards the check below against a tokenizer that finds nothing
    a = "The river rose quickly, and by dawn the old bridge had gone."
    assert _shingles(a) & _shingles("Witnesses said " + a.lower())
    assert not _shingles(a) & _shingles("The river rose, and the bridge had gone by dawn.")


def test_no_sentence_shared_with_the_seeds(seeds):
    seed_runs = set().union(*(_shingles(p.read_text(encoding="utf-8")) for p in seeds))
    shared = {slug: _shingles(_text(slug)) & seed_runs for slug in ROWS}
    assert not {k: v for k, v in shared.items() if v}
