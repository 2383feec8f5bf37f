"""Fetching URLs, against a local HTTP server on 127.0.0.1 (no test touches the internet)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsdesk.errors import InputError
from newsdesk.model import Document
from newsdesk.read import read_inputs
from newsdesk.read.fetch import USER_AGENT, Fetcher

BODY = "Floodwater reached the old market in Riverton on Friday, the council said."
PAGE = f"<html><head><title>Floods</title></head><body><article><p>{BODY}</p></article></body></html>".encode()
RSS = (
    f'<?xml version="1.0"?><rss version="2.0"><channel><title>R</title><item><title>Floods</title>'
    f"<link>http://example.invalid/a</link><description>{BODY}</description></item></channel></rss>"
).encode()


_LINK = b"http://example.invalid/a"


class _Site(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: list[str] = []
    robots = b"User-agent: *\nDisallow: /private\n"

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def _base(self, path: bytes) -> bytes:
        return b"http://127.0.0.1:%d%s" % (self.server.server_address[1], path)

    def do_GET(self):  # noqa: N802 (the http.server API)
        n = self.hits[self.path] = self.hits.get(self.path, 0) + 1
        self.agents.append(self.headers.get("User-Agent", ""))
        routes = {
            "/robots.txt": lambda: self._send(200, self.robots, "text/plain"),
            "/page": lambda: self._send(200, PAGE),
            "/private/page": lambda: self._send(200, PAGE),
            "/moved": lambda: self._send(301, Location="/page"),
            "/loop": lambda: self._send(302, Location="/loop"),
            "/flaky": lambda: self._send(503, Retry_After="0") if n <= 2 else self._send(200, PAGE),
            "/down": lambda: self._send(500),
            "/gone": lambda: self._send(404),
            "/big": lambda: self._send(200, b"<p>" + b"x" * 50_000 + b"</p>"),
            "/feed": lambda: self._send(200, RSS, "application/rss+xml"),
            "/teasers": lambda: self._send(200, RSS.replace(_LINK, self._base(b"/page")), "text/xml"),
            "/deadlinks": lambda: self._send(200, RSS.replace(_LINK, b"http://127.0.0.1:9/a"), "text/xml"),
            "/slow": lambda: (time.sleep(1.0), self._send(200, PAGE)),
        }
        routes.get(self.path, lambda: self._send(404))()


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetcher():
    waits: list[float] = []
    f = Fetcher(timeout=0.5, retries=2, backoff=0.01, per_host_interval=0.0, max_bytes=20_000, sleep=waits.append)
    f.waits = waits
    yield f
    f.close()


def test_page_is_fetched_with_our_user_agent(site, fetcher):
    (doc,) = fetcher.items(f"{site}/page")
    assert isinstance(doc, Document) and doc.content_type == "html" and doc.url == f"{site}/page"
    assert _Site.agents[-1] == USER_AGENT


def test_redirect_followed_and_final_url_kept(site, fetcher):
    (doc,) = fetcher.items(f"{site}/moved")
    assert doc.url == f"{site}/page" and doc.origin == f"{site}/moved"


def test_redirect_loop_is_an_error(site, fetcher):
    (err,) = fetcher.items(f"{site}/loop")
    assert isinstance(err, InputError) and "redirects" in err.reason


def test_robots_txt_is_obeyed(site, fetcher):
    (err,) = fetcher.items(f"{site}/private/page")
    assert isinstance(err, InputError) and "robots.txt" in err.reason
    assert _Site.hits.get("/private/page") is None


def test_retries_with_backoff_then_success(site, fetcher):
    (doc,) = fetcher.items(f"{site}/flaky")
    assert isinstance(doc, Document) and _Site.hits["/flaky"] == 3
    assert fetcher.waits == [0.0, 0.0]  # Retry-After: 0 obeyed


@pytest.mark.parametrize(("path", "reason"), [("/down", "HTTP 500 after 3 attempts"), ("/gone", "HTTP 404")])
def test_http_errors_are_input_errors(site, fetcher, path, reason):
    (err,) = fetcher.items(site + path)
    assert isinstance(err, InputError) and err.origin == site + path and err.reason == reason


def test_size_cap(site, fetcher):
    (err,) = fetcher.items(f"{site}/big")
    assert isinstance(err, InputError) and "limit" in err.reason


def test_timeout_is_an_error_not_a_hang(site, fetcher):
    fetcher.retries = 0
    (err,) = fetcher.items(f"{site}/slow")
    assert isinstance(err, InputError) and "Timeout" in err.reason


def test_per_host_rate_limit_waits_between_requests(site):
    now = [100.0]
    waits: list[float] = []
    f = Fetcher(per_host_interval=2.0, sleep=waits.append, clock=lambda: now[0], respect_robots=False)
    list(f.items(f"{site}/page"))
    now[0] += 0.5
    list(f.items(f"{site}/page"))
    f.close()
    assert waits == [1.5]


def test_feed_url_yields_entries_through_read_inputs(site):
    f = Fetcher(per_host_interval=0.0, follow_links=False)
    (doc,) = read_inputs([f"{site}/feed"], fetcher=f)
    assert (doc.title, doc.url, doc.content_type) == ("Floods", "http://example.invalid/a", "text")


def test_teaser_entry_is_replaced_by_the_linked_article(site, fetcher):
    (doc,) = fetcher.items(f"{site}/teasers")
    assert (doc.title, doc.url, doc.content_type) == ("Floods", f"{site}/page", "html")
    assert doc.origin == f"{site}/teasers#entry1" and BODY in doc.content


def test_teaser_whose_link_fails_keeps_its_summary_and_says_so(site, fetcher):
    err, doc = fetcher.items(f"{site}/deadlinks")  # its link is a closed local port
    assert isinstance(err, InputError) and "summary used" in err.reason
    assert isinstance(doc, Document) and doc.content.strip() == BODY


def test_unreachable_host_is_an_error():
    f = Fetcher(timeout=0.5, retries=0, respect_robots=False)
    (err,) = f.items("http://127.0.0.1:9/page")  # port 9 (discard) is closed on test machines
    assert isinstance(err, InputError) and "ConnectError" in err.reason


def test_an_unreachable_robots_txt_names_the_network_error():
    """Offline, "disallowed by the site's robots.txt" sent users looking at robots.txt."""
    f = Fetcher(timeout=0.5, retries=0)
    (err,) = f.items("http://127.0.0.1:9/page")
    assert isinstance(err, InputError) and "robots.txt could not be read (ConnectError" in err.reason


def test_crawl_delay_in_robots_txt_is_obeyed(site, monkeypatch):
    monkeypatch.setattr(_Site, "robots", b"User-agent: *\nCrawl-delay: 5\nDisallow: /private\n")
    now = [100.0]
    waits: list[float] = []
    f = Fetcher(per_host_interval=1.0, sleep=waits.append, clock=lambda: now[0])
    list(f.items(f"{site}/page"))  # robots.txt, then the page
    list(f.items(f"{site}/page"))
    f.close()
    assert waits and all(w == 5.0 for w in waits)
