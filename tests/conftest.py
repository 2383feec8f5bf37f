"""The one conftest: shared fixtures for every test module.

- ``shared_dir``: ``../shared`` (seeds, corpora); tests that use it skip where it is absent.
- ``nlp``: the spaCy pipeline, loaded once per session (tests that do not need the model
  build their inputs by hand instead).
- ``staged``: ``staged(text, *stages)``, the Analysis of ``text`` after mentions and then
  ``stages`` (each ``stage(analysis, doc)``) on the model's parse: what most tests of one
  stage build.
- ``store``: an empty SQLite store in the test's temp dir.
- ``pg_url``: a PostgreSQL URL from ``NEWSDESK_TEST_PG``; skips where none is set.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSDESK_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"{SHARED} is absent (seeds and corpora live beside the project, not in it)")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared_dir) -> list[Path]:
    return sorted((shared_dir / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def nlp():
    from newsdesk.nlp.model import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def staged(nlp):
    from newsdesk.model import Analysis, Article, article_id
    from newsdesk.nlp.entities import find_mentions

    def run(text: str, *stages):
        doc = nlp(text)
        analysis = find_mentions(Analysis(article=Article(id=article_id(text), text=text)), doc)
        for stage in stages:
            analysis = stage(analysis, doc)
        return analysis

    return run


@pytest.fixture
def store(tmp_path):
    from newsdesk.store import open_store

    s = open_store(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def pg_url() -> str:
    url = os.environ.get("NEWSDESK_TEST_PG")
    if not url:
        pytest.skip("no PostgreSQL server: set NEWSDESK_TEST_PG=postgresql://... (.ci/run starts one)")
    return url
