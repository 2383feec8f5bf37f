"""The JSON Schema of the export contract (docs/export.md)."""
