"""Plain-text cleaning: head read as metadata, repeats flagged, the seeds as EXPECTED.md says."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.clean import clean_document
from newsdesk.clean.core import normalize_text
from newsdesk.clean.text import clean_plain
from newsdesk.errors import EmptyInput
from newsdesk.model import Document

BODY = (
    "Floodwater reached the old market in Riverton on Friday, the town council said.\n\n"
    "Mayor Anna Lindqvist said 40 homes had been evacuated and the bridge was closed.\n\n"
    "The river is expected to fall by Sunday, according to the regional weather office."
)


@pytest.mark.parametrize("headline", ["Floods reach Riverton market", "floods reach riverton market as river rises"])
def test_headline_line_in_any_case_becomes_the_title(headline):
    out = clean_plain(f"{headline}\n\n{BODY}")
    assert out.title == headline
    assert headline not in out.text
    assert out.text.startswith("Floodwater reached")


@pytest.mark.parametrize("line", ["# Floods reach Riverton market", "## Floods reach Riverton market ##"])
def test_a_markdown_heading_is_a_headline_without_its_marks(line):
    out = clean_plain(f"{line}\n\n{BODY}")
    assert out.title == "Floods reach Riverton market"
    assert "#" not in out.text and out.text.startswith("Floodwater reached")
    assert clean_plain(f"{line}\n\n{BODY}", title="Floods reach Riverton market").text == out.text


def test_a_first_sentence_is_not_taken_for_a_headline():
    out = clean_plain(BODY)
    assert out.title is None and out.text == BODY


def test_standfirst_after_headline_is_noted_and_kept_in_the_text():
    stand = "The council says 40 homes were evacuated as the river burst its banks."
    out = clean_plain(f"Floods reach Riverton\n\n{stand}\n\n{BODY}")
    assert out.standfirst == stand
    assert out.text.startswith(stand)


def test_no_standfirst_without_headline():
    assert clean_plain(BODY).standfirst is None


@pytest.mark.parametrize("bullet", ["- ", "• ", "1. "])
def test_outline_of_headings_at_top_is_separated(bullet):
    heads = ["Water reaches the market", "Homes evacuated", "What comes next"]
    text = "\n".join(f"{bullet}{h}" for h in heads) + "\n" + BODY
    out = clean_plain(text)
    assert out.outline == tuple(heads)
    assert not any(h in out.text for h in heads)
    assert out.text.startswith("Floodwater")


def test_outline_after_a_contents_line_and_headline():
    text = "Floods reach Riverton\nContents:\n- Water reaches the market\n- What comes next\n\n" + BODY
    out = clean_plain(text)
    assert out.title == "Floods reach Riverton"
    assert out.outline == ("Water reaches the market", "What comes next")


def test_a_single_bullet_line_is_not_an_outline():
    out = clean_plain("- Water reaches the market\n" + BODY)
    assert out.outline == ()


@pytest.mark.parametrize(
    ("line", "who"),
    [("By AFP", "AFP"), ("By Jane Roe and John Doe, Reuters", "Jane Roe and John Doe"),
     ("Written by J. Roe | 20 September 2023", "J. Roe"), ("Posted on 4 June 2024 by J. Roe", "J. Roe")],
)
def test_byline_is_metadata(line, who):
    out = clean_plain(f"Floods reach Riverton\n{line}\n\n{BODY}")
    assert out.byline == who
    assert line not in out.text
    assert any(r.kind == "byline" for r in out.removed)


@pytest.mark.parametrize(
    ("prefix", "dateline"),
    [("RIVERTON: ", "RIVERTON"), ("RIVERTON, Northshire — ", "RIVERTON"), ("RIVERTON (AFP) - ", "RIVERTON (AFP)"),
     ("RIVERTON -- ", "RIVERTON"), ("RIVERTON/LAKESIDE, June 4 (Wire One) - ", "RIVERTON/LAKESIDE (Wire One)"),
     ("NEW RIVERTON, June 18, 2031 (Wire One) — ", "NEW RIVERTON (Wire One)"),
     ("RIVERTON, Northshire, May 2 - ", "RIVERTON"), ("BOGOTÁ, March 9 (Wire One) - ", "BOGOTÁ (Wire One)"),
     ("SÃO PAULO — ", "SÃO PAULO"), ("ŁÓDŹ: ", "ŁÓDŹ"), ("RIVERTON ― ", "RIVERTON"),
     ("RIVERTON, Northshire ― ", "RIVERTON")],
    # two hyphens for a dash; a slash for a story filed from two cities; AP's city, state,
    # date; accented capitals; the horizontal bar (U+2015) some outlets set for the dash
)
def test_dateline_is_metadata(prefix, dateline):
    out = clean_plain(prefix + BODY)
    assert out.dateline == dateline
    assert out.text.startswith("Floodwater")


def test_a_label_in_capitals_is_not_a_dateline():
    assert clean_plain("UPDATE: " + BODY).dateline is None


def test_comment_form_at_the_end_is_removed_and_reported():
    form = "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nPost Comment"
    out = clean_plain(BODY + "\n\n" + form)
    assert out.text == BODY
    assert [r.kind for r in out.removed] == ["comment_form"] * 3


def test_repeated_sentence_stays_once_flagged_on_its_repeat():
    repeat = "Mayor Anna Lindqvist said 40 homes had been evacuated and the bridge was closed."
    out = clean_plain(BODY + "\n" + repeat)
    (flag,) = out.flags
    assert flag.kind == "repeated_sentence"
    assert out.text[flag.span[0] : flag.span[1]] == repeat
    assert flag.span[0] > out.text.index(repeat)  # the repeat is flagged, not the first


def test_repeat_matched_across_quote_styles_and_inside_a_paragraph():
    first = "He said the “river is still rising” near the old mill today."
    straight = first.replace("“", '"').replace("”", '"')
    out = clean_plain(f"Intro words here. {first} More words.\n{straight}")
    assert len(out.flags) == 1


def test_short_sentences_may_repeat():
    assert clean_plain("He said no.\nShe said no.\nHe said no.").flags == ()


def test_mojibake_repaired_and_quotes_kept():
    assert normalize_text("The mayorâ€™s office said “no”.") == "The mayor’s office said “no”."


def test_clean_document_fills_the_article():
    doc = Document(origin="t.txt", content=f"floods reach riverton\nBy AFP\n\nRIVERTON: {BODY}\n\nShare this:\nTwitter")
    a = clean_document(doc)
    assert (a.title, a.byline, a.dateline, a.language) == ("floods reach riverton", "AFP", "RIVERTON", "en")
    assert {r.kind for r in a.removed} == {"headline", "byline", "dateline", "share_prompt"}


def test_a_text_of_only_boilerplate_is_empty_input():
    with pytest.raises(EmptyInput, match="t.txt"):
        clean_document(Document(origin="t.txt", content="Leave a Reply\nPost Comment"))


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Le conseil municipal a annoncé vendredi que la crue avait atteint le vieux marché de la ville.", "fr"),
     ("Der Stadtrat teilte am Freitag mit, dass das Hochwasser den alten Markt der Stadt erreicht habe.", "de"),
     (BODY, "en")],
)
def test_language_detected(text, lang):
    assert clean_document(Document(origin="t", content=text)).language == lang


def test_seeds_come_out_as_expected(seeds):
    a, b = (clean_document(Document(origin=str(p), content=p.read_text(encoding="utf-8"))) for p in seeds)
    assert len(a.outline) == 3 and not any(h in a.text for h in a.outline)
    (flag,) = [f for f in a.flags if f.kind == "repeated_sentence"]
    assert "landmine" in flag.text and a.text.count(flag.text) == 2
    assert b.title.startswith("azerbaijan says military operation underway")
    assert "local anti-terrorist operations" in b.standfirst
    assert "Leave a Reply" not in b.text and "Required fields" not in b.text
    assert any("Leave a Reply" in r.text for r in b.removed)


_LINES = st.sampled_from(
    ["Leave a Reply", "By AFP", "- A heading", "RIVERTON: The council met.", "", "Share this:",
     "The council said 40 homes were evacuated on Friday night.", "floods reach riverton", "* * *"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=80)), max_size=12))
def test_clean_plain_never_crashes_and_flags_point_into_the_text(lines):
    out = clean_plain(normalize_text("\n".join(lines)))
    for flag in out.flags:
        assert out.text[flag.span[0] : flag.span[1]] == flag.text


_PARAS = [
    "Floodwater reached the old market in Riverton on Friday, the town council said in a statement.",
    "Mayor Anna Lindqvist said 40 homes had been evacuated and the bridge to Hollow Creek was closed.",
    "The regional weather office expects the river to fall slowly over the weekend as the rain eases.",
    "Volunteers from the rowing club helped carry furniture out of the ground floors of the houses.",
]
HTML_PAGE = f"""<!doctype html><html lang="en"><head><title>Floods reach Riverton market</title>
<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2024-09-20">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Floods reach Riverton market</h1>{''.join(f'<p>{p}</p>' for p in _PARAS)}
<div class="share">Share this: <a>Facebook</a> <a>Twitter</a></div></article>
<div id="comments"><h3>Leave a Reply</h3><p>Great article, thanks!</p></div>
<footer>© 2024 Riverton Gazette</footer></body></html>"""


def test_html_page_main_text_and_metadata():
    a = clean_document(Document(origin="p.html", content=HTML_PAGE, content_type="html"))
    assert all(p in a.text for p in _PARAS)
    assert "Great article" not in a.text and "Leave a Reply" not in a.text and "Home" not in a.text
    assert (a.title, a.published, a.byline) == ("Floods reach Riverton market", "2024-09-20", "Jane Roe")
    assert a.language == "en"


_MORE = [
    "By Saturday the water had dropped by a metre and shopkeepers began to sweep out the mud.",
    "The council will meet on Monday to decide how to pay for repairs to the market's roof.",
    "Insurers said claims from the flood were likely to pass the total of the last two years.",
]


def _chunk(paras: list[str]) -> str:
    return f'<div class="wrap"><div class="article-body">{"".join(f"<p>{p}</p>" for p in paras)}</div></div>'


def _page(body: str) -> str:
    return f"""<html><head><title>Floods reach Riverton market</title></head><body>
<article><h1>Floods reach Riverton market</h1>{body}</article></body></html>"""


@pytest.mark.parametrize(
    "body",
    [
        # chunks in wrappers of their own, an advert between them
        _chunk(_PARAS) + '<div class="ad">Advertisement</div>' + _chunk(_MORE),
        # chunks side by side
        _chunk(_PARAS).removeprefix('<div class="wrap">').removesuffix("</div>")
        + _chunk(_MORE).removeprefix('<div class="wrap">').removesuffix("</div>"),
    ],
)
def test_an_article_cut_into_chunks_of_one_class_is_read_whole(body):
    a = clean_document(Document(origin="p.html", content=_page(body), content_type="html"))
    assert all(p in a.text for p in _PARAS + _MORE)
    assert a.text.index(_PARAS[-1]) < a.text.index(_MORE[0])


def test_words_that_open_a_chunk_before_its_paragraphs_are_kept():
    loose = "Loose words opened this chunk of the report on Saturday."
    body = _chunk(_PARAS) + '<div class="ad">Advertisement</div>' + _chunk(_MORE).replace(
        '<div class="article-body">', f'<div class="article-body">{loose}'
    )
    a = clean_document(Document(origin="p.html", content=_page(body), content_type="html"))
    assert loose in a.text and all(p in a.text for p in _PARAS + _MORE)


def test_chunks_of_a_class_elsewhere_on_the_page_stay_out():
    aside = '<aside><div class="x"><div class="y"><div class="article-body"><p>Read: a quiz.</p>'
    aside += "<p>Read: ten recipes for the weekend.</p></div></div></div></aside>"
    a = clean_document(Document(origin="p.html", content=_page(_chunk(_PARAS)) + aside, content_type="html"))
    assert "recipes" not in a.text


def test_a_pop_up_card_inside_a_sentence_is_no_part_of_it():
    card = (
        '<span class="person"><a href="/p/lindqvist">Anna Lindqvist</a><span class="card"><img src="l.jpg">'
        '<a href="/p/lindqvist">Anna Lindqvist</a><a href="/a/1">Mayor opens new library</a>'
        '<a href="/a/2">Council budget passes</a></span></span>'
    )
    body = f"<p>Mayor {card} said 40 homes had been evacuated and the bridge was closed.</p>"
    body += "".join(f"<p>{p}</p>" for p in _PARAS[2:] + _MORE)
    a = clean_document(Document(origin="p.html", content=_page(body), content_type="html"))
    assert "Mayor Anna Lindqvist said 40 homes had been evacuated" in a.text
    assert "library" not in a.text and "budget" not in a.text


def test_a_link_wrapped_in_a_span_keeps_its_words():
    link = '<span class="link"><a href="/a/3">the council will pay for the repairs</a></span>'
    body = f"<p>The mayor said that {link} before the winter.</p>" + "".join(f"<p>{p}</p>" for p in _MORE)
    a = clean_document(Document(origin="p.html", content=_page(body), content_type="html"))
    assert "The mayor said that the council will pay for the repairs before the winter." in a.text


_NAV_ONLY = '<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul></nav></body></html>'


@pytest.mark.parametrize("html", [_NAV_ONLY, "<html><body></body></html>", "<<<>>>", "<html>\x00\x01</html>"])
def test_html_without_main_text_is_empty_input(html):
    with pytest.raises(EmptyInput, match="p.html"):
        clean_document(Document(origin="p.html", content=html, content_type="html"))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["text", "html"]))
def test_clean_document_raises_only_input_errors(content, kind):
    try:
        article = clean_document(Document(origin="fuzz", content=content, content_type=kind))
    except EmptyInput:
        return
    assert article.text and article.text == article.text.strip()


@pytest.mark.parametrize(
    ("line", "published"),
    [("Published on 20 September 2024", "2024-09-20"), ("Posted on 4 June 2024 by Jane Roe", "2024-06-04"),
     ("By Jane Roe | September 20, 2023 10:14 am", "2023-09-20T10:14"), ("Updated at 4:15 p.m.", None)],
)
def test_publication_date_from_a_date_line(line, published):
    a = clean_document(Document(origin="t.txt", content=f"Floods reach Riverton\n{line}\n\n{BODY}"))
    assert a.published == published
    assert line not in a.text


@pytest.mark.parametrize(
    ("line", "published"),
    [("March 13, 2031", "2031-03-13"), ("Tuesday 4 June 2030 10:15 BST", "2030-06-04T10:15"),
     ("Sept. 20, 2030", "2030-09-20")],
)
def test_a_date_alone_on_its_line_is_the_publication_date(line, published):
    a = clean_document(Document(origin="t.txt", content=f"Floods reach Riverton\n\n{line}\n\n{BODY}"))
    assert (a.published, a.text.startswith("Floodwater")) == (published, True)


def test_a_sentence_that_opens_with_a_date_is_body_text():
    a = clean_document(Document(origin="t.txt", content=f"Floods reach Riverton\n\nMarch 13, 2031 was wet.\n\n{BODY}"))
    assert a.text.startswith("March 13, 2031 was wet.")


@pytest.mark.parametrize(
    ("dateline", "published"),
    [("RIVERTON, June 18, 2031 (Wire One) — ", "2031-06-18"), ("RIVERTON, Northshire, May 2, 2030 - ", "2030-05-02"),
     ("RIVERTON, Sept 20 (Wire One) - ", None), ("RIVERTON, Northshire — ", None)],
)
def test_publication_date_from_the_datelines_date(dateline, published):
    a = clean_document(Document(origin="t.txt", content=f"Floods reach Riverton\n\n{dateline}{BODY}"))
    assert (a.dateline, a.published) == ("RIVERTON" + (" (Wire One)" if "Wire" in dateline else ""), published)
