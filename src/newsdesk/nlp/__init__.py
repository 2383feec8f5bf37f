"""Language processing: the spaCy pipeline and what resolves its output to the record."""
