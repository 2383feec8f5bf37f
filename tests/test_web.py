"""The HTTP API and the pages, in process (httpx over the ASGI app), on hand-built records."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

import httpx
import pytest

from newsdesk.corpus.compare import build_dossier
from newsdesk.model import Analysis, Article, Figure, MainEvent, Mention, Place, Quote, Relation, Story, article_id
from newsdesk.web import create_app
from newsdesk.web.app import MAX_UPLOAD_BYTES
from newsdesk.web.highlight import segments

TEXT = "Floods hit Riverton on Friday. Mayor Anna Lindqvist said 40 homes were lost."
HOSTILE = '<script>alert("x")</script> <img src=x onerror=alert(1)> Riverton floods, more rain.'


def _analysis(text: str, **article) -> Analysis:
    aid = article_id(text)
    start = text.index("Riverton")
    return Analysis(
        article=Article(id=aid, text=text, **article),
        mentions=(Mention(aid, (start, start + 8), "Riverton", "GPE", "gpe:riverton"),),
        places=(Place(aid, (start, start + 8), "Riverton", "Riverton", 45.5, 9.25),),
        figures=(Figure(aid, (0, 6), "killed", 40.0),),
        quotes=(Quote(aid, (0, 10), text[:10], "indirect", "Anna Lindqvist"),),
    )


@pytest.fixture
def app(store):
    first = _analysis(TEXT, title="Floods hit Riverton", source="Example Post", published="2024-05-06")
    hostile_title = '<b onmouseover="alert(2)">Hostile</b>'
    second = _analysis(HOSTILE, title=hostile_title, url="javascript:alert(3)")
    analyses = [
        replace(first, main_event=MainEvent(first.article.id, (7, 19), "hit Riverton", "ASSAULT", actor="Floods",
                                            place="Riverton", place_span=(11, 19), when="2024-05-03",
                                            when_span=(23, 29))),
        # read from a hostile headline: its words are escaped like the text's
        replace(second, main_event=MainEvent(second.article.id, (0, len(hostile_title)), hostile_title, "ASSAULT",
                                             actor="<img src=x onerror=alert(1)>", in_title=True)),
    ]
    with store.begin() as tx:
        for n, a in enumerate(analyses, start=1):
            tx.save_analysis(a, seq=n)
            tx.set_story(a.article.id, "s1")
        relations = [Relation("shared_passage", analyses[0].article.id, analyses[1].article.id, 0.2)]
        tx.save_relation(relations[0])
        tx.save_story(Story("s1", "Floods hit Riverton", (), "2024-05-06", "2024-05-06"), updated_seq=2,
                      dossier=build_dossier(analyses, relations))
    return create_app(store=store)


def call(app, method: str, url: str, **kw) -> httpx.Response:
    async def go():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            return await client.request(method, url, **kw)

    return asyncio.run(go())


def test_stories_api_and_search(app):
    body = call(app, "GET", "/api/stories").json()
    assert [s["id"] for s in body["stories"]] == ["s1"]
    assert body["stories"][0]["articles"] == 2
    assert call(app, "GET", "/api/search", params={"q": "Lindqvist"}).json()["stories"][0]["id"] == "s1"
    assert call(app, "GET", "/api/search", params={"q": "volcano"}).json()["stories"] == []


def test_story_and_article_api_follow_the_export_shapes(app):
    from newsdesk.report.export import validate

    record = call(app, "GET", "/api/stories/s1").json()
    validate(record)
    aid = record["articles"][0]["id"]
    article = call(app, "GET", f"/api/articles/{aid}").json()
    assert article["text"] in (TEXT, HOSTILE)


@pytest.mark.parametrize(
    ("method", "url", "kw", "status"),
    [
        ("GET", "/api/stories/nope", {}, 404),
        ("GET", "/api/articles/nope", {}, 404),
        ("GET", "/api/jobs/nope", {}, 404),
        ("GET", "/api/stories?page=0", {}, 422),
        ("GET", "/api/stories?page=99999999999999999999", {}, 422),
        ("GET", "/api/stories?since=yesterday", {}, 422),
        ("GET", "/api/search?q=%00", {}, 422),
        ("GET", "/api/search?q=%20", {}, 422),
        ("GET", "/api/articles/a%00b", {}, 422),
        ("POST", "/api/ingest", {"json": {"text": "Floods\x00 hit Riverton."}}, 422),
        ("POST", "/api/ingest", {"json": {}}, 422),
        ("POST", "/api/ingest", {"json": {"text": "Floods.", "published": "last Tuesday"}}, 422),
        ("POST", "/api/ingest", {"json": {"text": "x" * (MAX_UPLOAD_BYTES + 1)}}, 413),
        ("GET", "/api/nothing-here", {}, 404),
    ],
)
def test_api_errors_are_json_with_a_meaningful_status(app, method, url, kw, status):
    response = call(app, method, url, **kw)
    assert response.status_code == status
    assert "error" in response.json()


@pytest.mark.parametrize("path", ["/", "/stories/s1", "/ingest", "/docs", "/?q=Riverton&since=2024-01-01"])
def test_pages_render(app, path):
    response = call(app, "GET", path)
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_a_story_prefix_redirects_to_the_story(app):
    response = call(app, "GET", "/stories/s")
    assert response.status_code == 307
    assert response.headers["location"] == "/stories/s1"


def test_hostile_article_text_is_escaped_everywhere(app):
    record = call(app, "GET", "/api/stories/s1").json()
    hostile = next(a for a in record["articles"] if a["text"] == HOSTILE)
    for path in ("/", "/stories/s1", f"/articles/{hostile['id']}", f"/articles/{record['articles'][0]['id']}"):
        page = call(app, "GET", path).text
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "<b onmouseover" not in page
        assert 'href="javascript:' not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in call(app, "GET", f"/articles/{hostile['id']}").text


def test_pages_show_each_articles_main_event_with_its_evidence(app):
    record = call(app, "GET", "/api/stories/s1").json()
    plain = next(a for a in record["articles"] if a["text"] == TEXT)
    assert plain["main_event"]["what"] == TEXT[7:19]
    line = "Floods — hit Riverton (ASSAULT) — Riverton — 2024-05-03"
    page = call(app, "GET", f"/articles/{plain['id']}").text
    assert "Main event:" in page and line in page
    assert 'href="#c7"' in page and 'id="c7"' in page  # the evidence links to its words in the text
    story = call(app, "GET", "/stories/s1").text
    assert line in story and f"/articles/{plain['id']}#c7" in story
    # both articles' main events are assaults: the story's main event, from the first
    assert record["stories"][0]["main_event"]["num_articles"] == 2
    assert "<b>Main event</b> (2 of 2 articles)" in story
    hostile = next(a for a in record["articles"] if a["text"] == HOSTILE)
    assert "[in the title:" in call(app, "GET", f"/articles/{hostile['id']}").text


def test_oversized_upload_is_refused(app):
    files = {"files": ("big.txt", b"a" * (MAX_UPLOAD_BYTES + 1), "text/plain")}
    assert call(app, "POST", "/api/ingest/files", files=files).status_code == 413


@pytest.mark.slow
def test_ingest_from_the_api_runs_a_job_to_the_end(app, nlp):
    text = "Rescuers in Riverton said on Saturday that 12 people were still missing after the floods."
    job = call(app, "POST", "/api/ingest", json={"text": text, "source": "Example Post"}).json()
    assert job["total"] == 1
    deadline = time.monotonic() + 60
    while job["state"] not in ("done", "error") and time.monotonic() < deadline:
        time.sleep(0.1)
        job = call(app, "GET", f"/api/jobs/{job['id']}").json()
    assert (job["state"], job["new"], job["failed"]) == ("done", 1, [])


def test_segments_cover_the_text_and_carry_their_layers():
    text = "Mayor Anna Lindqvist said so."
    segs = segments(text, [(6, 20, "mention", "PERSON"), (0, 29, "quote", "q"), (50, 60, "figure", "out of range")])
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.layers) for s in segs] == [
        ("Mayor ", ("quote",)),
        ("Anna Lindqvist", ("mention", "quote")),
        (" said so.", ("quote",)),
    ]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.txt", "javascript:alert(1)", "/etc/passwd",
                                 "http://"])
def test_only_web_addresses_are_fetched(app, url):
    response = call(app, "POST", "/api/ingest", json={"url": url})
    assert response.status_code == 422
    assert "http://" in response.json()["detail"][0]["msg"] or "no host" in response.json()["detail"][0]["msg"]
    form = call(app, "POST", "/ingest", data={"url": url})
    assert form.status_code == 422
    assert "text/html" in form.headers["content-type"]
    assert "not a web address" in form.text or "names no host" in form.text


def test_a_url_is_fetched_in_the_job_not_in_the_request(app, monkeypatch):
    import threading

    from newsdesk.errors import InputError
    from newsdesk.web import jobs

    release, fetched_in = threading.Event(), []

    def fake_read_inputs(paths):
        fetched_in.append(threading.current_thread())
        release.wait(10)
        return [InputError(paths[0], "ConnectError: offline")]

    monkeypatch.setattr(jobs, "read_inputs", fake_read_inputs)
    job = call(app, "POST", "/api/ingest", json={"url": "https://example.org/news/1"}).json()
    assert job["state"] in ("queued", "running") and job["total"] == 1  # answered while the fetch waits
    release.set()
    deadline = time.monotonic() + 10
    while job["state"] not in ("done", "error") and time.monotonic() < deadline:
        time.sleep(0.05)
        job = call(app, "GET", f"/api/jobs/{job['id']}").json()
    assert job["state"] == "done"
    assert job["failed"] == ["https://example.org/news/1: ConnectError: offline"]
    assert fetched_in and fetched_in[0] is not threading.main_thread()


@pytest.mark.parametrize("path", ["/?page=0", "/?page=abc", "/?page=99999999999999999999", "/?since=yesterday",
                                  "/?q=%00", "/stories/s%001", "/articles/a%00"])
def test_bad_page_parameters_give_an_error_page(app, path):
    response = call(app, "GET", path)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>422</h1>" in response.text and "Traceback" not in response.text


def test_a_blank_search_on_the_page_lists_every_story(app):
    response = call(app, "GET", "/?q=%20%20")
    assert response.status_code == 200 and "/stories/s1" in response.text


def test_an_article_id_prefix_is_accepted(app):
    aid = call(app, "GET", "/api/stories/s1").json()["articles"][0]["id"]
    assert call(app, "GET", f"/api/articles/{aid[:6]}").json()["id"] == aid
    page = call(app, "GET", f"/articles/{aid[:6]}")
    assert page.status_code == 307 and page.headers["location"] == f"/articles/{aid}"
    assert call(app, "GET", "/api/articles/%25").status_code == 404  # LIKE's wildcard is a character here


@pytest.mark.parametrize("path", ["/", "/stories/s1", "/api/stories", "/ingest", "/static/style.css"])
def test_head_requests_are_answered_without_a_body(app, path):
    response = call(app, "HEAD", path)
    assert response.status_code == 200 and response.content == b""
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_docs_list_the_body_fields_and_the_ingest_page_the_file_kinds(app):
    docs = call(app, "GET", "/docs").text
    for field in ("text", "html", "url", "title", "published", "source", "files"):
        assert f"<code>{field}</code>" in docs
    assert "RFC 2822" in docs
    assert "JSON Lines, WARC, RSS or Atom" in call(app, "GET", "/ingest").text


def test_a_one_article_story_says_article_in_the_singular(store):
    from newsdesk.report.documents import story_markdown
    from newsdesk.report.export import export_record

    one = _analysis(TEXT, title="Floods hit Riverton", source="Example Post", published="2024-05-06")
    with store.begin() as tx:
        tx.save_analysis(one, seq=1)
        tx.set_story(one.article.id, "s1")
        tx.save_story(Story("s1", "Floods hit Riverton", (), "2024-05-06", "2024-05-06"), updated_seq=1,
                      dossier=build_dossier([one], []))
    page = call(create_app(store=store), "GET", "/stories/s1").text
    assert "1 article · 1 independent source ·" in page
    with store.read() as tx:
        assert "· 1 article · 1 independent source" in story_markdown(export_record(tx, story_id="s1"))
