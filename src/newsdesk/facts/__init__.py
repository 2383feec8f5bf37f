"""Facts found in one article: events, quotes and figures, each with its span.

- ``quotes.find_quotes``: direct, mixed and indirect quotes with resolved speakers
  (quote marks in ``marks``, speakers and pronouns in ``speakers``);
- ``figures.find_figures`` (after quotes: a figure inside a quote is reported by its
  speaker): numbers with what they count, who reports them and as of when, plus flags
  for conversions that do not convert and parts that exceed their total;
- ``numbers``: number phrases (digits, words, vague plurals, bounds, ranges);
- ``events``: who did what to whom, where and when (PLOVER categories).
"""
