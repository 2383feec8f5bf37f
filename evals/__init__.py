"""Quality measured on the annotated corpora in ``../shared/corpora``: numbers, not pass/fail.

Run ``python -m evals NAME`` (``python -m evals --list`` names them). Each eval module
has ``run(corpora: Path) -> dict[str, float]``: it prints its metrics beside the anchor's
published figure and returns them. ``evals/baseline.json`` holds quality floors that the
numbers have reached; a run below a floor exits non-zero. Floors are raised, never
lowered silently: lowering one is a reviewed change to that file.
"""
