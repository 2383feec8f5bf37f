"""Refresh: what a story shows of itself, recomputed for every story a batch touched.

The corpus stage ``refresh`` (after ``stories.assign``) gives each touched story its
title (``corpus/titles.py``: the central article's headline, as an editor writes it),
its first and last day (the days its articles' features carry), and in ``story_meta``
its central article (the one closest to the story's centroid), sources and key entities
(the entities most of its articles name). A story left without articles is deleted.
"""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa

from newsdesk.corpus.stories import KEY_ENTITIES, STORY_LABELS, article_vectors, chunks, idf, score, story_key
from newsdesk.corpus.titles import story_title
from newsdesk.model import Story, heading
from newsdesk.store import Tx, schema


def central_article(vectors: dict[str, dict[str, float]], weights: dict[str, float]) -> str:
    """The article closest to its story's centroid (ties: the first stored)."""
    total: Counter = Counter()
    for v in vectors.values():
        total.update(v)
    return max(vectors, key=lambda a: score(vectors[a], total, weights))


def _sources(tx: Tx, ids: list[str]) -> list[str]:
    a, s = schema.articles, schema.article_sources
    names = set(tx.conn.execute(sa.select(a.c.source).where(a.c.id.in_(ids))).scalars())
    names |= set(tx.conn.execute(sa.select(s.c.source).where(s.c.article_id.in_(ids))).scalars())
    return sorted(n for n in names if n)


def _key_entities(tx: Tx, ids: list[str], weights: dict[str, float]) -> list[dict]:
    """The entities most of the story's articles name, the most specific first (the
    mentions' entity ids: the features key people by surname, see ``story_key``)."""
    m = schema.mentions
    counts: Counter = Counter()
    for part in chunks(ids):
        q = sa.select(m.c.article_id, m.c.entity_id).where(m.c.article_id.in_(part), m.c.label.in_(STORY_LABELS))
        counts.update(entity for _, entity in set(tx.conn.execute(q).all()))
    top = sorted(counts, key=lambda e: (-counts[e], -weights.get("e:" + story_key(e), 0.0), e))[:KEY_ENTITIES]
    names = {e.id: e for e in tx.entities(top)}
    return [{"id": e, "name": names[e].name if e in names else e, "articles": counts[e]} for e in top]


def _save_meta(tx: Tx, story: str, **values) -> None:
    t = schema.story_meta
    tx.conn.execute(sa.delete(t).where(t.c.story_id == story))
    if values:
        tx.conn.execute(sa.insert(t).values(story_id=story, **values))


def refresh(tx: Tx, batch):
    """Corpus stage: title, first/last seen, sources and key entities of each touched story."""
    a = schema.articles
    for story in sorted(batch.touched_stories):
        rows = tx.conn.execute(
            sa.select(a.c.id, a.c.title, a.c.outline, a.c.text, a.c.seq).where(a.c.story_id == story).order_by(a.c.seq)
        ).all()
        if not rows:
            tx.delete_story(story)
            _save_meta(tx, story)
            continue
        ids = [r.id for r in rows]
        vectors = article_vectors(tx, ids)
        weights = idf(tx, {k for v in vectors.values() for k in v})
        central = central_article({i: vectors.get(i, {}) for i in ids}, weights)
        row = next(r for r in rows if r.id == central)
        others = [r for r in rows if r.id != central]
        days = sorted(k[2:12] for v in vectors.values() for k in v if k.startswith("d:"))
        tx.save_story(
            Story(
                id=story,
                title=story_title([heading(r.title, r.outline) for r in (row, *others)], row.text),
                article_ids=tuple(ids),
                first_seen=days[0] if days else None,
                last_seen=days[-1] if days else None,
            ),
            updated_seq=max(r.seq for r in rows),
            dossier={},
        )
        _save_meta(
            tx,
            story,
            central_article=central,
            n_articles=len(ids),
            sources=_sources(tx, ids),
            key_entities=_key_entities(tx, ids, weights),
        )
    return batch
