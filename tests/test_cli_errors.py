"""The CLI's answers to wrong commands: one line saying what to do and the exit code of
``newsdesk --help``, never a traceback and never a store made as a side effect. Fast: no
command here analyses an article."""

from __future__ import annotations

import socket

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app

runner = CliRunner()


@pytest.fixture
def empty_db(tmp_path) -> str:
    """A store with no stories (made as `ingest` makes one)."""
    from newsdesk.store import open_store

    path = tmp_path / "empty.db"
    open_store(path).close()
    return str(path)


@pytest.mark.parametrize("args", [["stories"], ["show", "41b8"], ["export"], ["export", "-f", "csv"]])
def test_reading_commands_never_make_a_store(tmp_path, args):
    db = tmp_path / "typo.db"
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2
    assert f"no store at {db}" in result.output and "newsdesk ingest" in result.output
    assert not db.exists()


@pytest.mark.parametrize("args", [["stories"], ["show", "41b8"], ["export"], ["ingest", "-"], ["demo", "--keep"]])
def test_a_store_that_cannot_be_opened_exits_3(tmp_path, args):
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database\n" * 100)
    result = runner.invoke(app, [*args, str(bad)] if args[0] == "demo" else [*args, "--db", str(bad)], input="x")
    assert result.exit_code == 3
    assert "cannot open the store" in result.output and "file is not a database" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "41b8"], "no story whose id is or uniquely starts with '41b8'; `newsdesk stories` lists them"),
        (["export", "--story", "41b8"], "no story whose id is or uniquely starts with '41b8'"),
        (["stories", "--since", "yesterday"], "'yesterday' is not a day"),
        (["stories", "--since", "2024-13-01"], "is not a day"),
        (["stories", "--search", "   "], "give one or more words"),
        (["export", "-f", "json", "-t", "events"], "--table is for --format csv or parquet"),
        (["export", "-f", "md", "-t", "articles", "--story", "x"], "--table is for --format csv or parquet"),
        (["export", "-f", "parquet"], "add -o FILE"),
        (["export", "-f", "html"], "add --story ID"),
        (["export", "-o", "{tmp}/no/such/folder/record.json"], "no folder {tmp}/no/such/folder: create it first"),
        (["export", "-o", "{tmp}"], "is a folder: give a file name"),
        (["demo", "--keep", "{tmp}/no/such/folder/demo.db"], "no folder {tmp}/no/such/folder: create it first"),
    ],
)
def test_usage_errors_and_unknown_ids_exit_2_saying_what_to_do(empty_db, tmp_path, args, message):
    args = [a.format(tmp=tmp_path) for a in args]
    result = runner.invoke(app, [*args, "--db", empty_db] if args[0] != "demo" else args)
    assert result.exit_code == 2, result.output
    assert message.format(tmp=tmp_path) in " ".join(result.output.replace("│", " ").split())
    assert not (tmp_path / "no").exists()


def test_a_valid_since_and_search_answer(empty_db):
    result = runner.invoke(app, ["stories", "--since", "2024-05-06", "--search", "Riverton", "--db", empty_db])
    assert result.exit_code == 0, result.output


def test_serve_on_a_port_in_use_is_a_clear_error(empty_db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", empty_db, "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and "--port" in result.output


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "ingesting" not in result.output and "━" not in result.output
    assert "missing.txt: no such file or folder" in result.output


def test_the_exit_codes_are_in_the_help():
    result = runner.invoke(app, ["--help"])
    words = " ".join(result.output.replace("│", " ").split())
    for code in ("0 all went well", "1 some input failed", "2 a usage error", "3 the store cannot be opened"):
        assert code in words


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("dump.jsonl", '{"text": "Floods hit Riverton.", "published": "last Tuesday"}\n',
         "dump.jsonl:1: bad 'published': 'last Tuesday' is not a date"),
        ("deep.json", "[" * 100_000 + "]" * 100_000, "deep.json: JSON nested too deep to read"),
        ("empty", None, "empty: the folder holds no files to ingest"),
        ("missing.txt", False, "missing.txt: no such file or folder"),
    ],
)
def test_bad_input_is_named_with_its_reason_and_exits_1(tmp_path, name, content, message):
    path = tmp_path / name
    if content is None:
        path.mkdir()
    elif content is not False:
        path.write_text(content)
    result = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "x.db"), "-q"])
    assert result.exit_code == 1
    assert message in " ".join(result.output.split())
