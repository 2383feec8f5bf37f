"""The CLI as a user runs it (typer's runner, in process) and the export contract."""

from __future__ import annotations

import csv
import io
import json
from html import escape

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.report.export import main_event_evidence, main_event_line, validate

pytestmark = pytest.mark.slow

runner = CliRunner()

ARTICLES = {
    "flood-1.txt": (
        "Riverton flood forces 300 from their homes\n\n"
        "Floodwater reached the old market in Riverton on Friday, the town council said. "
        "Mayor Anna Lindqvist said 300 people had left their homes along the Wend river."
    ),
    "flood-2.txt": (
        "Mayor Anna Lindqvist said on Saturday that the Wend river was falling in Riverton, "
        "a day after the town council ordered 300 people to leave the old market district."
    ),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    path = tmp_path_factory.mktemp("db") / "cli.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    assert "2 new, 0 seen before, 0 failed" in result.output
    return str(path)


def test_export_json_follows_the_contract(db):
    result = runner.invoke(app, ["export", "--db", db, "--format", "json"])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    validate(record)
    assert len(record["articles"]) == 2
    for article in record["articles"]:
        for mention in article["mentions"]:
            start, end = mention["span"]
            assert article["text"][start:end] == mention["text"]
    # every main event points at its words: in the title (which cleaning took out of the text) or the text
    mains = [a for a in record["articles"] if a["main_event"]]
    assert len(mains) == 2
    for article in mains:
        main = article["main_event"]
        start, end = main["span"]
        assert article["title" if main["in_title"] else "text"][start:end] == main["what"]


def test_export_jsonl_and_csv(db, tmp_path):
    lines = runner.invoke(app, ["export", "--db", db, "-f", "jsonl"]).stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines]
    out = tmp_path / "a.csv"
    assert runner.invoke(app, ["export", "--db", db, "-f", "csv", "-o", str(out)]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert sorted(r["id"] for r in rows) == sorted(json.loads(line)["id"] for line in lines)


def test_stories_and_show(db):
    listing = runner.invoke(app, ["stories", "--db", db])
    assert listing.exit_code == 0
    record = json.loads(runner.invoke(app, ["export", "--db", db]).stdout)
    story_id = record["stories"][0]["id"]
    assert story_id in listing.stdout
    shown = runner.invoke(app, ["show", story_id[:6], "--db", db])
    assert shown.exit_code == 0
    assert "Articles" in shown.stdout
    assert "Main event of each article" in shown.stdout
    words = " ".join(shown.stdout.split())  # as the terminal wrapped it
    for article in record["articles"]:
        main = article["main_event"]
        assert f"{article['id'][:8]} {main_event_line(main)} [{main_event_evidence(main)}]" in words
    # who said what is the story's, grouped by speaker: each wording once, with its outlets
    story = record["stories"][0]
    assert story["quotes"], "the examples' main story quotes people"
    for speaker in story["quotes"]:
        assert " ".join(speaker["speaker"].split()) in words
        q = speaker["quotes"][0]
        assert f"[{q['kind']}; {', '.join(q['outlets'])}]" in words


def test_story_documents(db, tmp_path):
    record = json.loads(runner.invoke(app, ["export", "--db", db]).stdout)
    story = record["stories"][0]
    md = runner.invoke(app, ["export", "--db", db, "--story", story["id"], "-f", "md"])
    assert md.exit_code == 0
    assert md.stdout.startswith(f"# {story['title']}")
    page = tmp_path / "story.html"
    args = ["export", "--db", db, "--story", story["id"], "-f", "html", "-o", str(page)]
    assert runner.invoke(app, args).exit_code == 0
    html = page.read_text()
    assert "<script" not in html and "src=" not in html  # self-contained: nothing to fetch
    for article in record["articles"]:
        line = main_event_line(article["main_event"])
        assert f"  - main event: {line} [{main_event_evidence(article['main_event'])}]" in md.stdout
        assert escape(line) in html
    first = next(a for a in record["articles"] if a["id"] == story["article_ids"][0])
    assert first["text"].split("\n")[0] in html


def test_documents_need_a_story(db):
    result = runner.invoke(app, ["export", "--db", db, "-f", "html"])
    assert result.exit_code == 2
    assert "add --story ID" in result.output


def test_search_finds_words_of_the_text(db):
    hit = runner.invoke(app, ["stories", "--db", db, "--search", "floodwater"])
    miss = runner.invoke(app, ["stories", "--db", db, "--search", "volcano"])
    assert "1 story" in hit.stdout and "outlets" in hit.stdout
    assert "0 stories" in miss.stdout


def test_unknown_story_is_a_clear_error(db):
    result = runner.invoke(app, ["show", "nosuchstory", "--db", db])
    assert result.exit_code == 2
    assert "no story whose id is or uniquely starts with 'nosuchstory'" in " ".join(result.output.split())


def test_failed_input_sets_the_exit_code(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.db"), "-q"])
    assert result.exit_code == 1
    assert "empty.txt: empty input" in result.output


@pytest.mark.parametrize("command", ["ingest", "stories", "show", "export", "demo"])
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout


def test_events_table_exports(db, tmp_path):
    csv_out = runner.invoke(app, ["export", "--db", db, "-f", "csv", "--table", "events"])
    assert csv_out.exit_code == 0
    assert csv_out.stdout.startswith("event_date,event_type,sub_event_type,actor1,actor2,location")
    assert runner.invoke(app, ["export", "--db", db, "-f", "parquet"]).exit_code == 2  # needs -o
    out = tmp_path / "events.parquet"
    assert runner.invoke(app, ["export", "--db", db, "-f", "parquet", "-t", "events", "-o", str(out)]).exit_code == 0
    assert out.read_bytes()[:4] == b"PAR1"


def test_show_prints_brackets_of_the_text_and_every_citation(tmp_path):
    """Rich reads "[...]" as markup: news text ("[the council]") and citation ids that
    start with a letter ("[c67b0e96]") must be printed as written, not swallowed."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dam-1.txt").write_text(
        "Dam holds at Riverton [updated]\n\n"
        '"We [the council] will reopen the market on Monday," Mayor Anna Lindqvist said on Saturday. '
        "Engineers said the Riverton dam on the Wend river had held through the night."
    )
    (folder / "dam-2.txt").write_text(
        "Riverton dam held through the night, engineers said on Saturday, and Mayor Anna Lindqvist "
        "said the market by the Wend river would reopen on Monday."
    )
    db = str(tmp_path / "b.db")
    assert runner.invoke(app, ["ingest", str(folder), "--db", db, "-q"]).exit_code == 0
    record = json.loads(runner.invoke(app, ["export", "--db", db]).stdout)
    (story,) = record["stories"]
    shown = runner.invoke(app, ["show", story["id"], "--db", db])
    assert shown.exit_code == 0
    words = " ".join(shown.stdout.split())
    assert "[the council]" in words
    assert "Dam holds at Riverton [updated]" in words  # a table cell
    assert "[updated]" in " ".join(runner.invoke(app, ["stories", "--db", db]).stdout.split())
    assert story["summary"], "the story should have a cited summary"
    for cited in story["summary"]:
        assert f"[{cited['article_id'][:8]}]" in words
