"""The order of stages, in one place.

    read ──► clean ──► annotate (spaCy) ──► ARTICLE_STAGES ──► store ──► CORPUS_STAGES
    Document  Article     Doc                 Analysis          one transaction per batch

Per-article stages are functions ``(Analysis, spacy Doc) -> Analysis``; they see one
article and nothing else, so batches of them run in worker processes (``jobs``).

Corpus stages are functions ``(Tx, Batch) -> Batch``; they run in the same transaction
that stores the batch, against everything already in the store, so a crash leaves neither
an article without its story nor a story without its article, and a rerun resumes.

Articles already in the store (same content id) are not analysed again: their new
sources are recorded and they count as "seen".
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace

from newsdesk.clean import clean_document
from newsdesk.corpus import compare, refresh, relate, stories
from newsdesk.errors import AnalysisError, InputError
from newsdesk.facts import events, figures, main, quotes
from newsdesk.facts.headline import titles_parsed
from newsdesk.model import Analysis, Article, Document
from newsdesk.nlp import dates, entities, resolve
from newsdesk.nlp.model import load_nlp
from newsdesk.nlp.places import resolve_places
from newsdesk.store import Store, Tx

ArticleStage = Callable[[Analysis, object], Analysis]

# Stages that need English. Articles in other languages keep their clean text and
# metadata, and a note says what was skipped.
ARTICLE_STAGES: tuple[ArticleStage, ...] = (
    entities.find_mentions,  # spaCy entities -> mentions and literal entities
    resolve_places,  # toponyms -> places with coordinates (offline gazetteer, resolved by context)
    resolve.resolve_entities,  # mentions -> canonical entities (aliases, demonyms, metonymy, roles)
    dates.resolve_dates,  # time expressions -> dates against the publication date
    quotes.find_quotes,  # direct, mixed and indirect quotes with resolved speakers
    figures.find_figures,  # figures: quantity, subject, reported_by, as_of; unit/total flags
    events.find_events,  # PLOVER events: actor, recipient, place, time, toll, modality
    main.find_main,  # the main event: who, what, where, when of the lead (the headline parsed on its own)
)


@dataclass(frozen=True, slots=True)
class Batch:
    """What the corpus stages pass along: the batch's new articles and what they touched."""

    new_ids: tuple[str, ...]
    touched_stories: frozenset[str] = frozenset()


CorpusStage = Callable[[Tx, Batch], Batch]

CORPUS_STAGES: tuple[CorpusStage, ...] = (
    relate.relate,  # near copies, rewrites, shared passages; which came first (relate.original_of)
    stories.assign,  # each new article joins a story or starts one
    resolve.join_people,  # per touched story: "Stepanyan" in one article joins "Gegham Stepanyan" of another
    refresh.refresh,  # recompute the touched stories' titles, dates and dossiers
    compare.compare,  # per touched story: figures judged, quotes by speaker, timeline, summary
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Options of a run. ``jobs`` > 1 analyses articles in that many worker processes."""

    jobs: int = 1
    batch_size: int = 32


@dataclass(slots=True)
class IngestReport:
    new: int = 0
    seen: int = 0
    failed: list[InputError] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.failed


def _is_english(article: Article) -> bool:
    return article.language is None or article.language.startswith("en")


def analyse(articles: list[Article]) -> list[Analysis]:
    """Run the per-article stages over a batch (in this process). A stage that raises
    raises here: for the library and the evals, a bug must show."""
    analyses, _ = _analyse(articles, keep_going=False)
    return analyses


# (article id, the reason): plain data, so that it comes back from a worker process
# (an exception with two arguments of its own does not unpickle).
Failure = tuple[str, str]


def _analyse(articles: list[Article], *, keep_going: bool = True) -> tuple[list[Analysis], list[Failure]]:
    """``analyse``, and with ``keep_going`` an article whose stage raises is left out and
    named in the failures instead: what ``ingest`` runs, so that one article that trips a
    bug does not abort a night's ingest."""
    nlp = load_nlp()
    english = [a for a in articles if _is_english(a)]
    docs = dict(zip((a.id for a in english), nlp.pipe(a.text for a in english), strict=True))
    out: list[Analysis] = []
    failures: list[Failure] = []
    with titles_parsed(english):  # for find_main, in one batch
        for article in articles:
            analysis = Analysis(article=article)
            doc = docs.get(article.id)
            if doc is None:
                out.append(replace(analysis, notes=(f"language {article.language}: English-only stages skipped",)))
                continue
            try:
                for stage in ARTICLE_STAGES:
                    analysis = stage(analysis, doc)
            except Exception as exc:  # noqa: BLE001 - any bug in a stage, reported per article
                if not keep_going:
                    raise
                failures.append((article.id, f"{_stage_name(stage)} failed: {type(exc).__name__}: {exc}"))
                continue
            out.append(analysis)
    return out, failures


def _stage_name(stage: ArticleStage) -> str:
    return f"{stage.__module__.removeprefix('newsdesk.')}.{stage.__name__}"


def _batched(items: Iterable, n: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, n)):
        yield chunk


def split_evenly(items: list, n: int) -> list[list]:
    """``items`` in at most ``n`` consecutive, non-empty parts whose sizes differ by one at
    most: one part per worker. (Parts of ``len // n`` left a short extra part: 33 articles
    on 2 workers took the time of 3 parts of 16.)"""
    size, extra = divmod(len(items), max(1, n))
    bounds = [i * size + min(i, extra) for i in range(max(1, n) + 1)]
    return [items[a:b] for a, b in itertools.pairwise(bounds) if b > a]


def ingest(
    items: Iterable[Document | InputError],
    store: Store,
    settings: Settings = Settings(),
    *,
    on_item: Callable[[Document | InputError], None] | None = None,
) -> IngestReport:
    """Clean, analyse and store ``items``; one transaction per batch.

    With worker processes, the next batch is analysed while this one is stored and its
    corpus stages run (which take this process as long as the workers take to analyse
    it, on long news), and the record is the same as one batch after another: what a
    batch reuses or skips is decided again against the store as it stands when the batch
    is stored (``_store_batch``).

    ``on_item`` is called once per input item as it is consumed (for progress bars).
    """
    report = IngestReport()
    pool = ProcessPoolExecutor(max_workers=settings.jobs) if settings.jobs > 1 else None
    waiting: _Prepared | None = None
    try:
        for chunk in _batched(items, settings.batch_size):
            prepared = _prepare_batch(chunk, store, report, pool, settings)
            if waiting is not None:
                _store_batch(waiting, store, report, on_item)
                prepared.stale = True  # the batch before was stored after this one was prepared
            waiting = prepared
            if pool is None:  # nothing runs meanwhile: store it now
                _store_batch(waiting, store, report, on_item)
                waiting = None
        if waiting is not None:
            _store_batch(waiting, store, report, on_item)
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    return report


@dataclass(slots=True)
class _Prepared:
    """A batch cleaned, checked against the store, and analysed or being analysed."""

    chunk: list
    cleaned: list[tuple[Document, Article]]
    fresh: dict[str, Article]  # new content ids, in input order
    reused: list[Analysis]
    analyses: list[Analysis] | None = None  # done in this process
    futures: list = field(default_factory=list)  # or in the workers
    failures: list[Failure] = field(default_factory=list)  # articles a stage failed on
    stale: bool = False  # another batch was stored since: decide again what is new or reused


def _prepare_batch(chunk, store: Store, report: IngestReport, pool, settings: Settings) -> _Prepared:
    cleaned: list[tuple[Document, Article]] = []
    for item in chunk:
        if isinstance(item, InputError):
            report.failed.append(item)
            continue
        try:
            cleaned.append((item, clean_document(item)))
        except InputError as err:
            report.failed.append(err)
        except RecursionError:  # HTML nested deeper than a parser's recursion: this item only
            report.failed.append(InputError(item.origin, "nested too deep to read (HTML or JSON nesting)"))
    with store.read() as tx:
        known = tx.existing_ids(a.id for _, a in cleaned)
        fresh: dict[str, Article] = {}
        for _, article in cleaned:
            if article.id not in known:
                fresh.setdefault(article.id, article)
        # A near copy of a stored article (a trimmed or re-headlined wire story) takes the
        # original's annotations, remapped to its own text, instead of running spaCy again.
        reused = [r for a in fresh.values() if (r := relate.reuse_annotations(tx, a)) is not None]
    done = {r.article.id for r in reused}
    todo = [a for a in fresh.values() if a.id not in done]
    prepared = _Prepared(chunk, cleaned, fresh, reused)
    if pool and len(todo) > 1:
        prepared.futures = [pool.submit(_analyse, part) for part in split_evenly(todo, settings.jobs)]
    else:
        prepared.analyses, prepared.failures = _analyse(todo)
    return prepared


def _store_batch(prepared: _Prepared, store: Store, report: IngestReport, on_item) -> None:
    if prepared.analyses is None:
        results = [future.result() for future in prepared.futures]
        prepared.analyses = [a for analyses, _ in results for a in analyses]
        prepared.failures = [f for _, failures in results for f in failures]
    failed = dict(prepared.failures)
    with store.begin() as tx:
        fresh = {i: a for i, a in prepared.fresh.items() if i not in failed}
        by_id = {a.article.id: a for a in (*prepared.analyses, *prepared.reused)}
        if prepared.stale:
            # Decided again as one batch after another would: the batch before may have
            # stored one of these articles, or a better original for a near copy.
            stored = tx.existing_ids(fresh)
            fresh = {i: a for i, a in fresh.items() if i not in stored}
            for i, article in fresh.items():
                if (reused := relate.reuse_annotations(tx, article)) is not None:
                    by_id[i] = reused
        analyses = [by_id[i] for i in fresh]  # input order: it is the store's order of arrival
        seq = tx.next_seq()
        for offset, analysis in enumerate(analyses):
            tx.save_analysis(analysis, seq=seq + offset)
        for doc, article in prepared.cleaned:
            if article.id not in failed:
                tx.add_source(article.id, doc)
        batch = Batch(new_ids=tuple(a.article.id for a in analyses))
        for stage in CORPUS_STAGES:
            batch = stage(tx, batch)
    lost = [AnalysisError(doc.origin or a.id, failed[a.id]) for doc, a in prepared.cleaned if a.id in failed]
    report.new += len(analyses)
    report.failed += lost
    report.seen += len(prepared.cleaned) - len(analyses) - len(lost)
    report.stories |= batch.touched_stories
    if on_item:
        for item in prepared.chunk:
            on_item(item)
