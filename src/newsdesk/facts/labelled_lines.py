"""Lines and quotes framed by a speaker's label and a colon, with no verb of saying:
"Donald Trump: \"…\"", transcript lines ("PENCE: …", "Q: …", "A: …") and headlines that
quote or report ("Bill Clinton: Hillary better qualified", "Poll: Trump leads in Ohio").
Moved out of ``facts.quotes`` to keep that module readable in one sitting.
"""

from __future__ import annotations

import re

from newsdesk.facts.marks import QuoteMarks, lead
from newsdesk.facts.speakers import GROUP_LABELS, PERSON_LABELS, Resolver, Speaker


def name_colon(resolver: Resolver, text: str, q: QuoteMarks) -> Speaker | None:
    """'Donald Trump: "…"': a name and a colon frame the quote without a verb."""
    before = lead(text, q.start)
    if not before.endswith(":"):
        return None
    end = len(before.rstrip(":").rstrip())
    named = next((m for m in resolver.mentions if m.span[1] == end and m.label in PERSON_LABELS | GROUP_LABELS), None)
    return Speaker(named.text, named.span, named.entity_id, named.label) if named else None


# A line that opens with a speaker's label and a colon: transcripts ("PENCE: …") and
# headlines that quote ("Bill Clinton: Hillary better qualified"). The label is the
# whole stretch before the colon: a name, or a capitalized word of a transcript.
_LABEL = re.compile(r"[\"“”„«'`\s]*([A-Z][\w.'’ -]{0,40}?):[ \t]+(?=\S)")


def labelled_line(resolver: Resolver, text: str, pos: int) -> tuple[Speaker, int, int] | None:
    """(speaker, content start, content end) of the line holding ``pos`` if it opens with
    a speaker's label, else None."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    m = _LABEL.match(text, start, end)
    if m is None:
        return None
    label, word = m.span(1), m.group(1)
    if word.upper() in _METADATA_LABELS or len(text[m.end() : end].split()) < 3:
        return None  # "BYLINE: Jane Doe", "Clinton: 547": no words said
    named = next((x for x in resolver.mentions if x.span == label and x.label in PERSON_LABELS | GROUP_LABELS), None)
    if named is not None:
        return Speaker(named.text, named.span, named.entity_id, named.label), m.end(), end
    # "Clinton: …" in a headline the model left untagged: a name it tagged elsewhere.
    named = next((x for x in resolver.mentions if x.label in PERSON_LABELS and _names(x.text, word)), None)
    if named is not None:
        return Speaker(named.text, label, named.entity_id, named.label), m.end(), end
    if (word.isupper() and len(word) > 1) or word in _INTERVIEW_LABELS or word.lower() in _REPORT_LABELS:
        return Speaker(word, label), m.end(), end  # "PENCE", "MR. TRUMP", "Q", "Poll"
    return None


# Labels of an interview's lines ("Q: …", "A: …") and of headlines that report a finding
# ("Poll: Trump leads in Ohio"): the label is the source.
_INTERVIEW_LABELS = frozenset({"Q", "A"})
_REPORT_LABELS = frozenset({"poll", "polls", "survey", "report", "study", "sources", "officials", "police"})
# Field labels of newswire archive exports: a line that they open says nothing.
_METADATA_LABELS = frozenset({"BYLINE", "SECTION", "LENGTH", "DATELINE", "HIGHLIGHT", "LOAD-DATE", "UPDATE", "NOTE"})


def _names(name: str, label: str) -> bool:
    """Does ``label`` name the person ``name`` ("Clinton" or "Hillary Clinton" for
    "Hillary Clinton")?"""
    return name == label or (len(label) > 2 and name.endswith(" " + label))
