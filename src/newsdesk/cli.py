"""The command line: thin commands over the library (typer + rich).

Every command reads or writes the store named by ``--db`` (or ``NEWSDESK_DB``; default
``./newsdesk.db``); only ``ingest``, ``serve`` and ``demo`` make one where there is none.
The exit codes are ``EXIT_CODES``, which ``newsdesk --help`` prints.
"""

from __future__ import annotations

import json
import socket
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsdesk import __version__
from newsdesk.errors import NewsdeskError, NotFound, StoreError, StoreMissing
from newsdesk.pipeline import IngestReport, Settings, ingest
from newsdesk.read import read_inputs
from newsdesk.read.published import parse_day
from newsdesk.report.documents import story_html, story_markdown
from newsdesk.report.export import articles_csv, articles_jsonl, counted, export_record
from newsdesk.report.tables import events_csv, write_articles_parquet, write_events_parquet
from newsdesk.report.terminal import add_plain_row, render_story
from newsdesk.store import open_store

EXIT_CODES = (
    "0 all went well; 1 some input failed (the rest was ingested); "
    "2 a usage error, no store where --db points, or an id the store does not have; "
    "3 the store cannot be opened."
)

app = typer.Typer(
    help="newsdesk: one cross-checked record per news story, every fact traced to its sentences.\n\n"
    f"Exit codes: {EXIT_CODES}",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console()
# soft_wrap: an error line names a file; a path broken over two lines cannot be copied.
err = Console(stderr=True, soft_wrap=True)

DbOption = typer.Option(
    None, "--db", envvar="NEWSDESK_DB", help="SQLite file or postgresql:// URL [default: ./newsdesk.db]"
)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Errors the user can act on: one red line and an exit code, no traceback."""
    try:
        yield
    except (NotFound, StoreMissing) as exc:
        _fail(str(exc), 2)
    except StoreError as exc:
        _fail(str(exc), 3)
    except NewsdeskError as exc:
        _fail(str(exc), 1)


def _fail(message: str, code: int = 2):
    """One red line on stderr and the exit code (2: a usage error)."""
    err.print(f"[red]error[/red] {escape(message)}")
    raise typer.Exit(code) from None


def _day(value: str | None) -> str | None:
    try:
        return parse_day(value) if value is not None else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _words(value: str | None) -> str | None:
    if value is not None and not value.split():
        raise typer.BadParameter("give one or more words to search for")
    return value


def _version(value: bool) -> None:
    if value:
        console.print(f"newsdesk {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    pass


def _run_ingest(paths: list[str], db: str | None, settings: Settings, *, quiet: bool = False) -> IngestReport:
    store = open_store(db)
    try:
        with Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[origin]}"),
            TimeElapsedColumn(),
            console=err,
            disable=quiet or not err.is_terminal,  # a bar in a log file or a pipe is noise
            transient=True,
        ) as progress:
            task = progress.add_task("ingest", total=None, origin="")

            def step(item) -> None:
                progress.update(task, advance=1, origin=getattr(item, "origin", "")[-50:])

            report = ingest(read_inputs(paths), store, settings, on_item=step)
    finally:
        store.close()
    return report


def _print_report(report: IngestReport) -> None:
    for failure in report.failed:
        err.print(f"[red]error[/red] {escape(str(failure))}")
    console.print(
        f"articles: [green]{report.new} new[/green], {report.seen} seen before, "
        f"[{'red' if report.failed else 'default'}]{len(report.failed)} failed[/]; "
        f"stories touched: {len(report.stories)}"
    )


@app.command("ingest")
def ingest_cmd(
    paths: list[str] = typer.Argument(
        ..., help="Files (text, HTML, JSON, JSONL, WARC, RSS/Atom, gzip), folders, globs, http(s) URLs, or - for stdin."
    ),
    db: str | None = DbOption,
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for the per-article stages."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per transaction."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Read, clean, analyse and store articles; group them into stories.

    Ingesting the same article twice adds nothing. Bad inputs are reported with the file
    (and line) and the reason; the others are ingested and the exit code is 1.

    Example:
        newsdesk ingest articles/ feed.jsonl crawl.warc.gz --jobs 2
        newsdesk ingest https://example.org/news/feed.xml
        cat story.txt | newsdesk ingest -
    """
    with _user_errors():
        report = _run_ingest(paths, db, Settings(jobs=jobs, batch_size=batch_size), quiet=quiet)
    _print_report(report)
    raise typer.Exit(0 if report.ok else 1)


@app.command("stories")
def stories_cmd(
    db: str | None = DbOption,
    limit: int = typer.Option(50, "--limit", "-n", min=1, help="At most this many stories."),
    search: str | None = typer.Option(
        None, "--search", "-s", callback=_words, help="Only stories whose articles contain these words."
    ),
    since: str | None = typer.Option(
        None, "--since", callback=_day, help="Only stories seen on or after this day (YYYY-MM-DD)."
    ),
) -> None:
    """List stories, newest activity first.

    Example:
        newsdesk stories --search "Nagorno-Karabakh" --limit 10
    """
    with _user_errors():
        store = open_store(db, create=False)
        with store.read() as tx:
            rows = tx.story_rows(limit=limit, search=search, since=since)
            meta = tx.story_meta(r["id"] for r in rows)
    table = Table(title=counted(len(rows), "story", "stories"), title_justify="left")
    # "outlets": the names the articles came from (the web list's "sources" counts independent ones)
    for col in ("id", "title", "articles", "outlets", "first", "last"):
        table.add_column(col, overflow="fold")
    for r in rows:
        outlets = len(meta.get(r["id"], {}).get("sources") or []) or "—"
        add_plain_row(table, r["id"], r["title"], str(r["n_articles"]), str(outlets), r["first_seen"] or "—",
                      r["last_seen"] or "—")
    console.print(table)


@app.command("show")
def show_cmd(
    story: str = typer.Argument(..., help="A story id (or a unique prefix of one)."),
    db: str | None = DbOption,
) -> None:
    """Show a story's dossier: articles, copies, events, figures, quotes, entities.

    Example:
        newsdesk show 3f2a
    """
    with _user_errors():
        store = open_store(db, create=False)
        with store.read() as tx:
            record = export_record(tx, story_id=story)
    render_story(record, console)


class ExportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    md = "md"
    html = "html"


class TableKind(StrEnum):
    articles = "articles"
    events = "events"


# Formats that render one story's dossier as a document.
_DOCUMENTS = {ExportFormat.md: story_markdown, ExportFormat.html: story_html}
# Formats that write a table (--table chooses which).
_TABLES = (ExportFormat.csv, ExportFormat.parquet)


@app.command("export")
def export_cmd(
    fmt: ExportFormat = typer.Option(
        ExportFormat.json,
        "--format",
        "-f",
        help="json: the whole record; jsonl: one article per line; csv or parquet: a table (see --table); "
        "md or html: one story's dossier as a document (needs --story; html is one self-contained page).",
    ),
    table: TableKind | None = typer.Option(
        None, "--table", "-t", help="For csv/parquet: one row per article (the default), or per story event with "
        "ACLED-like columns and GDELT-like mention counts."
    ),
    story: str | None = typer.Option(None, "--story", help="Only this story."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    db: str | None = DbOption,
) -> None:
    """Export the record (the contract is docs/export.md).

    Example:
        newsdesk export --format json -o record.json
        newsdesk export --story 3f2a --format html -o dossier.html
        newsdesk export --format parquet --table events -o events.parquet
    """
    if fmt is ExportFormat.parquet and output is None:
        _fail("--format parquet writes a binary file: add -o FILE")
    if fmt in _DOCUMENTS and story is None:
        _fail(f"--format {fmt.value} renders one story: add --story ID (see `newsdesk stories`)")
    if table is not None and fmt not in _TABLES:
        _fail(f"--table is for --format csv or parquet; --format {fmt.value} has no tables")
    table = table or TableKind.articles
    if output is not None and (problem := _output_problem(output)):
        _fail(problem)
    with _user_errors():
        store = open_store(db, create=False)
        with store.read() as tx:
            record = export_record(tx, story_id=story)
    try:
        _write_export(record, fmt, table, output)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")


def _output_problem(output: Path) -> str | None:
    """Why ``-o`` cannot be written, found before the export is built."""
    if output.is_dir():
        return f"{output} is a folder: give a file name, e.g. {output / 'record.json'}"
    if not output.parent.is_dir():
        return f"no folder {output.parent}: create it first (mkdir -p {output.parent})"
    return None


def _write_export(record: dict, fmt: ExportFormat, table: TableKind, output: Path | None) -> None:
    if fmt is ExportFormat.parquet:
        tmp = output.with_name(output.name + ".part")
        if table is TableKind.events:
            write_events_parquet(record, tmp)
        else:
            write_articles_parquet(record, tmp)
        tmp.replace(output)
        err.print(f"wrote {output}")
        return
    if fmt is ExportFormat.json:
        text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    elif fmt in _DOCUMENTS:
        text = _DOCUMENTS[fmt](record)
    elif fmt is ExportFormat.jsonl:
        text = articles_jsonl(record)
    else:
        text = events_csv(record) if table is TableKind.events else articles_csv(record)
    if output:
        tmp = output.with_name(output.name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(output)  # never a half-written export under the real name
        err.print(f"wrote {output}")
    else:
        sys.stdout.write(text)


@app.command("serve")
def serve_cmd(
    db: str | None = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; only this machine by default."),
    port: int = typer.Option(8000, "--port", "-p", help="Port to listen on."),
) -> None:
    """Serve the web desk and the HTTP API (pages at /, JSON at /api/, API docs at /docs).

    Example:
        newsdesk serve --port 8000
        newsdesk serve --db postgresql://user:pass@localhost/news --host 0.0.0.0
    """
    import uvicorn

    from newsdesk.web import create_app

    if problem := _port_problem(host, port):
        _fail(problem)
    with _user_errors():
        web_app = create_app(db)
    err.print(f"serving {web_app.state.store.url} at http://{host}:{port}/  (Ctrl-C stops)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


def _port_problem(host: str, port: int) -> str | None:
    """Why the server could not listen at host:port (uvicorn's own message is a log line)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"cannot listen on {host!r}: {exc.strerror}"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            probe.bind(address)
        except OSError as exc:
            return (f"cannot listen on {host}:{port} ({exc.strerror}): is another server running there? "
                    "Choose another port with --port")
    return None


@app.command("demo")
def demo_cmd(
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes."),
    keep: Path | None = typer.Option(None, "--keep", help="Keep the demo database at this path."),
) -> None:
    """Ingest the bundled example articles into a temporary store and show the main story.

    Example:
        newsdesk demo
    """
    from newsdesk.examples import example_paths

    if keep is not None and (problem := _output_problem(keep)):
        _fail(problem)
    with tempfile.TemporaryDirectory(prefix="newsdesk-demo-") as tmp, _user_errors():
        db = str(keep or Path(tmp) / "demo.db")
        report = _run_ingest([str(p) for p in example_paths()], db, Settings(jobs=jobs))
        _print_report(report)
        store = open_store(db)
        with store.read() as tx:
            rows = tx.story_rows()
            main_story = max(rows, key=lambda r: (r["n_articles"], r["updated_seq"]))
            record = export_record(tx, story_id=main_story["id"])
            console.print(f"{counted(len(rows), 'story', 'stories')}; the main one:\n")
        store.close()
        render_story(record, console)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
