"""Independent sources: copies of one original (exact, near, rewritten) are one source.

``origins`` follows copy -> source links to each article's original (union-find: ``union``,
``find``), by which a story counts independent sources, its events' support and whose
figures set against whose (``corpus.verdicts``, ``corpus.story_events``).
"""

from __future__ import annotations

from collections.abc import Iterable

from newsdesk.model import Relation

# Relations that make one article a retelling of another: they share one origin, so
# they are one independent source (a wire story run by twenty outlets is one source).
DERIVED = frozenset({"exact_copy", "near_copy", "rewrite"})


def origins(article_ids: Iterable[str], relations: Iterable[Relation]) -> dict[str, str]:
    """Each article's original: follow copy -> source links to the root (union-find)."""
    parent = {i: i for i in article_ids}
    for r in relations:
        if r.kind in DERIVED and r.source in parent and r.copy in parent:
            union(parent, r.source, r.copy)
    return {i: find(parent, i) for i in parent}


def find(parent: dict, x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def union(parent: dict, a, b) -> None:
    """Union: ``b``'s group joins ``a``'s (the first keeps its root)."""
    ra, rb = find(parent, a), find(parent, b)
    if ra != rb:
        parent[rb] = ra
