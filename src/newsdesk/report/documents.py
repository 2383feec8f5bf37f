"""A story's dossier as a document: Markdown, or one self-contained HTML page.

Both read a one-story export record (``export_record(tx, story_id=...)``). The HTML page
has no external assets; Jinja2's autoescaping escapes all article text (hostile input).
"""

from __future__ import annotations

from functools import cache

import jinja2

from newsdesk.report.export import (
    VIEW_FILTERS,
    corrected_note,
    counted,
    event_kind,
    figure_label,
    figure_value,
    figure_verdict,
    main_event_evidence,
    main_event_line,
    told_events,
    when_words,
)


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsdesk.report", "templates"),
        autoescape=True,  # article text is hostile input: never trust it as markup
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(VIEW_FILTERS)
    return env


def story_html(record: dict) -> str:
    story = record["stories"][0]
    return _env().get_template("story.html.j2").render(
        story=story, articles=record["articles"], relations=record["relations"]
    )


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def story_markdown(record: dict) -> str:
    s = record["stories"][0]
    sources = s.get("independent_sources")
    lines = [f"# {s['title']}", "", f"story `{s['id']}` · {counted(len(s['article_ids']), 'article')} · "
             f"{counted(sources, 'independent source') if sources is not None else '? independent sources'}", ""]
    if main := s.get("main_event"):
        lines += [f"Main event ({main['num_articles']} of {counted(len(s['article_ids']), 'article')}): "
                  f"{_md_escape(main_event_line(main))} [{main['article_id'][:8]} {main_event_evidence(main)}]", ""]
    if s["summary"]:
        lines += ["## Summary", ""]
        lines += [f"- {x['text']} [{x['article_id'][:8]} {x['span'][0]}–{x['span'][1]}]" for x in s["summary"]]
        lines.append("")
    if s.get("timeline"):
        lines += ["## Timeline of reports", "", "| when | source | article |", "| --- | --- | --- |"]
        lines += [f"| {t['when']} | {t['source'] or '—'} | {_md_escape(t['title'] or t['article_id'][:8])} |"
                  for t in s["timeline"]]
        lines.append("")
    if s["events"]:
        lines += ["## Events", "", "| actor | event | recipient | where | when | killed | sources |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        told, untold = told_events(s["events"])
        for e in told:
            kind = _md_escape(event_kind(e))
            killed = "" if e["killed"] is None else e["killed"]
            lines.append(f"| {e['actor'] or ''} | {kind} | {e['recipient'] or ''} | {e['place'] or ''} | "
                         f"{when_words(e['when']) or ''} | {killed} | {e['num_sources']} |")
        if untold:
            lines += ["", f"{untold} more that name no actor, recipient, place, time or toll are in the export."]
        lines.append("")
    if s["figures"]:
        lines += ["## Figures", "", "| quantity | verdict | values |", "| --- | --- | --- |"]
        for f in s["figures"]:
            values = "; ".join(f"{figure_value(v)} ({v['article_id'][:8]}, {v['as_of'] or '?'}{corrected_note(v)})"
                               for v in f["values"])
            lines.append(f"| {figure_label(f)} | {figure_verdict(f)} | {_md_escape(values)} |")
        lines.append("")
    if s["quotes"]:
        lines += ["## Who said what", ""]
        for sp in s["quotes"]:
            lines.append(f"**{sp['speaker'] or '(unattributed)'}**")
            lines += [f"> {_md_escape(q['text'])} — {q['kind']}, {', '.join(q['outlets'])}" for q in sp["quotes"]]
            lines.append("")
    if record["relations"]:
        lines += ["## Copies and shared passages", ""]
        lines += ["| kind | original | copy | score |", "| --- | --- | --- | --- |"]
        lines += [
            f"| {r['kind']} | {r['source'][:8]} | {r['copy'][:8]} | {r['score']:.2f} |" for r in record["relations"]
        ]
        lines.append("")
    lines += ["## Articles", ""]
    for a in record["articles"]:
        heading = _md_escape(a["heading"] or "(untitled)")
        lines.append(f"- `{a['id'][:8]}` {heading} — {a['source'] or 'unknown source'}, {a['published'] or 'undated'}")
        if main := a.get("main_event"):
            lines.append(f"  - main event: {_md_escape(main_event_line(main))} [{main_event_evidence(main)}]")
    return "\n".join(lines) + "\n"
