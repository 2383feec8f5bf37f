"""Ingest jobs started from the browser or the API, run in a background thread.

A job is the library's ``ingest`` over a list of items; its progress (items done out of
the total) is polled by the page. An item may be a URL (a ``str``): it is fetched in the
job's thread, never in the request, and the total grows by the entries a feed yields.
Jobs live in memory: they are a view of work in progress, while what they ingest is in
the store.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsdesk.errors import InputError
from newsdesk.model import Document
from newsdesk.pipeline import Settings, ingest
from newsdesk.read import read_inputs
from newsdesk.store import Store

# Finished jobs kept for polling; older ones are forgotten.
KEEP_JOBS = 200


@dataclass
class Job:
    id: str
    total: int
    state: str = "queued"  # queued | running | done | error
    done: int = 0
    new: int = 0
    seen: int = 0
    failed: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    error: str | None = None

    def as_dict(self) -> dict:
        fields = ("id", "state", "total", "done", "new", "seen", "failed", "stories", "error")
        return {k: getattr(self, k) for k in fields}


class Jobs:
    def __init__(self, store: Store, settings: Settings = Settings()) -> None:
        self.store = store
        self.settings = settings
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        # One ingest at a time: the store has one writer, and the machine few cores.
        self._writer = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def start(self, items: list[Document | InputError | str]) -> Job:
        job = Job(id=uuid.uuid4().hex[:12], total=len(items))
        with self._lock:
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-KEEP_JOBS]:
                del self._jobs[old]
        threading.Thread(target=self._run, args=(job, items), daemon=True).start()
        return job

    def _run(self, job: Job, items: list) -> None:
        def step(_item) -> None:
            job.done += 1

        with self._writer:
            job.state = "running"
            try:
                report = ingest(_fetched(job, items), self.store, self.settings, on_item=step)
            except Exception as exc:  # a job must end in a state the page can show
                job.state, job.error = "error", f"{type(exc).__name__}: {exc}"
                return
        job.new, job.seen = report.new, report.seen
        job.failed = [str(e) for e in report.failed]
        job.stories = sorted(report.stories)
        job.state = "done"


def _fetched(job: Job, items: list) -> Iterator[Document | InputError]:
    """The items, each URL replaced by what it yields (a page, a feed's entries, an error)."""
    for item in items:
        if not isinstance(item, str):
            yield item
            continue
        found = list(read_inputs([item]))
        job.total += len(found) - 1
        yield from found
