"""The public API is what ``__all__`` says, and ``__all__`` is honest."""

import inspect

import newsdesk


def test_all_names_exist():
    missing = [n for n in newsdesk.__all__ if not hasattr(newsdesk, n)]
    assert missing == []


def test_every_public_name_is_in_all():
    public = {
        n
        for n, v in vars(newsdesk).items()
        if not n.startswith("_") and not inspect.ismodule(v)
    }
    assert public == set(newsdesk.__all__)
