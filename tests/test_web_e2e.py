"""End to end in headless Chromium: the demo story as a reader sees it.

Needs Debian's ``chromium`` (``/usr/bin/chromium``; ``.ci/run`` installs it) and the
Playwright package (the test extras); skips with the reason where either is missing.
Screenshots go to the test's temp dir.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("NEWSDESK_CHROMIUM", "/usr/bin/chromium")
# The flags the machine's notes give for a root, offline, headless Chromium.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from newsdesk.examples import example_paths
    from newsdesk.pipeline import ingest
    from newsdesk.read import read_inputs
    from newsdesk.store import open_store
    from newsdesk.web import create_app

    store = open_store(tmp_path_factory.mktemp("e2e") / "demo.db")
    ingest(read_inputs([str(p) for p in example_paths()]), store)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(store=store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", store
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extras")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _main_story(store) -> dict:
    from newsdesk.report.export import export_record

    with store.read() as tx:
        row = max(tx.story_rows(), key=lambda r: r["n_articles"])
        return export_record(tx, story_id=row["id"])


def test_the_demo_story_shows_map_timeline_and_citations(server, browser, tmp_path):
    base, store = server
    record = _main_story(store)
    story = record["stories"][0]
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "/")
    page.click(f"a[href='/stories/{story['id']}']")
    page.wait_for_selector("#map-canvas[data-ready]")
    page.screenshot(path=str(tmp_path / "story.png"), full_page=True)
    page.locator("#map").screenshot(path=str(tmp_path / "map.png"))

    places = {p["name"] for a in record["articles"] for p in a["places"] if p["lat"] is not None}
    markers = set(page.eval_on_selector_all("circle.place-marker", "els => els.map(e => e.dataset.name)"))
    listed = set(page.eval_on_selector_all("ul.places li", "els => els.map(e => e.dataset.name)"))
    assert markers <= places == listed  # every place is listed; those in the frame are drawn
    assert len(markers) >= min(len(places), 1)
    if places:
        assert page.locator("#map-canvas path.coast").count() > 0

    reports = page.locator(".timeline .report")
    assert reports.count() == len(story["timeline"])
    shown_events = page.locator(".timeline .event").count()
    assert shown_events == len([e for e in story["events"] if e["earliest"]])

    if story["summary"]:
        first = story["summary"][0]
        page.click("a.cite >> nth=0")
        page.wait_for_selector("#citation:not([hidden])")
        assert page.inner_text("#citation-sentence") == first["text"]
        page.screenshot(path=str(tmp_path / "citation.png"))
    assert errors == []


def test_an_article_page_highlights_its_facts(server, browser, tmp_path):
    base, store = server
    record = _main_story(store)
    article = max(record["articles"], key=lambda a: len(a["mentions"]))
    page = browser.new_page()
    page.goto(f"{base}/articles/{article['id']}")
    assert page.locator(".article-text .hl.mention").count() >= 1
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
