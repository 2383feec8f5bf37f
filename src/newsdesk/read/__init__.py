"""Readers: turn what the user points at into ``Document`` items.

``read_inputs(["a.txt", "folder/", "*.jsonl", "-"])`` yields, in order, a ``Document`` for
each usable item and an ``InputError`` (as a value, not raised) for each unusable one, so
that one bad file never stops a batch. Each input kind has its own module.
"""

from __future__ import annotations

from newsdesk.read.files import Item, expand_paths, read_inputs

__all__ = ["Item", "expand_paths", "read_inputs"]
