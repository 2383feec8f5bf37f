"""newsdesk: one cross-checked record per news story, every fact traced to its sentences."""

__version__ = "0.1.0"
