"""The relate stage (corpus/relate.py): near copies, rewrites, shared passages, provenance, the index."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.clean import clean_document
from newsdesk.corpus import relate
from newsdesk.model import Analysis, Article, Document, MainEvent, Mention, article_id
from newsdesk.pipeline import Batch
from newsdesk.store import open_store, schema

# A report written for these tests (a fictional event), then variants of it.
BASE = [
    "A landslide buried part of the mountain village of Orvel on Sunday night, killing 9 people and injuring 27.",
    "The slope above the village gave way after four days of heavy rain, the provincial governor Tomas Vell said.",
    "Rescue workers with sniffer dogs searched the rubble of 12 houses through the night.",
    '"We are still hoping to find survivors under the school building," said rescue chief Ana Korr.',
    "The road to Orvel was cut in three places, and helicopters carried the injured to a hospital in Brenna.",
    "Geologists had warned in 2019 that the hillside above Orvel was unstable and should be drained.",
    "The government in the capital promised 2 million euros for the families who lost their homes.",
]
REWRITE = [
    "Nine people died and 27 were hurt when a landslide swept over Orvel, a village in the mountains, late on Sunday.",
    "Governor Tomas Vell explained that four days of torrential rain had made the hillside above Orvel collapse.",
    "Overnight, rescuers and their sniffer dogs combed through what was left of 12 homes.",
    "Rescue chief Ana Korr said hopes remained of pulling people alive from beneath the school.",
    "Helicopters flew the wounded to Brenna because the road into Orvel was blocked at three points.",
    "Back in 2019, geologists had said the unstable slope needed draining.",
    "Families left homeless will get 2 million euros from the government.",
]
INDEPENDENT = [
    "Villagers in Orvel dug with their hands on Monday morning, looking for neighbours missing after the landslide.",
    "Maria Dosk, 61, said she heard a roar like a train before the mud reached her garden wall.",
    "Army engineers arrived from Brenna with two excavators, but the narrow road slowed them down.",
    "The weather service expects more rain in the region on Wednesday and has issued an orange warning.",
    "Opposition politicians asked why the drainage work recommended years ago was never carried out.",
    "Governor Tomas Vell is due to visit the village on Tuesday.",
]


def text(sentences: list[str]) -> str:
    return " ".join(sentences)


NAMES = ("Orvel", "Tomas Vell", "Ana Korr", "Brenna")


def mentions_of(art: Article) -> tuple[Mention, ...]:
    """Entity mentions by hand (no spaCy): rewrite candidates come from shared entities."""
    found = []
    for name in NAMES:
        at = art.text.find(name)
        if at >= 0:
            found.append(Mention(art.id, (at, at + len(name)), name, "GPE", f"e:{name}"))
    return tuple(found)


def add(store, body: str, **meta) -> str:
    """Store an article with hand-made mentions and run the relate stage on it."""
    art = Article(id=article_id(body), text=body, **meta)
    with store.begin() as tx:
        tx.save_analysis(Analysis(article=art, mentions=mentions_of(art)), seq=tx.next_seq())
        relate.relate(tx, Batch(new_ids=(art.id,)))
    return art.id


def relations(store):
    with store.read() as tx:
        return tx.relations()


# -- judging pairs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("copy", "kind"),
    [
        (text(BASE[:5]), "near_copy"),  # trimmed
        (text(BASE) + " Officials said schools in the valley would stay closed all week.", "near_copy"),  # a line added
        (text(BASE).replace("Sunday night", "late Sunday").replace("houses", "homes"), "near_copy"),  # light edits
        (text(REWRITE), "rewrite"),
        (text(INDEPENDENT), None),
        (text(INDEPENDENT[:3]) + " " + BASE[3], "shared_passage"),
    ],
)
def test_judge_tells_the_kinds_apart(copy, kind):
    verdict = relate.judge(text(BASE), copy)
    assert (verdict.kind if verdict else None) == kind


def test_shared_runs_give_spans_in_both_texts():
    quote = "the bridge will stay closed until the engineers have checked every cable"
    a = f"On Friday the mayor said that {quote}, and walked away."
    b = f"Drivers were angry. A notice read: “{quote.capitalize()}”. More later."
    runs = relate.shared_runs(a, b)
    assert len(runs) == 1
    (sa, ea), (sb, eb) = runs[0]
    assert a[sa:ea].casefold() == b[sb:eb].casefold() == quote


def test_short_common_phrases_are_not_passages():
    a = "Officials said on Tuesday that the road would reopen."
    b = "Officials said on Tuesday that nobody had been hurt."
    assert relate.shared_runs(a, b) == []


def test_a_few_changed_words_keep_one_passage():
    a = "the council voted by nine votes to four to close the old harbour bridge to all heavy lorries from May"
    b = "the council voted by nine votes to three to close the old harbour bridge to all heavy lorries from May"
    assert len(relate.shared_runs(a, b)) == 1


def test_rewrite_evidence_pairs_sentences_in_order():
    coverage, pairs = relate.align(text(BASE), text(REWRITE))
    assert coverage >= relate.REWRITE_COVERAGE
    starts = [(a[0], b[0]) for a, b in pairs]
    assert starts == sorted(starts)


def test_shuffled_independent_sentences_are_not_a_rewrite():
    shuffled = text(REWRITE[::-1])
    assert relate.align(text(BASE), shuffled)[0] < relate.REWRITE_COVERAGE


# Sentences drawn from a few words, names and numbers, so that random texts share some.
_SENTENCE = st.lists(
    st.sampled_from(["Orvel", "Brenna", "Vell", "rain", "slope", "village", "rescuers", "houses", "9", "27", "two"]),
    min_size=1,
    max_size=8,
).map(lambda words: "It " + " ".join(words) + ".")
_TEXT = st.lists(_SENTENCE, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(_TEXT, _TEXT)
def test_the_similarity_matrix_is_the_pairwise_similarity(a, b):
    # the matrix product that replaced a loop of set operations gives the same numbers
    fa, fb = relate.sentence_facts(a), relate.sentence_facts(b)
    if fa and fb:
        expected = [[relate.similarity(x, y) for y in fb] for x in fa]
        assert relate.similarities(a, b).tolist() == expected


def _align_by_loops(a: str, b: str) -> float:
    """The alignment's best total gain, cell by cell (what the row-vectorised version replaced)."""
    fa, fb = relate.sentence_facts(a), relate.sentence_facts(b)
    best = [[0.0] * (len(fb) + 1) for _ in range(len(fa) + 1)]
    for i in range(1, len(fa) + 1):
        for j in range(1, len(fb) + 1):
            sim = relate.similarity(fa[i - 1], fb[j - 1])
            diag = best[i - 1][j - 1] + sim if sim >= relate.SENTENCE_SIM else -1.0
            best[i][j] = max(best[i - 1][j], best[i][j - 1], diag)
    return best[-1][-1]


@settings(max_examples=60, deadline=None)
@given(_TEXT, _TEXT)
def test_the_alignment_is_the_best_in_order_one(a, b):
    _, pairs = relate.align(a, b)
    in_a, in_b = ({f.span: f for f in relate.sentence_facts(t)} for t in (a, b))
    total = sum(relate.similarity(in_a[x], in_b[y]) for x, y in pairs)
    assert total == pytest.approx(_align_by_loops(a, b))


@settings(max_examples=80, deadline=None)
@given(_TEXT, _TEXT)
def test_a_pair_ruled_out_before_aligning_could_not_be_a_rewrite(a, b):
    if not relate.could_be_rewrite(a, b):
        coverage, pairs = relate.align(a, b)
        assert coverage < relate.REWRITE_COVERAGE or len(pairs) < relate.REWRITE_MIN_PAIRS


def test_a_rewrite_is_not_ruled_out_before_aligning():
    assert relate.could_be_rewrite(text(BASE), text(REWRITE))
    assert not relate.could_be_rewrite(text(BASE), "A ferry sank off Malta on Friday. Nine crew were saved. Talks end.")


def test_texts_sharing_no_run_of_words_are_not_aligned_word_by_word():
    a = "The bridge over the river Brenna will stay closed to lorries until the spring."
    b = "Lorries cannot use the bridge over the Brenna until the spring, officials say."
    assert relate.shared_runs(a, b) == []
    end = len(a) - 1  # the full stop is no word
    assert relate.shared_runs(a, a.upper()) == [((0, end), (0, end))]


# -- the stage, provenance and the index ------------------------------------------------------------


def test_dates_decide_the_direction(store):
    late = add(store, text(BASE), published="2024-05-06")
    early = add(store, text(BASE[:5]) + " Roads remain closed.", published="2024-05-05")
    (rel,) = relations(store)
    assert (rel.kind, rel.source, rel.copy) == ("near_copy", early, late)


def test_without_dates_the_fuller_text_is_the_original(store):
    trimmed = add(store, text(BASE[:4]))
    full = add(store, text(BASE))
    (rel,) = relations(store)
    assert (rel.source, rel.copy) == (full, trimmed)


def test_a_credit_marks_the_rewrite_as_the_copy(store):
    rewrite = add(store, "According to the Valley Post, " + text(REWRITE))
    original = add(store, text(BASE))
    (rel,) = relations(store)
    assert (rel.kind, rel.source, rel.copy) == ("rewrite", original, rewrite)
    with store.read() as tx:
        assert relate.original_of(tx, rewrite) == original
        assert relate.original_of(tx, original) is None


def test_evidence_spans_point_into_source_and_copy(store):
    add(store, text(INDEPENDENT[:3]) + " " + BASE[3])
    add(store, text(BASE))
    (rel,) = relations(store)
    with store.read() as tx:
        src, cpy = tx.article(rel.source).text, tx.article(rel.copy).text
    assert rel.kind == "shared_passage"
    for (s1, e1), (s2, e2) in rel.evidence:
        assert src[s1:e1] == cpy[s2:e2]


def test_index_survives_a_restart_and_forgets_deleted_articles(tmp_path):
    path = tmp_path / "relate.db"
    store = open_store(path)
    first = add(store, text(BASE))
    store.close()
    store = open_store(path)
    add(store, text(BASE[:6]))
    assert [r.source for r in relations(store)] == [first]
    with store.begin() as tx:
        relate.forget(tx, first)
        keys = tx.conn.execute(schema.relate_keys.select().where(schema.relate_keys.c.article_id == first)).all()
        # What deleting the article does besides: its facts and its row go.
        tx.conn.execute(schema.mentions.delete().where(schema.mentions.c.article_id == first))
        tx.conn.execute(schema.articles.delete().where(schema.articles.c.id == first))
    assert keys == [] and relations(store) == []
    add(store, text(BASE[:5]))
    assert first not in {r.source for r in relations(store)} | {r.copy for r in relations(store)}
    store.close()


def test_rerun_replaces_a_pair_verdict(store):
    a = add(store, text(BASE))
    b = add(store, text(BASE[:5]))
    with store.begin() as tx:
        relate.relate(tx, Batch(new_ids=(a, b)))
    assert len(relations(store)) == 1


def test_the_seeds_share_a_passage_only(seeds):
    a, b = (clean_document(Document(origin=p.name, content=p.read_text(encoding="utf-8"))) for p in seeds)
    verdict = relate.judge(a.text, b.text)
    assert verdict is not None and verdict.kind == "shared_passage"
    assert any("withdrawal" in a.text[s:e] for (s, e), _ in verdict.evidence)


# -- reusing annotations -----------------------------------------------------------------------------


def test_a_trimmed_copy_reuses_the_originals_facts_at_remapped_spans(store):
    full = add(store, "Updated at noon. " + text(BASE))
    copy_text = text(BASE[:5])
    copy = Article(id=article_id(copy_text), text=copy_text)
    with store.read() as tx:
        reused = relate.reuse_annotations(tx, copy)
    assert reused is not None and f"annotations reused from {full}" in reused.notes
    assert {m.text for m in reused.mentions} == {"Orvel", "Tomas Vell", "Ana Korr", "Brenna"}
    for m in reused.mentions:
        assert m.article_id == copy.id and copy_text[m.span[0] : m.span[1]] == m.text


def _with_main_event(store, body: str, title: str, main: MainEvent) -> None:
    art = Article(id=article_id(body), text=body, title=title)
    with store.begin() as tx:
        analysis = Analysis(article=art, mentions=mentions_of(art), main_event=replace(main, article_id=art.id))
        tx.save_analysis(analysis, seq=tx.next_seq())
        relate.relate(tx, Batch(new_ids=(art.id,)))


def _at(text_: str, words: str) -> tuple[int, int]:
    return text_.index(words), text_.index(words) + len(words)


def test_a_trimmed_copy_carries_the_main_event_to_its_own_spans(store):
    full = "Updated at noon. " + text(BASE)
    what = "buried part of the mountain village of Orvel"
    main = MainEvent("x", _at(full, what), what, type=None, actor="A landslide", place="Orvel",
                     place_span=_at(full, "Orvel"), when="2031-05-11", when_span=_at(full, "Sunday night"))
    _with_main_event(store, full, "Landslide in Orvel", main)
    copy_text = text(BASE[:5])
    with store.read() as tx:
        reused = relate.reuse_annotations(tx, Article(id=article_id(copy_text), text=copy_text,
                                                      title="Landslide in Orvel"))
    found = reused.main_event
    assert found.article_id == article_id(copy_text)
    for span, words in ((found.span, what), (found.place_span, "Orvel"), (found.when_span, "Sunday night")):
        assert copy_text[span[0] : span[1]] == words
    # a span in the title holds where the copy has the same title
    headline = replace(found, span=(0, 9), what="Landslide", in_title=True)
    assert relate.carry_main(replace(reused, main_event=headline), reused.article, lambda s: s) == headline
    # ... and not where the title changed: the copy's own headline is read instead
    moved = replace(reused.article, title="Orvel mourns")
    assert relate.carry_main(replace(reused, main_event=headline), moved, lambda s: s) is None


def test_a_copy_with_its_own_headline_reads_its_main_event_again(store, nlp):
    full = text(BASE)
    title = "Landslide buries Orvel homes"
    main = MainEvent("x", (10, 27), "buries Orvel homes", type=None, actor="Landslide", in_title=True)
    _with_main_event(store, full, title, main)
    copy_text = text(BASE[:5])
    new_title = "Rescue chief Ana Korr hopes to find survivors"
    with store.read() as tx:
        reused = relate.reuse_annotations(tx, Article(id=article_id(copy_text), text=copy_text, title=new_title))
    found = reused.main_event
    assert found is not None and found.article_id == article_id(copy_text)
    source = new_title if found.in_title else copy_text
    assert source[found.span[0] : found.span[1]] == found.what
    assert found.what != main.what


def test_a_copy_with_a_paragraph_of_its_own_is_annotated_afresh(store):
    add(store, text(BASE))
    own = text(BASE) + " " + text(INDEPENDENT[:3])
    with store.read() as tx:
        assert relate.reuse_annotations(tx, Article(id=article_id(own), text=own)) is None


def test_relate_runs_first_among_the_corpus_stages():
    from newsdesk.pipeline import CORPUS_STAGES

    assert CORPUS_STAGES[0] is relate.relate


def test_without_dates_or_credits_the_rewrite_that_quotes_less_is_the_copy(store):
    rewrite = add(store, text(REWRITE))  # stored first: store order alone would get it wrong
    original = add(store, text(BASE))
    (rel,) = relations(store)
    assert (rel.kind, rel.source, rel.copy) == ("rewrite", original, rewrite)


def test_the_seeds_through_the_pipeline_share_a_passage_only(seeds, nlp, store):
    from newsdesk.pipeline import ingest

    docs = [Document(origin=p.name, content=p.read_text(encoding="utf-8")) for p in seeds]
    ingest(docs, store)
    assert [r.kind for r in relations(store)] == ["shared_passage"]


# -- properties of the text helpers -------------------------------------------------------------------

_SENTENCEISH = st.text(alphabet=st.sampled_from(list('abc XYZ.!?\n"“”’,')), max_size=200)


@given(_SENTENCEISH)
@settings(max_examples=200, deadline=None)
def test_sentence_spans_are_ordered_disjoint_and_non_blank(text_):
    spans = relate.sentence_spans(text_)
    assert all(0 <= s < e <= len(text_) and text_[s:e].strip() for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False))


@given(
    st.lists(st.sampled_from(["ferry", "Lake", "14", "said", "the", "Mirsk", "rain"]), min_size=8, max_size=20),
    st.text(max_size=40),
    st.text(max_size=40),
)
@settings(max_examples=100, deadline=None)
def test_a_planted_run_is_found_with_matching_words(run, before, after):
    shared = " ".join(run)
    a, b = f"{before} {shared} end.", f"Start {shared} {after}"
    pairs = relate.shared_runs(a, b)
    assert pairs
    for (s1, e1), (s2, e2) in pairs:
        assert [w for w, _, _ in relate.tokens(a[s1:e1])] == [w for w, _, _ in relate.tokens(b[s2:e2])]
