"""The exception tree. Everything newsdesk raises on purpose derives from NewsdeskError::

    NewsdeskError
    ├── InputError        one input item is unusable (file, record or line + reason);
    │   │                 the batch goes on and the exit code says something failed
    │   ├── DecodeError   bytes that are not text in any encoding we can trust
    │   ├── EmptyInput    nothing left after cleaning (empty file, page with no main text)
    │   └── AnalysisError a stage failed on one article (a bug): that article is not stored
    ├── StoreError        the store cannot be opened or written
    │   └── StoreMissing  there is no store there (and the command does not make one)
    └── NotFound          a story or article id that the store does not have
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base of every error newsdesk raises on purpose."""


class InputError(NewsdeskError):
    """One input item is unusable. ``origin`` names it (path, path:line, URL)."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class DecodeError(InputError):
    """Bytes that are not text (a binary file, an undecodable encoding)."""


class EmptyInput(InputError):
    """No text left: an empty file, or a page without main text."""


class AnalysisError(InputError):
    """A per-article stage raised on one article. It is a bug in newsdesk, not in the
    input, but one article must not cost a long ingest: the article is left out of the
    store (a rerun after the fix analyses it) and the rest of the batch goes on."""


class StoreError(NewsdeskError):
    """The store cannot be opened, migrated or written."""


class StoreMissing(StoreError):
    """No store at the path or URL given, and the caller asked not to create one."""


class NotFound(NewsdeskError):
    """An id the store does not have."""
