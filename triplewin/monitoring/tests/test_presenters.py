"""How the background work page words durations and errors."""

from __future__ import annotations

import datetime as dt

import pytest

from triplewin.monitoring.presenters import duration_words, error_message


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "less than a minute"),
        (59, "less than a minute"),
        (60, "1 minute"),
        (150, "2 minutes"),
        (3599, "59 minutes"),
        (3600, "1 hour"),
        (2 * 86400 - 1, "47 hours"),
        (2 * 86400, "2 days"),
        (-5, "less than a minute"),  # a clock a little ahead of the database's
    ],
)
def test_duration_words(seconds: int, words: str) -> None:
    assert duration_words(dt.timedelta(seconds=seconds)) == words


@pytest.mark.parametrize(
    ("class_path", "traceback", "message"),
    [
        (
            "builtins.ValueError",
            'Traceback (most recent call last):\n  File "x.py", line 1\nValueError: bad date\n',
            "bad date",
        ),
        (
            "django.db.utils.OperationalError",
            "Traceback …\ndjango.db.utils.OperationalError: could not connect\nis it running?\n",
            "could not connect\nis it running?",
        ),
        ("builtins.KeyboardInterrupt", "Traceback …\nKeyboardInterrupt\n", ""),
        ("app.Odd", "something unexpected", "something unexpected"),
        ("app.Odd", "", ""),
    ],
)
def test_error_message_is_what_follows_the_class_name(
    class_path: str, traceback: str, message: str
) -> None:
    assert error_message(class_path=class_path, traceback=traceback) == message


def test_a_chained_exception_gives_the_last_one() -> None:
    traceback = (
        "Traceback …\nKeyError: 'x'\n\nDuring handling of the above exception, another "
        "exception occurred:\n\nTraceback …\nRuntimeError: gave up\n"
    )
    assert error_message(class_path="builtins.RuntimeError", traceback=traceback) == "gave up"


def test_a_long_message_is_cut() -> None:
    traceback = "RuntimeError: " + "x" * 2000
    assert len(error_message(class_path="builtins.RuntimeError", traceback=traceback)) == 500
