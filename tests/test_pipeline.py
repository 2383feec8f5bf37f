"""Ingest end to end: idempotence, bad input, and a crash in the middle of a batch."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdesk.pipeline import Settings, ingest
from newsdesk.read import read_inputs

pytestmark = pytest.mark.slow

ARTICLE = (
    "Floodwater reached the old market in Riverton on Friday, the town council said.\n\n"
    "Mayor Anna Lindqvist said 40 homes had been evacuated and that the bridge to Hollow Creek was closed."
)


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    (p.write_bytes if isinstance(content, bytes) else p.write_text)(content)
    return p


def test_ingest_twice_adds_nothing(tmp_path, store, nlp):
    a = _write(tmp_path, "a.txt", ARTICLE)
    first = ingest(read_inputs([str(a)]), store)
    assert (first.new, first.seen, first.failed) == (1, 0, [])
    with store.read() as tx:
        before = tx.counts()
    again = ingest(read_inputs([str(a)]), store)
    assert (again.new, again.seen) == (0, 1)
    with store.read() as tx:
        assert tx.counts() == before


def test_same_text_elsewhere_is_one_article_with_two_sources(tmp_path, store, nlp):
    a = _write(tmp_path, "a.txt", ARTICLE)
    b = _write(tmp_path, "b.txt", ARTICLE.replace("\n\n", "\n\n\n   "))  # other whitespace
    report = ingest(read_inputs([str(a), str(b)]), store)
    assert (report.new, report.seen) == (1, 1)
    with store.read() as tx:
        (aid,) = tx.article_ids()
        assert [s["origin"] for s in tx.sources(aid)] == [str(a), str(b)]


def test_bad_inputs_are_reported_and_the_rest_goes_on(tmp_path, store, nlp):
    good = _write(tmp_path, "good.txt", ARTICLE)
    binary = _write(tmp_path, "photo.txt", bytes(range(256)) * 4)
    empty = _write(tmp_path, "empty.txt", "")
    lines = [json.dumps({"text": "A second article about the Riverton flood and the council."}), "{not json", "[1]"]
    jsonl = _write(tmp_path, "feed.jsonl", "\n".join(lines))
    report = ingest(read_inputs([str(good), str(binary), str(empty), str(jsonl), str(tmp_path / "missing.txt")]), store)
    assert report.new == 2
    messages = sorted(str(e) for e in report.failed)
    assert messages == sorted(
        [
            f"{binary}: binary data, not text (is this an image, archive or PDF?)",
            f"{empty}: empty input: no text to ingest",
            f"{jsonl}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
            f"{jsonl}:3: expected a JSON object with a 'text' or 'html' field",
            f"{tmp_path / 'missing.txt'}: no such file or folder",
        ]
    )


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_stage_that_fails_on_one_article_costs_only_that_article(tmp_path, nlp, monkeypatch, jobs):
    from newsdesk import pipeline
    from newsdesk.errors import AnalysisError
    from newsdesk.store import open_store

    def trips_on_hollow_creek(analysis, doc):  # a bug that only one article meets
        if "Hollow Creek" in analysis.article.text:
            raise ValueError("no such span")
        return analysis

    stages = pipeline.ARTICLE_STAGES
    monkeypatch.setattr(pipeline, "ARTICLE_STAGES", (stages[0], trips_on_hollow_creek, *stages[1:]))
    bad = _write(tmp_path, "bad.txt", ARTICLE)
    good = _write(tmp_path, "good.txt", "Storms closed three schools in Northport on Monday, officials said.")
    other = _write(tmp_path, "other.txt", "The Northport harbour reopened on Tuesday after the storm, the port said.")
    store = open_store(tmp_path / "jobs.db")
    try:
        report = ingest(read_inputs([str(bad), str(good), str(other)]), store, Settings(jobs=jobs))
        assert (report.new, report.seen) == (2, 0)
        (failure,) = report.failed
        assert isinstance(failure, AnalysisError)
        assert str(failure) == f"{bad}: test_pipeline.trips_on_hollow_creek failed: ValueError: no such span"
        with store.read() as tx:
            assert len(tx.article_ids()) == 2  # neither the article nor its source half-stored
        monkeypatch.setattr(pipeline, "ARTICLE_STAGES", stages)  # the bug fixed: a rerun takes it in
        again = ingest(read_inputs([str(bad), str(good)]), store, Settings(jobs=jobs))
        assert (again.new, again.seen, again.failed) == (1, 1, [])
    finally:
        store.close()


def test_parallel_jobs_give_the_same_record(tmp_path, nlp):
    from newsdesk.report.export import export_record
    from newsdesk.store import open_store

    files = [_write(tmp_path, f"{i}.txt", ARTICLE.replace("40", str(40 + i))) for i in range(4)]
    records = []
    for jobs in (1, 2):
        store = open_store(tmp_path / f"jobs{jobs}.db")
        ingest(read_inputs([str(f) for f in files]), store, Settings(jobs=jobs, batch_size=4))
        with store.read() as tx:
            rec = export_record(tx)
        store.close()
        for a in rec["articles"]:
            a.pop("story_id")
        records.append(sorted(rec["articles"], key=lambda a: a["id"]))
    assert records[0] == records[1]


LONG = (
    "Floodwater reached the old market in Riverton on Friday, the town council said in a statement.\n\n"
    "Mayor Anna Lindqvist said 40 homes had been evacuated and that the bridge to Hollow Creek was closed "
    "until engineers could inspect its piers.\n\n"
    "The river rose by two metres overnight after three days of rain in the hills above the town, and "
    "forecasters expect more rain on Sunday.\n\n"
    "Volunteers filled sandbags at the fire station while the army sent four trucks and a field kitchen "
    "to the school, where 120 people spent the night.\n\n"
    "Farmers downstream moved their cattle to higher ground, and the regional rail line stopped at Elm Bend."
)


def test_overlapping_batches_decide_copies_as_one_batch_after_another(tmp_path, nlp):
    # With workers, the next batch is analysed before this one is stored: an exact copy of
    # an article of the batch before, and a near copy of it, must still count as seen and
    # take the original's annotations, as they do one batch after another.
    from newsdesk.report.export import export_record
    from newsdesk.store import open_store

    texts = [
        LONG,
        LONG,  # an exact copy, in the next batch
        LONG.replace("and the regional rail line stopped at Elm Bend.", "and trains stopped at Elm Bend."),
        ARTICLE.replace("Riverton", "Stonebridge"),
        LONG.replace("Riverton", "Riverton Vale"),
    ]
    files = [_write(tmp_path, f"{i}.txt", t) for i, t in enumerate(texts)]
    results = []
    for jobs in (1, 2):
        store = open_store(tmp_path / f"overlap{jobs}.db")
        report = ingest(read_inputs([str(f) for f in files]), store, Settings(jobs=jobs, batch_size=1))
        with store.read() as tx:
            rec = export_record(tx)
            kinds = sorted(r["kind"] for r in rec.get("relations", []))
        store.close()
        for a in rec["articles"]:
            a.pop("story_id")
        counts = (report.new, report.seen, report.failed)
        results.append((counts, sorted(rec["articles"], key=lambda a: a["id"]), kinds))
    assert results[0][0] == (4, 1, [])
    assert results[0] == results[1]


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_a_killed_ingest_leaves_the_store_intact_and_a_rerun_completes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    n = 60
    for i in range(n):
        _write(corpus, f"{i:03}.txt", f"Report number {i} from Riverton.\n\n{ARTICLE.replace('40', str(100 + i))}")
    db = tmp_path / "kill.db"
    cmd = [sys.executable, "-m", "newsdesk.cli", "ingest", str(corpus), "--db", str(db), "--batch-size", "4", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while _count(db) < 8 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # no clean-up code runs: as in a power cut
    proc.wait()
    stored = _count(db)
    assert 0 < stored < n, "the kill should land in the middle of the ingest"

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # Whole batches only: every stored article has its source, its story and its facts.
        assert conn.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone() == (0,)
        orphans = (
            "SELECT count(*) FROM articles a"
            " WHERE NOT EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.id)"
        )
        assert conn.execute(orphans).fetchone() == (0,)
        assert stored % 4 == 0

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{n - stored} new, {stored} seen before, 0 failed" in rerun.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT text) FROM articles").fetchone() == (n, n)


def test_a_trimmed_copy_reuses_the_originals_annotations(tmp_path, store, nlp):
    original = ARTICLE + "\n\nThe council will meet again on Monday to discuss repairs to the bridge."
    _write(tmp_path, "orig.txt", original)
    _write(tmp_path, "copy.txt", ARTICLE)
    ingest(read_inputs([str(tmp_path / "orig.txt")]), store)
    ingest(read_inputs([str(tmp_path / "copy.txt")]), store)
    with store.read() as tx:
        first, second = (tx.analysis(i) for i in tx.article_ids())
    assert any(n.startswith("annotations reused from") for n in second.notes)
    assert second.mentions
    for m in second.mentions:
        assert second.article.text[m.span[0] : m.span[1]] == m.text


# --- Speed-ups that must not change a single annotation (nlp/model.py, split_evenly) ---

# Hand-written sentences with the words the model's attribute ruler has exceptions for
# (pronouns, auxiliaries, "ai n't", "gon na", expletive "there", "that" as a pronoun)
# and the forms the lemmatizer rewrites (plurals, past tenses, comparatives).
RULER_TEXTS = [
    ARTICLE,
    "I ain't gonna say it. Y'all gotta go, c'mon, let's go! Doin' nothin' is 'nuff for 'em.",
    "There are cats here; there were dogs then. It is what it is: you gave it to me and I to you.",
    "Did he? He did it himself, and they had done theirs. She'd have gone if she could've.",
    "Those who were there said that was that. Something gets got by anyone, once.",
    "The mayors met the ministers; the biggest floods were worse than the earlier ones.",
    "  Two lines\n\nwith spaces   and a tab\there. But not now, nor ever. Whether or not.",
]


def _before(nlp, component: str, text: str):
    """The doc as it reaches ``component`` (every earlier component run)."""
    names = nlp.pipe_names
    with nlp.select_pipes(enable=names[: names.index(component)]):
        return nlp(text)


RULER_SETS = ["POS", "TAG", "MORPH", "LEMMA", "DEP"]  # every attribute a ruler may set


def _ruled_alike(ruler, doc) -> bool:
    """``ruler`` (a MemoAttributeRuler) sets what spaCy's own AttributeRuler sets on ``doc``."""
    from spacy.pipeline import AttributeRuler

    theirs = AttributeRuler.__call__(ruler, doc.copy()).to_array(RULER_SETS).tolist()
    return ruler(doc.copy()).to_array(RULER_SETS).tolist() == theirs


@pytest.mark.parametrize("text", [*RULER_TEXTS, ""])
def test_memo_attribute_ruler_gives_spacys_annotations(nlp, text):
    ruler = nlp.get_pipe("attribute_ruler")
    doc = _before(nlp, "attribute_ruler", text)
    assert _ruled_alike(ruler, doc)
    assert _ruled_alike(ruler, doc)  # and again, every token's answer remembered


@pytest.mark.parametrize("text", RULER_TEXTS)
def test_array_lemmatizer_gives_spacys_lemmas(nlp, text):
    from spacy.attrs import LEMMA
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    lemmatizer = nlp.get_pipe("lemmatizer")
    doc = _before(nlp, "lemmatizer", text)
    ours, theirs = lemmatizer(doc.copy()), EnglishLemmatizer.__call__(lemmatizer, doc.copy())
    assert ours.to_array([LEMMA]).tolist() == theirs.to_array([LEMMA]).tolist()
    assert all(t.lemma_ for t in ours)


def test_numpy_matmul_gives_the_annotations_of_spacys_own_blis(nlp):
    """The networks of the loaded pipeline multiply with numpy; spaCy as shipped (BLIS)
    tags, parses and finds entities the same on the same texts."""
    import spacy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, TAG
    from thinc.api import NumpyOps

    from newsdesk.nlp.model import MODEL

    networks = ["tok2vec", "tagger", "parser", "ner"]
    assert all(
        isinstance(node.ops, NumpyOps) and not node.ops.use_blis
        for name in networks
        for node in nlp.get_pipe(name).model.walk()
    )
    shipped = spacy.load(MODEL, enable=networks)
    attrs = [TAG, HEAD, DEP, ENT_IOB, ENT_TYPE]
    with nlp.select_pipes(enable=networks):
        ours = [d.to_array(attrs).tolist() for d in nlp.pipe(RULER_TEXTS)]
    assert ours == [d.to_array(attrs).tolist() for d in shipped.pipe(RULER_TEXTS)]


# Patterns of every kind an attribute ruler may hold: one token or several, equality, IN,
# NOT_IN, REGEX, flags, a target token other than the first, and patterns the memo leaves to
# spaCy's Matcher over the doc (a quantifier, the sentence start).
CUSTOM_PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"LEMMA": "noun", "POS": "PROPN"}},
    {"patterns": [[{"LOWER": {"IN": ["the", "a"]}}]], "attrs": {"LEMMA": "article", "MORPH": "Definite=Def"}},
    {"patterns": [[{"TAG": "NNP", "LOWER": "riverton"}], [{"TAG": "NNS"}]], "attrs": {"LEMMA": "two-ways"}},
    {"patterns": [[{"DEP": "nsubj", "TAG": {"IN": ["NNP", "PRP"]}}]], "attrs": {"LEMMA": "subject", "TAG": "XX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^fl"}}]], "attrs": {"LEMMA": "regex"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": "ROOT"}]], "attrs": {"LEMMA": "root", "DEP": "top"}},
    {"patterns": [[{"LOWER": "town"}, {"LOWER": "council"}]], "attrs": {"LEMMA": "council"}, "index": 1},
    {"patterns": [[{"TEXT": "the"}, {"TAG": "NN"}, {"IS_PUNCT": False}]], "attrs": {"POS": "DET"}, "index": -3},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"LEMMA": "space"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"LEMMA": "noun again"}},  # the later pattern wins
    {"patterns": [[{"LOWER": "the"}, {"TAG": "NN", "OP": "+"}]], "attrs": {"LEMMA": "the nouns"}},
    {"patterns": [[{"IS_SENT_START": True, "IS_TITLE": True}]], "attrs": {"POS": "INTJ"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"MORPH": "Number=Sing"}},
]


@pytest.mark.parametrize("text", RULER_TEXTS[:3])
def test_memo_attribute_ruler_on_patterns_of_every_kind(nlp, text):
    from spacy.pipeline import AttributeRuler

    from newsdesk.nlp.model import MemoAttributeRuler

    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(CUSTOM_PATTERNS[:-1])
    ruler.__class__ = MemoAttributeRuler
    doc = _before(nlp, "attribute_ruler", text)
    assert AttributeRuler.match(ruler, doc)  # the texts exercise the patterns
    assert _ruled_alike(ruler, doc)
    ruler.add_patterns(CUSTOM_PATTERNS[-1:])  # a pattern added later is seen
    assert _ruled_alike(ruler, doc)


@pytest.mark.parametrize(
    ("pattern", "reads"),
    [
        ({"TAG": "NN"}, ["TAG"]),
        ({"LOWER": {"IN": ["a", "an"]}, "dep": "det"}, ["LOWER", "DEP"]),
        ({"TEXT": {"REGEX": "^a"}, "IS_SPACE": False}, ["ORTH", "IS_SPACE"]),
        ({"MORPH": {"IS_SUBSET": ["Number=Sing"]}}, ["MORPH"]),
        ({}, []),
        ({"TAG": "NN", "OP": "?"}, None),  # a quantifier
        ({"_": {"flagged": True}}, None),  # an extension
        ({"IS_SENT_START": True}, None),  # the token's place in the doc
        ({"ENT_TYPE": "GPE"}, None),
        ({"NORM": "a"}, None),
    ],
)
def test_what_a_ruler_pattern_reads(pattern, reads):
    from spacy.attrs import IDS

    from newsdesk.nlp.model import _reads

    assert _reads(pattern) == (None if reads is None else [IDS[a] for a in reads])


@pytest.mark.parametrize(
    ("n", "jobs", "sizes"),
    [(33, 2, [17, 16]), (32, 2, [16, 16]), (7, 3, [3, 2, 2]), (3, 4, [1, 1, 1]), (1, 2, [1]), (0, 2, []), (5, 1, [5])],
)
def test_split_evenly_gives_one_part_per_worker(n, jobs, sizes):
    from newsdesk.pipeline import split_evenly

    parts = split_evenly(list(range(n)), jobs)
    assert [len(p) for p in parts] == sizes
    assert [x for p in parts for x in p] == list(range(n))
