"""The lexicon of plain-text boilerplate: data, not code.

Each kind of boilerplate is a tuple of regular expressions for *phrases*. A line of text is
boilerplate of a kind when it is made of nothing but phrases from the lexicon and
separators (spaces, punctuation, bullets, pipes): "Share this: Facebook | Twitter" is, the
sentence "He said he would share this with Twitter's lawyers." is not. So a phrase may be
loose (``twitter``) without eating body text. Patterns are matched case-insensitively;
at each place in a line the longest matching phrase wins, whatever its kind.

The phrases were collected by reading blog and news pages (WordPress comment forms, Jetpack
share bars, Substack/Mailchimp newsletter boxes, GDPR cookie banners, "Read also" links of
news sites); add one here, with a line in tests/test_clean_lexicon.py that shows it.

Patterns that depend on position (byline, dateline, outline bullets) are here too, beside
comments saying where in the text they are looked for.
"""

from __future__ import annotations

import re

# A month's name or its abbreviation ("Sept.", "Mar").
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"

# kind -> phrases. The kinds are what ``Removal.kind`` says.
BOILERPLATE: dict[str, tuple[str, ...]] = {
    "comment_form": (
        r"leave a (?:reply|comment|response)",
        r"(?:add|post|submit|write) (?:a |your )?comment",
        r"cancel reply",
        r"your email address will not be published\.?",
        r"required fields are marked(?: with)? \*?",
        r"(?:comment|name|e-?mail|website|url)\s*\*",
        r"(?:comment|name|e-?mail|website)",
        r"save my name, email, and website in this browser for the next time i comment\.?",
        r"notify me of (?:follow-up comments|new posts|new comments) (?:by|via) e-?mail\.?",
        r"you must be (?:logged in|registered) to post a comment\.?",
        r"this site uses akismet to reduce spam\.(?: learn how your comment data is processed\.?)?",
        r"\d+ (?:comments?|responses?|replies)",
        r"no comments(?: yet)?",
        r"comments are closed\.?",
        r"(?:be the first to comment|join the discussion)[.!]?",
        r"reply",
    ),
    "share_prompt": (
        r"(?:click to )?share on \w+(?: \(opens in new window\))?",
        r"share(?: this| this article| this story| this post| the article)?\s*:?",
        r"(?:click to )?(?:email|print)(?: a link to a friend| this)?(?: \(opens in new window\))?",
        r"share via \w+",
        r"follow us(?: on \w+(?:(?:,| and| &) \w+)*)?\s*:?",
        r"follow @\w+",
        r"like this:?",
        r"like loading\.{3}|loading\.{3}",
        r"tweet|pin it|copy link|link copied",
        r"facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|instagram|youtube|tiktok|threads"
        r"|bluesky|messenger|email|e-mail|print|flipboard|tumblr|pocket|vk",
    ),
    "newsletter": (
        r"(?:sign up|subscribe|register)(?: now| today| here| free)?"
        r"(?: (?:to|for) (?:our|the|my)(?: [\w’'-]+){0,4} (?:newsletters?|briefing|digest|updates|alerts))?[.!]?",
        r"(?:get|receive) (?:the latest|our|the best)[\w ,’'-]{0,60}(?:in|to) your inbox(?: every \w+)?[.!]?",
        r"(?:enter )?your e-?mail(?: address)?(?: here)?\s*:?",
        r"thank(?:s| you) for (?:subscribing|signing up)[.!]?",
        r"by (?:signing up|subscribing|clicking[^.]{0,30}), you (?:agree|accept)[^.]{0,150}\.",
        r"you can unsubscribe at any time\.?",
        r"(?:our|the) [\w’' -]{0,30}newsletter",
        r"never miss a story[.!]?",
        r"no spam[.!]?",
    ),
    "cookie_notice": (
        r"(?:we|this (?:web)?site) uses? cookies[^.]{0,200}\.",
        r"(?:if|by) (?:you )?continu(?:e|ing) to (?:use|browse)[^.]{0,200}\.",
        r"(?:read|see|view) (?:our|the) (?:cookie|privacy) (?:policy|notice)\.?",
        r"(?:cookie|privacy) (?:policy|settings|preferences|notice)",
        r"(?:accept|reject|allow|decline)(?: all)?(?: cookies)?",
        r"manage (?:cookies|preferences|consent)",
        r"ok(?:ay)?|got it|i agree",
    ),
    "related_link": (
        r"^\s*(?:read|see) (?:also|more|next)\s*[:|–—-].*",
        r"^\s*also (?:read|see)\s*[:|–—-].*",
        r"^\s*related(?: articles?| stories| posts| news| coverage)?\s*[:|–—-].*",
        r"^\s*more (?:on|about) this (?:story|topic)\s*[:|–—-].*",
        r"read (?:also|more|next|the full story)|related(?: articles?| stories| posts)?|recommended(?: for you)?",
        r"you may also like|more from [\w ’'-]{1,40}",
        r"don[’']t miss|most (?:read|popular)|further reading|see also|more (?:stories|news)",
    ),
    "advertisement": (
        r"advertisements?|advertisment|sponsored(?: content)?|ad",
        r"(?:story|article) continues below(?: (?:this )?advertisement)?",
        r"scroll (?:down )?to continue(?: with content| reading)?",
    ),
    "copyright": (
        r"(?:©|\(c\))[^\n]{0,100}",
        r"copyright\s*(?:©\s*)?\d{4}[^\n]{0,100}",
        r"copyright [^\n]{0,60}\d{4}\.?",  # "Copyright Some Media 2023": a year ends it
        r"all rights reserved\.?",
    ),
    "timestamp": (
        r"(?:updated|published|posted|last (?:updated|modified))(?: on| at)?:?\s+[\w ,:.’'/-]{3,40}",
        # a full date alone on its line, as pages print it under a headline ("March 13, 2025",
        # "Tuesday 4 June 2024 10:15 BST"): a line of body text is never only a date
        rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}},?)\s+"
        r"\d{4}(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?",
    ),
    "call_to_action": (
        r"click here(?: to| for)[^.!\n]{0,80}[.!]?",
        r"(?:tell us|let us know) what you think[.!]*",
        r"(?:get|have) your say[.!]?",
    ),
    "credits": (
        r"\(?(?:additional |further )?(?:reporting|writing|editing|research|compiled|graphics) by [^()\n]{1,120}\)?\.?",
        r"^\s*our standards\s*:.*",
        r"this (?:article|story|post|piece) (?:was )?(?:originally |first )?(?:appeared|published|ran)"
        r"(?: (?:in|on|at) [^\n]{1,80})?\.?",
        r"contact the (?:author|writer|reporter|editor)s?[^\n]{0,80}",
        r"^\s*sources?\s*:.*",
        r"^\s*(?:photo|image|picture|video|photograph|illustration)s?(?: credit)?\s*:.{1,100}",
    ),
    "navigation": (
        r"(?:previous|next|older|newer) (?:post|article|story|page|entry)s?",
        r"print(?: this)? (?:page|article|story)",
        r"listen to (?:this )?(?:article|story)(?: \d+ min)?",
        r"(?:sign|log) in(?: to (?:comment|reply|continue))?",
        r"join the (?:conversation|discussion)",
        r"^\s*(?:watch|listen|video)\s*:.*",
        r"back to top|skip to (?:main )?content|menu|home",
    ),
    "tags": (
        r"^\s*(?:tags?|tagged|filed under|categor(?:y|ies)|topics?)\s*:.*",
    ),
}

# A line that holds only these is a separator (``* * *``, ``|``, ``---``), removed with
# the boilerplate around it and never counted as a phrase by itself.
SEPARATORS = r"[\s|•·*–—\-_:;,.!?/()\[\]>»«~=+#]*"

# Bylines are looked for in the first lines of an article (before the body starts) and as
# a line of their own: "By AFP", "By Jane Roe and John Doe, Reuters", "Written by J. Roe |
# 20 September 2023". The name part is capitalised words; the rest of the line (after a
# separator) is an outlet or a date. "Posted on 4 June 2024 by J. Roe" is one too.
BYLINE = re.compile(
    r"(?i:(?:(?:written|posted|reported|story|words|published)(?: on [\w ,.]{3,30}?)? )?by:?)\s+"
    r"(?P<who>[A-Z][\w.'’-]*(?:(?:\s+|\s+and\s+|\s*&\s*)(?:[A-Z][\w.'’-]*|de|van|von|al|bin|el|da))"
    r"{0,7})\s*(?:[|•·,–—-]\s*.{0,80})?",
)
# How many of the first non-empty lines may hold a headline, byline or dateline.
HEAD_LINES = 6

# A dateline opens the first paragraph: a place in capitals, maybe a region or date after
# a comma, maybe an agency in brackets, then a colon or dash: "BAKU:", "YEREVAN, Armenia —",
# "BAKU, Sept 20 (Reuters) -", "LONDON --" (two hyphens for a dash), and up to three parts
# after commas as AP style writes them: "NEW YORK, June 18, 2024 —", "DAYTON, Ohio, May 2, 2024 -".
# Capitals with accents as well ("BOGOTÁ", "SÃO PAULO", "ŁÓDŹ", "İSTANBUL"): the Latin-1 and
# Latin Extended-A/B capitals, written out once here ("[A-Z]" alone missed every dateline
# of a city whose name has an accent, and its text kept "BOGOTÁ, March 9 (Reuters) -").
CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
DATELINE = re.compile(
    # "/": two cities, "MOSCOW/KYIV (Reuters) -"
    rf"(?P<place>[{CAPITALS}][{CAPITALS}.'’/-]+(?: [{CAPITALS}][{CAPITALS}.'’/-]+){{0,3}})"
    r"(?:,\s*[\w .’'-]{1,30}?){0,3}"
    r"(?:\s*\((?P<agency>[^()\n]{1,30})\))?"
    # a dash: also the horizontal bar some outlets set there ("WASHINGTON ― ...", U+2015)
    r"\s*(?:--|[:—–―-])\s+"
)

# Outline of headings at the top ("- Heading", "• Heading", "1. Heading"); a line that
# introduces it ("Contents", "In this article:") goes with it.
BULLET = re.compile(r"\s*(?:[-–—•*▪►◦]|\d{1,2}[.)])\s+(?P<heading>\S.*)")
OUTLINE_TITLE = re.compile(r"\s*(?:table of contents|contents|in this (?:article|story|post)|outline)\s*:?\s*", re.I)

# A headline is a short line without a sentence's final stop. 20 words is above the
# longest headlines of the seeds and of the hand-written eval pages (14 words); news style
# guides keep headlines under about 15.
HEADLINE_MAX_WORDS = 20
# A standfirst is one short paragraph after the headline (1-2 sentences in news style,
# 20-50 words); 70 words leaves room for long ones without taking a body paragraph.
STANDFIRST_MAX_WORDS = 70
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# A Markdown heading ("# Title", "## Title ##"): text saved by Markdown converters (an
# extractor's Markdown output, a note taken in an editor) marks its headline this way;
# the marks are no part of the headline's words.
MARKDOWN_HEADING = re.compile(r"\s*#{1,6}\s+(?P<heading>\S.*?)(?:\s+#+)?\s*")

# Repeated sentences: shorter ones ("He said.", "Read more.") repeat legitimately.
REPEAT_MIN_WORDS = 6

