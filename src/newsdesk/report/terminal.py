"""A story's dossier in the terminal, rendered with rich from an export record.

It reads only the export contract's shapes (``export_record(tx, story_id=...)``), so what
the terminal shows is exactly what the JSON export says.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsdesk.report.export import (
    corrected_note,
    counted,
    event_kind,
    figure_label,
    figure_value,
    figure_verdict,
    listed_entities,
    main_event_evidence,
    main_event_line,
    told_events,
    when_words,
)

# How many entities, events and quotes the terminal shows before "… and N more".
TOP_ENTITIES = 15
TOP_EVENTS = 12
TOP_QUOTES_PER_SPEAKER = 4


def add_plain_row(table: Table, *cells: str | None) -> None:
    """A table row of article data, shown as written: a string cell would be read as rich
    markup, and news text has brackets ("[the president] said", an id "[c67b0e96]") that
    markup swallows."""
    table.add_row(*(Text(c or "") for c in cells))


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _articles_table(record: dict) -> Table:
    table = Table(title="Articles", title_justify="left", expand=True)
    for col in ("id", "source", "published", "title", "found at"):
        table.add_column(col, overflow="fold")
    for a in record["articles"]:
        origins = ", ".join(s["source"] or s["url"] or s["origin"] for s in a.get("sources", [])) or "—"
        title = _short(a["heading"] or a["text"], 60)
        add_plain_row(table, a["id"][:8], a["source"] or "—", a["published"] or "undated", title, origins)
    return table


def _main_events_group(record: dict) -> Group | None:
    """Each article's main event, one line with its evidence."""
    lines = [
        Text(f"  {a['id'][:8]}  {main_event_line(a['main_event'])}  [{main_event_evidence(a['main_event'])}]")
        for a in record["articles"]
        if a.get("main_event")
    ]
    if not lines:
        return None
    return Group(Text("Main event of each article (who — what — where — when)", style="bold"), *lines)


def _relations_table(record: dict) -> Table | None:
    if not record["relations"]:
        return None
    table = Table(title="Copies and shared passages", title_justify="left")
    for col in ("kind", "original", "copy", "score"):
        table.add_column(col)
    for r in record["relations"]:
        add_plain_row(table, r["kind"], r["source"][:8], r["copy"][:8], f"{r['score']:.2f}")
    return table


def _entities_table(story: dict) -> Table | None:
    ents = listed_entities(story["entities"])
    if not ents:
        return None
    table = Table(title="Who and where", title_justify="left")
    for col in ("name", "type", "also called", "mentions"):
        table.add_column(col)
    for e in ents[:TOP_ENTITIES]:
        aliases = ", ".join(a for a in e["aliases"] if a != e["name"])
        add_plain_row(table, e["name"], e["type"], aliases or "", str(e.get("mentions", "")))
    if len(ents) > TOP_ENTITIES:
        table.caption = f"… and {len(ents) - TOP_ENTITIES} more"
    return table


def _figures_table(record: dict, story: dict) -> Table | None:
    table = Table(title="Figures", title_justify="left")
    if story["figures"]:
        for col in ("quantity", "verdict", "values"):
            table.add_column(col)
        for f in story["figures"]:
            values = "; ".join(
                f"{figure_value(v)} ({v['article_id'][:8]}{', ' + v['reported_by'] if v.get('reported_by') else ''}"
                f"{corrected_note(v)})"
                for v in f["values"]
            )
            add_plain_row(table, figure_label(f), figure_verdict(f), values)
        return table
    rows = [(a["id"], f) for a in record["articles"] for f in a["figures"]]
    if not rows:
        return None
    for col in ("quantity", "value", "reported by", "as of", "article"):
        table.add_column(col)
    for aid, f in rows:
        add_plain_row(table, f["quantity"], figure_value(f), f["reported_by"] or "", f["as_of"] or "", aid[:8])
    return table


def _quotes_group(story: dict) -> Group | None:
    """The story's who-said-what: a speaker's quotes grouped by entity ("Baku" under
    Azerbaijan), each wording once with the outlets that carry it, as the export has them."""
    if not story["quotes"]:
        return None
    parts = [Text("Who said what", style="bold")]
    for speaker in story["quotes"]:
        parts.append(Text(speaker["speaker"] or "(unattributed)", style="bold cyan"))
        for q in speaker["quotes"][:TOP_QUOTES_PER_SPEAKER]:
            parts.append(Text(f"  “{_short(q['text'])}” [{q['kind']}; {', '.join(q['outlets'])}]"))
        if (more := len(speaker["quotes"]) - TOP_QUOTES_PER_SPEAKER) > 0:
            parts.append(Text(f"  … and {more} more", style="dim"))
    return Group(*parts)


def _timeline_table(story: dict) -> Table | None:
    if not story.get("timeline"):
        return None
    table = Table(title="Timeline of reports", title_justify="left")
    for col in ("when", "how we know", "source", "article"):
        table.add_column(col, overflow="fold")
    for t in story["timeline"]:
        article = f"{t['article_id'][:8]} {_short(t['title'] or '', 50)}"
        add_plain_row(table, t["when"], t["basis"], t["source"] or "—", article)
    return table


def _events_table(story: dict) -> Table | None:
    """Story events (merged across articles), most independent sources first."""
    if not story["events"]:
        return None
    table = Table(title="Events (best supported first)", title_justify="left", expand=True)
    # A day and the counts keep their width, under short headers (at 80 columns
    # "2023-09-19" and the header "killed" folded into pieces); the words share the rest.
    table.add_column("when", no_wrap=True, min_width=10)
    for col, ratio in (("actor", 3), ("event", 3), ("recipient", 3), ("where", 2)):
        table.add_column(col, overflow="fold", ratio=ratio)
    for col in ("dead", "arts", "srcs"):
        table.add_column(col, justify="right", no_wrap=True)
    table.caption = "arts: articles reporting it; srcs: independent sources among them"
    told, untold = told_events(story["events"])
    for e in told[:TOP_EVENTS]:
        kind = event_kind(e)
        killed = "" if e["killed"] is None else str(e["killed"])
        when = when_words(e["when"]) or ""
        add_plain_row(table, when, e["actor"] or "", kind, e["recipient"] or "", e["place"] or "", killed,
                      str(e["num_articles"]), str(e["num_sources"]))
    if len(told) > TOP_EVENTS or untold:
        more = max(0, len(told) - TOP_EVENTS) + untold
        table.caption = f"… and {more} more (newsdesk export --table events); {table.caption}"
    return table


def _cleaning_group(record: dict) -> Group | None:
    lines = []
    for a in record["articles"]:
        for r in a["removed"]:
            lines.append(Text(f"  {a['id'][:8]} removed {r['kind']}: {_short(r['text'], 80)}"))
        for f in a["flags"]:
            lines.append(Text(f"  {a['id'][:8]} flagged {f['kind']}: {_short(f['text'], 80)}", style="yellow"))
    return Group(Text("Cleaning", style="bold"), *lines) if lines else None


def render_story(record: dict, console: Console) -> None:
    """Print the dossier of the single story in ``record``."""
    story = record["stories"][0]
    when = " – ".join(sorted({d for d in (story["first_seen"], story["last_seen"]) if d})) or "undated"
    header = Text.assemble(
        (story["title"], "bold"),
        f"\nstory {story['id']} · {counted(len(story['article_ids']), 'article')} · "
        f"{counted(story.get('independent_sources', len(story.get('sources', []))), 'independent source')} · {when}",
    )
    if main := story.get("main_event"):
        header.append(f"\nmain event ({main['num_articles']} of {counted(len(story['article_ids']), 'article')}): "
                      f"{main_event_line(main)} [{main['article_id'][:8]} {main_event_evidence(main)}]")
    console.print(Panel(header, expand=True))
    if story["summary"]:
        console.print(Text("Summary", style="bold"))
        for s in story["summary"]:
            console.print(Text.assemble("  • ", s["text"], " ", (f"[{s['article_id'][:8]}]", "dim")))
    for part in (
        _articles_table(record),
        _main_events_group(record),
        _timeline_table(story),
        _relations_table(record),
        _events_table(story),
        _figures_table(record, story),
        _quotes_group(story),
        _entities_table(story),
        _cleaning_group(record),
    ):
        if part is not None:
            console.print(part)
            console.print()
