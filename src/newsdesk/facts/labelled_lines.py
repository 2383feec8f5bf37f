"""Lines and quotes framed by a speaker's label and a colon, with no verb of saying:
"Donald Trump: \"…\"", transcript lines ("PENCE: …", "Q: …", "A: …") and headlines that
quote or report ("Bill Clinton: Hillary better qualified", "Poll: Trump leads in Ohio").
Moved out of ``facts.quotes`` to keep that module readable in one sitting.
"""

from __future__ import annotations

import re
from collections import Counter

from newsdesk.facts.marks import QuoteMarks, lead
from newsdesk.facts.speakers import GROUP_LABELS, PERSON_LABELS, Resolver, Speaker
from newsdesk.model import Mention


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
    # "JR: …" in a transcript: the one person named in the text whose initials it gives
    initialled = {x.entity_id or x.text: x for x in resolver.mentions if x.label in PERSON_LABELS
                  and _initials(x.text, word)}
    if len(initialled) == 1:
        named = next(iter(initialled.values()))
        return Speaker(named.text, label, named.entity_id, named.label), m.end(), end
    if word in _ANSWER_LABELS and (who := interviewee(resolver, text)) is not None:
        return Speaker(who.text, label, who.entity_id, who.label), m.end(), end  # "A:" is the interviewee
    if (word.isupper() and len(word) > 1) or word in _INTERVIEW_LABELS or word.lower() in _REPORT_LABELS:
        return Speaker(word, label), m.end(), end  # "PENCE", "MR. TRUMP", "Q", "Poll"
    return None


def interviewee(resolver: Resolver, text: str) -> Mention | None:
    """The person who answers in an interview printed as labelled lines ("Q: …" / "A: …",
    "QUESTION: …" / "ANSWER: …"): the person named most often before the first answer
    (the earliest of a tie). The lead names the one interviewed, often more than once
    ("In an interview, Senator Jane Roe said …"), and the reporters who asked once at
    most. None unless the text holds two interview lines, so one "A: …" line is no
    interview; none either when no person is named before the answers."""
    lines = list(_INTERVIEW_LINE.finditer(text))
    answers = [m.start(1) for m in lines if m.group(1) in _ANSWER_LABELS]
    if len(lines) < 2 or not answers:
        return None
    people = [m for m in resolver.mentions if m.label in PERSON_LABELS and m.span[1] <= answers[0]]
    counts = Counter(m.entity_id or m.text for m in people)
    if not counts:
        return None
    top = max(counts.values())
    first = next(m for m in people if counts[m.entity_id or m.text] == top)
    # The fullest name the text gives that person before the answers ("Jane Roe", not "Roe").
    return max((m for m in people if (m.entity_id or m.text) == (first.entity_id or first.text)),
               key=lambda m: len(m.text))


def first_person_lines(resolver: Resolver, text: str) -> list[tuple[int, int, Speaker]]:
    """(start, end, speaker) of the labelled lines whose speaker is a person: "I" in such
    a line is that person ("A: I think the bill will pass", "ROE: I voted no"), not the
    writer. An interview's answer runs on over the unlabelled paragraphs after it, up to
    the next labelled line: a long answer is printed as several paragraphs."""
    starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n" and i + 1 < len(text))]
    lines = [(start, line) for start in starts if (line := labelled_line(resolver, text, start)) is not None]
    out = []
    for i, (start, (speaker, content, end)) in enumerate(lines):
        if speaker.label not in PERSON_LABELS:
            continue
        answer = text[start:content].strip(" \t\"“”„«'`:") in _ANSWER_LABELS
        out.append((content, (lines[i + 1][0] if i + 1 < len(lines) else len(text)) if answer else end, speaker))
    return out


# Labels of an interview's lines ("Q: …", "A: …") and of headlines that report a finding
# ("Poll: Trump leads in Ohio"): the label is the source. An answer is the interviewee's
# (``interviewee``); a question stays its label's, the interviewer's.
_QUESTION_LABELS = frozenset({"Q", "QUESTION", "Question"})
_ANSWER_LABELS = frozenset({"A", "ANSWER", "Answer"})
_INTERVIEW_LABELS = _QUESTION_LABELS | _ANSWER_LABELS
_INTERVIEW_LINE = re.compile(r"^[\"“”„«'`\t ]*(" + "|".join(sorted(_INTERVIEW_LABELS)) + r"):[ \t]+\S", re.M)
_REPORT_LABELS = frozenset({"poll", "polls", "survey", "report", "study", "sources", "officials", "police"})
# Field labels of newswire archive exports: a line that they open says nothing.
_METADATA_LABELS = frozenset({"BYLINE", "SECTION", "LENGTH", "DATELINE", "HIGHLIGHT", "LOAD-DATE", "UPDATE", "NOTE"})


def _names(name: str, label: str) -> bool:
    """Does ``label`` name the person ``name`` ("Clinton" or "Hillary Clinton" for
    "Hillary Clinton")?"""
    return name == label or (len(label) > 2 and name.endswith(" " + label))


def _initials(name: str, label: str) -> bool:
    """Does ``label`` give the initials of the person ``name`` ("JR" or "J.R." for "Jane
    Roe")? Two or three capitals, one for each word of a name of as many words."""
    letters = label.replace(".", "")
    words = name.split()
    return (label.isupper() and letters.isalpha() and 2 <= len(letters) <= 3
            and len(words) == len(letters) and all(w[0] == c for w, c in zip(words, letters, strict=True)))
