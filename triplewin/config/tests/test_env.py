"""Strict environment variable parsing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.config.env import FALSE_WORDS, TRUE_WORDS, Env, EnvError


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        ("True", True),
        ("YES", True),
        ("on", True),
        (" yes ", True),
        ("0", False),
        ("false", False),
        ("No", False),
        ("OFF", False),
    ],
)
def test_bool_accepts_words(raw: str, expected: bool) -> None:
    assert Env({"FLAG": raw}).bool("FLAG", default=not expected) is expected


@pytest.mark.parametrize("default", [True, False])
@pytest.mark.parametrize("source", [{}, {"FLAG": ""}, {"FLAG": "   "}])
def test_bool_default_when_unset_or_blank(source: dict[str, str], default: bool) -> None:
    assert Env(source).bool("FLAG", default) is default


@pytest.mark.parametrize("raw", ["maybe", "y", "2", "truthy", "nope"])
def test_bool_rejects_other_values(raw: str) -> None:
    with pytest.raises(EnvError, match=f"DEBUG_MODE='{raw}' is not a yes/no value") as info:
        Env({"DEBUG_MODE": raw}).bool("DEBUG_MODE", default=False)
    for word in TRUE_WORDS | FALSE_WORDS:
        assert word in str(info.value)


@given(st.sampled_from(sorted(TRUE_WORDS | FALSE_WORDS)), st.data())
def test_bool_is_case_insensitive(word: str, data: st.DataObject) -> None:
    mixed = "".join(c.upper() if data.draw(st.booleans()) else c.lower() for c in word)
    assert Env({"X": mixed}).bool("X", default=False) is (word in TRUE_WORDS)


@pytest.mark.parametrize(
    ("raw", "minimum", "expected"),
    [("42", None, 42), (" 7 ", None, 7), ("-3", None, -3), ("5", 5, 5), ("6", 1, 6)],
)
def test_int_parses(raw: str, minimum: int | None, expected: int) -> None:
    assert Env({"N": raw}).int("N", 0, minimum=minimum) == expected


def test_int_default_when_unset() -> None:
    assert Env({}).int("N", 8, minimum=1) == 8


@pytest.mark.parametrize("raw", ["abc", "1.5", "ten", "4e2"])
def test_int_rejects_non_numbers(raw: str) -> None:
    with pytest.raises(EnvError, match=f"WORKERS='{raw}' is not a whole number"):
        Env({"WORKERS": raw}).int("WORKERS", 1)


@pytest.mark.parametrize(("raw", "minimum"), [("0", 1), ("-1", 0), ("9", 10)])
def test_int_rejects_below_minimum(raw: str, minimum: int) -> None:
    with pytest.raises(EnvError, match=f"WORKERS={raw} is below the minimum of {minimum}"):
        Env({"WORKERS": raw}).int("WORKERS", 1, minimum=minimum)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a", ["a"]),
        ("a,b", ["a", "b"]),
        (" example.org , www.example.org ", ["example.org", "www.example.org"]),
    ],
)
def test_list_parses(raw: str, expected: list[str]) -> None:
    assert Env({"HOSTS": raw}).list("HOSTS", []) == expected


def test_list_default_is_a_copy() -> None:
    default = ["localhost"]
    result = Env({}).list("HOSTS", default)
    assert result == default
    result.append("x")
    assert default == ["localhost"]


@pytest.mark.parametrize("raw", ["a,,b", "a,", ",a", "a, ,b"])
def test_list_rejects_empty_items(raw: str) -> None:
    with pytest.raises(EnvError, match=r"HOSTS=.* has an empty item"):
        Env({"HOSTS": raw}).list("HOSTS", [])


def test_str_default_and_strip() -> None:
    env = Env({"NAME": "  value  ", "BLANK": "  "})
    assert env.str("NAME", "d") == "value"
    assert env.str("BLANK", "d") == "d"
    assert env.str("ABSENT", "d") == "d"


def test_required_str() -> None:
    assert Env({"SECRET_KEY": " s3cret "}).required_str("SECRET_KEY") == "s3cret"


@pytest.mark.parametrize("source", [{}, {"SECRET_KEY": ""}, {"SECRET_KEY": "  "}])
def test_required_str_missing(source: dict[str, str]) -> None:
    with pytest.raises(EnvError, match="SECRET_KEY must be set"):
        Env(source).required_str("SECRET_KEY")


CHOICES = ("console", "smtp")


@pytest.mark.parametrize(
    ("source", "expected"),
    [({}, "console"), ({"MAIL": "smtp"}, "smtp"), ({"MAIL": " console "}, "console")],
)
def test_choice(source: dict[str, str], expected: str) -> None:
    assert Env(source).choice("MAIL", "console", CHOICES) == expected


@pytest.mark.parametrize("raw", ["SMTP", "ses", "smtp,console"])
def test_choice_rejects_unknown(raw: str) -> None:
    with pytest.raises(EnvError, match=f"MAIL='{raw}' is not one of: console, smtp"):
        Env({"MAIL": raw}).choice("MAIL", "console", CHOICES)


def test_defaults_to_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIPLEWIN_TEST_FLAG", "yes")
    assert Env().bool("TRIPLEWIN_TEST_FLAG", default=False) is True


@pytest.mark.parametrize(
    "raw",
    [
        "redis://127.0.0.1:6379/0",
        "redis://127.0.0.1:6379",
        "rediss://user:secret@cache.example.net:6380/9",
        "redis://localhost/3",
    ],
)
def test_redis_url_accepts_redis_urls(raw: str) -> None:
    assert Env({"REDIS_URL": raw}).redis_url("REDIS_URL") == raw


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("127.0.0.1:6379", "must start with redis://"),
        ("http://127.0.0.1:6379/0", "must start with redis://"),
        ("redis://:6379/0", "no valid host and port"),
        ("redis://127.0.0.1:port/0", "no valid host and port"),
        ("redis://127.0.0.1:6379/cache", "not a number"),
        ("redis://127.0.0.1:6379/0?timeout=x", "query or fragment"),
    ],
)
def test_redis_url_refuses_malformed_values(raw: str, problem: str) -> None:
    with pytest.raises(EnvError, match=problem):
        Env({"REDIS_URL": raw}).redis_url("REDIS_URL")


def test_redis_url_is_none_when_unset() -> None:
    assert Env({}).redis_url("REDIS_URL") is None


def test_header_names_become_meta_keys() -> None:
    assert Env({"H": "X-Forwarded-For"}).header("H") == "HTTP_X_FORWARDED_FOR"
    assert Env({"H": "x-real-ip"}).header("H") == "HTTP_X_REAL_IP"
    assert Env({}).header("H") is None


@pytest.mark.parametrize("raw", ["X Forwarded For", "X-Forwarded-For:", "-X", "X_Real_IP"])
def test_header_refuses_what_is_not_a_header_name(raw: str) -> None:
    with pytest.raises(EnvError, match="not an HTTP header name"):
        Env({"H": raw}).header("H")
