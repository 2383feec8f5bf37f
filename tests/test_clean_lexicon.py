"""The boilerplate lexicon: each kind removes its lines and leaves body sentences alone."""

from __future__ import annotations

import pytest

from newsdesk.clean.text import _drop_boilerplate, boilerplate_kind

BOILERPLATE = [
    ("Leave a Reply", "comment_form"),
    ("Leave a Comment", "comment_form"),
    ("Your email address will not be published. Required fields are marked *", "comment_form"),
    ("Comment *", "comment_form"),
    ("Name *   Email *   Website", "comment_form"),
    ("Save my name, email, and website in this browser for the next time I comment.", "comment_form"),
    ("Post Comment", "comment_form"),
    ("Notify me of follow-up comments by email.", "comment_form"),
    ("3 Comments", "comment_form"),
    ("Share this:", "share_prompt"),
    ("Share on Facebook | Share on Twitter | WhatsApp", "share_prompt"),
    ("Click to share on LinkedIn (Opens in new window)", "share_prompt"),
    ("Follow us on Twitter and Instagram", "share_prompt"),
    ("Like this: Like Loading...", "share_prompt"),
    ("Facebook • Twitter • Email • Print", "share_prompt"),
    ("Sign up for our daily newsletter", "newsletter"),
    ("Subscribe to the Morning Briefing newsletter!", "newsletter"),
    ("Get the latest headlines delivered to your inbox every morning.", "newsletter"),
    ("Enter your email address", "newsletter"),
    ("Thank you for subscribing!", "newsletter"),
    ("We use cookies to give you the best experience on our website.", "cookie_notice"),
    ("This site uses cookies. By continuing to browse the site you agree to our use of cookies.", "cookie_notice"),
    ("Accept all cookies", "cookie_notice"),
    ("Read also: Floods close the valley road for a second week", "related_link"),
    ("READ MORE: Council votes on the new bridge", "related_link"),
    ("Related Articles", "related_link"),
    ("See also – the mayor's statement", "related_link"),
    ("DON'T MISS", "related_link"),
    ("Most read", "related_link"),
    ("Advertisement", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Tags: floods, Riverton, weather", "tags"),
    ("© 2024 Riverton Gazette. All rights reserved.", "copyright"),
    ("Copyright Northshire Media 2023", "copyright"),
    ("Updated at 4:15 p.m.", "timestamp"),
    ("Last updated: 20 September 2024", "timestamp"),
    ("Click here for more information.", "call_to_action"),
    ("Tell us what you think...", "call_to_action"),
    ("(Reporting by Jane Roe; Editing by John Doe)", "credits"),
    ("Additional reporting by Sam Poe in Riverton", "credits"),
    ("This article originally appeared in the Northshire Review.", "credits"),
    ("Photo: Riverton council", "credits"),
    ("Previous post", "navigation"),
    ("Print this page", "navigation"),
    ("Print this", "share_prompt"),
    ("Listen to this article", "navigation"),
    ("Sign in to comment", "navigation"),
    ("WATCH: The river bursts its banks", "navigation"),
]

BODY = [
    "The council said it would share this information with residents on Friday.",
    "Twitter users posted videos of the flooded market.",
    "She said the newsletter had reached 4,000 readers before the flood.",
    "We use the old bridge every day, said one resident.",
    "Read the full report, the mayor told reporters, and you will see the damage.",
    "Email records show the warning was sent at 6 a.m.",
    "Reply came there none, the spokesman said.",
    "Related talks in the capital ended without a deal.",
    "Comments from the minister were not immediately available.",
    "Copyright lawyers for the paper said they would appeal.",
    "Updated figures from the council showed 40 homes were evacuated.",
    "Click the link, the police warned, and you may lose your savings.",
    "Reporting from the town hall was banned on Friday, the union said.",
    "The next article of the treaty deals with river borders.",
    "Sources close to the mayor said she would resign.",
    "Home owners near the river were told to leave.",
    "Don't miss the chance to see the river at dawn, the guide said.",
    "",
]


@pytest.mark.parametrize(("line", "kind"), BOILERPLATE)
def test_boilerplate_line_is_recognised_with_its_kind(line, kind):
    assert boilerplate_kind(line) == kind


@pytest.mark.parametrize("line", BODY)
def test_body_line_is_not_boilerplate(line):
    assert boilerplate_kind(line) is None


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # the headlines under the heading are links; the article goes on after them
        (["The river fell on Sunday.", "DON'T MISS", "Bridge closed for a week [VIDEO]", "Mayor speaks out",
          "Repairs will start in May, the council said."],
         ["The river fell on Sunday.", "Repairs will start in May, the council said."]),
        # a blank line ends the block: the subheading after it is the article's own
        (["Read more", "Bridge closed for a week", "", "Clearing up", "Volunteers came from three towns."],
         ["", "Clearing up", "Volunteers came from three towns."]),
        # a heading with no "Read more" above it stays
        (["The river fell on Sunday.", "Clearing up", "Volunteers came from three towns."],
         ["The river fell on Sunday.", "Clearing up", "Volunteers came from three towns."]),
    ],
)
def test_headlines_under_a_related_heading_are_links(lines, kept):
    removed = []
    assert _drop_boilerplate(lines, removed) == kept
    assert all(r.kind == "related_link" for r in removed)
