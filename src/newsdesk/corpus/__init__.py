"""Corpus-level stages: they run against the store, incrementally, one batch at a time."""
