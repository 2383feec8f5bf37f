"""Readers: every input kind on files the tests write, bad input as per-item errors."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.errors import InputError
from newsdesk.model import Document
from newsdesk.read import files, read_inputs
from newsdesk.read.files import read_text

BODY = "Floodwater reached the old market in Riverton on Friday, the council said."
PAGE = f"<!doctype html><html><head><title>Floods</title></head><body><article><p>{BODY}</p></article></body></html>"


def _write(tmp_path: Path, name: str, data: str | bytes) -> str:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(p)


def _read(*paths: str) -> list:
    return list(read_inputs(list(paths)))


def _warc_record(url: str, payload: bytes, ctype: str = "text/html; charset=utf-8", extra: bytes = b"") -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\n" + extra + b"\r\n" + payload
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:0000>\r\n"
        f"WARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Riverton News</title>
<item><title>Floods</title><link>https://example.org/floods</link>
<pubDate>Fri, 20 Sep 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.org/empty</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Riverton</title><entry><title>Floods</title><link href="https://example.org/a"/>
<id>tag:example.org,2024:1</id><updated>2024-09-20T10:00:00Z</updated>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</content></entry></feed>"""

BOMB = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><item><title>&lol2;</title><description>x</description></item></channel></rss>"""


def test_plain_text_and_html_detected_from_content_not_name(tmp_path):
    (text,) = _read(_write(tmp_path, "a.html", BODY))
    (html,) = _read(_write(tmp_path, "b.txt", PAGE))
    assert (text.content_type, html.content_type) == ("text", "html")


@pytest.mark.parametrize("encoding", ["windows-1251", "iso-8859-7", "shift_jis"])
def test_meta_charset_is_trusted(tmp_path, encoding):
    word = {"windows-1251": "Паводок", "iso-8859-7": "Πλημμύρα", "shift_jis": "洪水"}[encoding]
    page = f'<html><head><meta charset="{encoding}"></head><body><p>{word}</p></body></html>'
    (doc,) = _read(_write(tmp_path, "p.html", page.encode(encoding)))
    assert word in doc.content


def test_jsonl_lines_with_errors_per_line(tmp_path):
    lines = [json.dumps({"text": BODY, "url": "https://example.org/1"}), "{broken", json.dumps({"html": PAGE})]
    items = _read(_write(tmp_path, "x.jsonl", "\n".join(lines)))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    assert items[1].origin.endswith("x.jsonl:2")


def test_a_bad_published_date_is_an_error_naming_the_line_and_the_rest_goes_on(tmp_path):
    lines = [json.dumps({"text": BODY, "published": "last Tuesday"}),
             json.dumps({"text": BODY + " Again.", "published": "Mon, 06 May 2024 14:30:00 GMT"}),
             json.dumps({"text": BODY + " Three.", "published": 2024}),
             json.dumps({"text": BODY + " Four.", "published": ""})]
    bad, rfc, number, empty = _read(_write(tmp_path, "x.jsonl", "\n".join(lines)))
    assert isinstance(bad, InputError) and bad.origin.endswith("x.jsonl:1")
    assert "'last Tuesday' is not a date" in bad.reason and "ISO 8601" in bad.reason
    assert rfc.published == "2024-05-06T14:30:00+00:00"
    assert isinstance(number, InputError) and "string" in number.reason
    assert isinstance(empty, Document) and empty.published is None


@pytest.mark.parametrize("name", ["one.json", "one.txt"])
def test_a_json_file_of_one_article_or_a_list(tmp_path, name):
    (doc,) = _read(_write(tmp_path, name, json.dumps({"text": BODY, "title": "Floods"}, indent=2)))
    assert (doc.content, doc.title) == (BODY, "Floods")
    items = _read(_write(tmp_path, "list." + name.split(".")[1],
                         json.dumps([{"text": BODY}, {"title": "no body"}, {"html": PAGE}], indent=2)))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    assert items[1].origin.endswith("#2")


def test_json_lines_in_a_file_named_json_are_read_as_lines(tmp_path):
    lines = [json.dumps({"text": BODY}), json.dumps({"text": BODY + " Again."})]
    items = _read(_write(tmp_path, "dump.json", "\n".join(lines)))
    assert [i.origin.rsplit("/", 1)[-1] for i in items] == ["dump.json:1", "dump.json:2"]
    (one,) = _read(_write(tmp_path, "one.txt", lines[0]))  # one line, one object: JSON Lines as before
    assert one.origin.endswith("one.txt:1")


@pytest.mark.parametrize(("data", "reason"), [("[]", "non-empty list"), ('"just a string"', "JSON object"),
                                              ("{broken\n", "not valid JSON")])
def test_json_files_that_hold_no_article_are_errors(tmp_path, data, reason):
    (err,) = _read(_write(tmp_path, "x.json", data))
    assert isinstance(err, InputError) and reason in err.reason


@pytest.mark.parametrize("name", ["deep.json", "deep.jsonl"])
def test_json_nested_too_deep_is_an_error_of_that_file_only(tmp_path, name):
    deep = _write(tmp_path, name, "[" * 100_000 + "]" * 100_000 + "\n")
    err, doc = _read(deep, _write(tmp_path, "ok.txt", BODY))
    assert isinstance(err, InputError) and "too deep" in err.reason
    assert isinstance(doc, Document)


def test_gzip_is_opened_and_truncated_gzip_is_an_error(tmp_path):
    packed = gzip.compress(BODY.encode())
    (doc,) = _read(_write(tmp_path, "a.txt.gz", packed))
    assert doc.content == BODY
    (err,) = _read(_write(tmp_path, "b.txt.gz", packed[: len(packed) // 2]))
    assert isinstance(err, InputError) and "truncated" in err.reason


@pytest.mark.parametrize("compress", [False, True])
def test_warc_response_records_become_html_documents(tmp_path, compress):
    data = _warc_record("https://example.org/a", PAGE.encode()) + _warc_record(
        "https://example.org/logo.png", b"\x89PNG....", "image/png"
    ) + _warc_record("https://example.org/b", PAGE.replace("Floods", "More").encode())
    if compress:
        data = gzip.compress(data)
    items = _read(_write(tmp_path, "crawl.warc" + (".gz" if compress else ""), data))
    assert [d.url for d in items] == ["https://example.org/a", "https://example.org/b"]
    assert all(isinstance(d, Document) and d.content_type == "html" for d in items)


@pytest.mark.parametrize(
    ("extra", "payload"),
    [(b"Transfer-Encoding: chunked\r\n", b"%x\r\n%s\r\n0\r\n\r\n" % (len(PAGE.encode()), PAGE.encode())),
     (b"Content-Encoding: gzip\r\n", gzip.compress(PAGE.encode()))],
)
def test_warc_http_bodies_stored_as_sent_are_decoded(tmp_path, extra, payload):
    (doc,) = _read(_write(tmp_path, "raw.warc", _warc_record("https://example.org/a", payload, extra=extra)))
    assert doc.content == PAGE


def test_warc_with_a_truncated_record_keeps_the_good_ones(tmp_path):
    good = _warc_record("https://example.org/a", PAGE.encode())
    items = _read(_write(tmp_path, "bad.warc", good + good[:-100]))
    assert isinstance(items[0], Document)
    (err,) = items[1:]
    assert isinstance(err, InputError) and err.origin.endswith("bad.warc#record2") and "truncated" in err.reason


def test_warc_without_html_records_is_an_error(tmp_path):
    (err,) = _read(_write(tmp_path, "img.warc", _warc_record("https://example.org/x.png", b"PNG", "image/png")))
    assert isinstance(err, InputError) and "no readable HTML" in err.reason


def test_rss_entries_with_metadata_and_an_empty_entry_reported(tmp_path):
    items = _read(_write(tmp_path, "feed.xml", RSS))
    doc, err = items
    assert (doc.title, doc.url, doc.source) == ("Floods", "https://example.org/floods", "Riverton News")
    assert doc.published.startswith("2024-09-20") and doc.content.strip() == BODY
    assert isinstance(err, InputError) and err.origin.endswith("#entry2")


def test_atom_content_paragraphs_kept(tmp_path):
    (doc,) = _read(_write(tmp_path, "feed.atom", ATOM))
    assert doc.external_id == "tag:example.org,2024:1"
    assert BODY in doc.content and "\n" in doc.content.strip()


@pytest.mark.parametrize("feed", [BOMB, '<?xml version="1.0"?><rss><channel><item><title>x</ti'])
def test_bad_feeds_are_errors(tmp_path, feed):
    (err,) = _read(_write(tmp_path, "bad.xml", feed))
    assert isinstance(err, InputError) and "bad.xml" in err.origin
    assert "entit" in err.reason or "well-formed" in err.reason


def test_binary_undecodable_and_empty_files_are_errors(tmp_path):
    items = _read(
        _write(tmp_path, "a.bin", bytes(range(256)) * 8), _write(tmp_path, "e.txt", "   \n"), str(tmp_path / "gone.txt")
    )
    assert all(isinstance(i, InputError) for i in items) and len(items) == 3


def test_every_member_of_a_multi_member_gzip_is_read(tmp_path):
    """`cat a.gz b.gz > ab.gz` is one gzip file of two members; pigz and bgzip write many."""
    second = "The dam held at Riverton on Saturday, engineers said."
    packed = gzip.compress(BODY.encode()) + gzip.compress(("\n" + second).encode()) + b"\0" * 8
    (doc,) = _read(_write(tmp_path, "ab.txt.gz", packed))
    assert doc.content == BODY + "\n" + second
    (err,) = _read(_write(tmp_path, "bad.txt.gz", gzip.compress(BODY.encode()) + b"trailing junk"))
    assert isinstance(err, InputError) and "corrupt" in err.reason


def test_file_over_the_limit_is_refused_without_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    (err,) = _read(_write(tmp_path, "big.txt", "word " * 1000))
    assert isinstance(err, InputError) and "limit" in err.reason


def test_gzip_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 10_000)
    (err,) = read_text(gzip.compress(b"a" * 1_000_000), "bomb.gz")
    assert isinstance(err, InputError) and "expands" in err.reason
    (err,) = read_text(gzip.compress(b"a" * 6_000) * 2, "two-members.gz")  # the limit holds over all members
    assert isinstance(err, InputError) and "expands" in err.reason


def test_folder_glob_and_stdin(tmp_path):
    _write(tmp_path, "a.txt", BODY)
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "b.txt", BODY + " Again.")
    assert len(_read(str(tmp_path))) == 2
    assert len(_read(str(tmp_path / "*.txt"))) == 1
    (doc,) = read_inputs(["-"], stdin=io.BytesIO(BODY.encode()))
    assert doc.origin == "<stdin>"


def test_an_empty_folder_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    _write(tmp_path / "empty", ".hidden", BODY)
    (err,) = _read(str(tmp_path / "empty"))
    assert isinstance(err, InputError) and "no files" in err.reason


@pytest.mark.parametrize("compress", [False, True])
def test_a_named_pipe_is_read_once_as_a_stream(tmp_path, compress):
    """`newsdesk ingest <(zcat dump.gz)` names a pipe: it can be read only once, so no sniffing
    read before the real one (the WARC check emptied it: "empty input")."""
    import os
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    data = gzip.compress(BODY.encode()) if compress else BODY.encode()
    writer = threading.Thread(target=lambda: fifo.write_bytes(data), daemon=True)
    writer.start()
    try:
        items = list(read_inputs([str(fifo)]))
    finally:
        writer.join(timeout=2)
        if writer.is_alive():  # the reader never opened the pipe: open it, or the writer waits for ever
            fifo.read_bytes()
    (doc,) = items
    assert isinstance(doc, Document) and doc.origin == str(fifo) and BODY in doc.content


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_read_text_never_raises(data):
    for item in read_text(data, "fuzz"):
        assert isinstance(item, Document | InputError)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([b"WARC/1.0\r\n", b"Content-Length: 12\r\n", b"\r\n", b"<html>", b"\x00", b"x"])))
def test_warc_like_bytes_never_crash(parts):
    for item in read_text(b"WARC/1.0\r\n" + b"".join(parts), "fuzz.warc"):
        assert isinstance(item, Document | InputError)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_feed_like_bytes_never_crash(body):
    data = f'<?xml version="1.0"?><rss><channel><item><description>{body}</description></item></channel></rss>'
    for item in read_text(data.encode("utf-8", "replace"), "fuzz.xml"):
        assert isinstance(item, Document | InputError)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["text", "html", "url", "id"]), inner),
    max_leaves=6,
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_JSON_VALUES, min_size=1, max_size=5))
def test_jsonl_of_any_json_values_never_crashes(values):
    data = "\n".join(json.dumps(v) for v in values).encode()
    for item in read_text(data, "fuzz.jsonl"):
        assert isinstance(item, Document | InputError)


def test_a_page_nested_too_deep_for_cleaning_fails_alone(store, monkeypatch):
    from newsdesk import pipeline

    def clean(doc):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pipeline, "clean_document", clean)
    monkeypatch.setattr(pipeline, "analyse", lambda articles: [])
    report = pipeline.ingest([Document(origin="deep.html", content=PAGE, content_type="html")], store)
    (err,) = report.failed
    assert err.origin == "deep.html" and "too deep" in err.reason
