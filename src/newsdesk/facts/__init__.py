"""Facts found in one article: events, quotes and figures, each with its span."""
