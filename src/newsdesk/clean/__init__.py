"""Cleaning: a raw ``Document`` becomes the ``Article`` a reader sees.

The clean text is what every span in the record refers to, so it is fixed here and never
changed by a later stage.
"""

from __future__ import annotations

from newsdesk.clean.core import clean_document

__all__ = ["clean_document"]
