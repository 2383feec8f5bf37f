"""The public API is what ``__all__`` says, and ``__all__`` is honest."""

import inspect

import pytest

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


def test_analyse_text_refuses_a_published_value_that_is_not_a_date():
    with pytest.raises(newsdesk.InputError, match="'yesterday' is not a date"):
        newsdesk.analyse_text("Officials said on Monday that 12 people died.", published="yesterday")
