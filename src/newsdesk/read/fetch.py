"""URLs (pages and feeds) fetched over HTTP with httpx, politely.

- a user agent naming newsdesk; robots.txt obeyed (RFC 9309: a 4xx robots.txt allows
  everything, an unreachable one disallows);
- at most one request per host every ``per_host_interval`` seconds, or the site's
  ``Crawl-delay`` if longer;
- retries with exponential backoff on connection errors, 429 and 5xx (``Retry-After``
  obeyed up to ``max_wait``);
- redirects followed (at most ``max_redirects``); a body over ``max_bytes`` refused.

The fetched bytes go through ``read_text`` like a file's, so a feed URL yields its
entries and a page its Document; each failure is an InputError naming the URL. A feed
entry that is only a teaser (a summary and a link) is replaced by the linked page, keeping
the entry's title, date and source (``follow_links``); local feed files are not followed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from newsdesk.errors import InputError
from newsdesk.model import Document


def _version() -> str:
    try:
        return version("newsdesk")
    except PackageNotFoundError:
        return "dev"


USER_AGENT = f"newsdesk/{_version()} (news analysis; +https://pypi.org/project/newsdesk/)"
_RETRY_STATUS = {429, 500, 502, 503, 504}
# A feed entry shorter than this is a teaser (RSS descriptions run one to three sentences,
# 20-60 words); full-content feeds carry hundreds of words per entry.
TEASER_WORDS = 80


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def url_problem(text: str) -> str | None:
    """Why ``text`` is not a web address newsdesk may fetch, or None if it is one.

    Only http and https: a ``file:`` or ``ftp:`` address given to the web desk would make
    the server read its own disk or reach other services on the user's behalf.
    """
    if not is_url(text):
        scheme = text.split(":", 1)[0] + ":" if ":" in text else "no scheme"
        return f"{text!r} is not a web address: only http:// and https:// URLs are fetched (not {scheme})"
    if not urlsplit(text).hostname:
        return f"{text!r} names no host"
    return None


@dataclass
class Fetcher:
    """One per run: it holds the per-host clock and the robots.txt cache."""

    timeout: float = 15.0
    retries: int = 3
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    max_wait: float = 60.0
    per_host_interval: float = 1.0  # a common crawl-politeness default
    max_bytes: int = 10 * 1024 * 1024  # news pages are well under 1 MB; feeds a few MB
    max_redirects: int = 5
    respect_robots: bool = True
    follow_links: bool = True  # fetch the article behind a feed entry that is only a teaser
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict)
    _robots_unread: dict[str, str] = field(default_factory=dict)  # site root -> why its robots.txt was not read
    _client: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": self.user_agent},
                timeout=self.timeout,
                follow_redirects=True,
                max_redirects=self.max_redirects,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def items(self, url: str) -> Iterator[Document | InputError]:
        """The Documents at ``url`` (a page, or a feed's entries), or an InputError."""
        from newsdesk.read.files import read_text

        try:
            final, data = self.get(url)
        except InputError as err:
            yield err
            return
        for item in read_text(data, url):
            if isinstance(item, Document) and item.origin != url and self._is_teaser(item):
                yield from self._full_article(item)
            else:
                yield replace(item, url=item.url or final) if isinstance(item, Document) else item

    def _is_teaser(self, entry: Document) -> bool:
        """A feed entry carrying a summary only, with a link to the article."""
        return self.follow_links and bool(entry.url) and is_url(entry.url) and len(entry.content.split()) < TEASER_WORDS

    def _full_article(self, entry: Document) -> Iterator[Document | InputError]:
        """The page an entry links to, with the entry's metadata; its summary if that fails."""
        from newsdesk.read.files import read_text

        try:
            final, data = self.get(entry.url)
        except InputError as err:
            yield InputError(entry.origin, f"linked article not fetched, summary used instead ({err.reason})")
            yield entry
            return
        pages = [d for d in read_text(data, entry.url) if isinstance(d, Document)]
        if not pages:
            yield entry
            return
        keep = {k: getattr(entry, k) for k in ("title", "published", "source", "external_id") if getattr(entry, k)}
        yield replace(pages[0], origin=entry.origin, url=final, **keep)

    def get(self, url: str) -> tuple[str, bytes]:
        """(final URL after redirects, body); raises InputError naming ``url``."""
        if self.respect_robots and not self._allowed(url):
            parts = urlsplit(url)
            if unread := self._robots_unread.get(f"{parts.scheme}://{parts.netloc}"):
                raise InputError(url, f"the site's robots.txt could not be read ({unread}), so nothing is fetched")
            raise InputError(url, "disallowed by the site's robots.txt")
        for attempt in range(self.retries + 1):
            try:
                status, final, data, wait = self._request(url)
            except httpx.TooManyRedirects as exc:
                raise InputError(url, f"too many redirects (over {self.max_redirects})") from exc
            except httpx.TransportError as exc:
                status, final, data, wait = None, url, b"", None
                reason = f"{type(exc).__name__}: {exc}"
            else:
                if status < 400:
                    return final, data
                reason = f"HTTP {status}"
                if status not in _RETRY_STATUS:
                    raise InputError(url, reason)
            if attempt < self.retries:
                self.sleep(min(self.max_wait, wait if wait is not None else self.backoff * 2**attempt))
        raise InputError(url, f"{reason} after {self.retries + 1} attempts")

    def _request(self, url: str) -> tuple[int, str, bytes, float | None]:
        self._wait_for_host(url)
        with self.client.stream("GET", url) as resp:
            data = bytearray()
            for chunk in resp.iter_bytes():
                data += chunk
                if len(data) > self.max_bytes:
                    raise InputError(url, f"response over the {self.max_bytes // 2**20} MB limit")
            return resp.status_code, str(resp.url), bytes(data), _retry_after(resp)

    def _interval(self, url: str) -> float:
        """The per-host interval, or the site's robots.txt Crawl-delay if that is longer."""
        parts = urlsplit(url)
        robots = self._robots.get(f"{parts.scheme}://{parts.netloc}")
        delay = robots.crawl_delay(self.user_agent) if robots is not None else None
        return max(self.per_host_interval, float(delay or 0))

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            gap = self._interval(url) - (self.clock() - last)
            if gap > 0:
                self.sleep(gap)
        self._last[host] = self.clock()

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._load_robots(root)
        robots = self._robots[root]
        return robots is None or robots.can_fetch(self.user_agent, url)

    def _load_robots(self, root: str) -> RobotFileParser | None:
        """None: no rules (4xx). An unreachable robots.txt disallows the whole site (and
        ``_robots_unread`` says why: offline, "disallowed" alone would mislead)."""
        robots_url = urljoin(root, "/robots.txt")
        parser = RobotFileParser(robots_url)
        try:
            status, _, data, _ = self._request(robots_url)
        except httpx.HTTPError as exc:
            status, data = 503, b""
            self._robots_unread[root] = f"{type(exc).__name__}: {exc}"
        except InputError as err:
            status, data = 503, b""
            self._robots_unread[root] = err.reason
        else:
            if status >= 500:
                self._robots_unread[root] = f"HTTP {status}"
        if 400 <= status < 500:
            return None
        parser.parse(data.decode("utf-8", "replace").splitlines() if status < 400 else ["User-agent: *", "Disallow: /"])
        return parser


def _retry_after(resp: httpx.Response) -> float | None:
    value = resp.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None
