"""Strict parsing of environment variables.

A malformed value stops start-up with a message naming the variable, what was found and
what is accepted. Silent fallbacks hide configuration mistakes in production.
"""

from __future__ import annotations

import builtins
import os
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
REDIS_SCHEMES = ("redis", "rediss")
HEADER_NAME = re.compile(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*")
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


class EnvError(Exception):
    """Raised when an environment variable is present but malformed."""


class Env:
    def __init__(self, source: Mapping[builtins.str, builtins.str] | None = None) -> None:
        self._source = os.environ if source is None else source

    def _raw(self, name: builtins.str) -> builtins.str | None:
        value = self._source.get(name)
        if value is None or value.strip() == "":
            return None
        return value.strip()

    def str(self, name: builtins.str, default: builtins.str) -> builtins.str:
        raw = self._raw(name)
        return default if raw is None else raw

    def optional_str(self, name: builtins.str) -> builtins.str | None:
        return self._raw(name)

    def required_str(self, name: builtins.str) -> builtins.str:
        raw = self._raw(name)
        if raw is None:
            raise EnvError(f"{name} must be set.")
        return raw

    def bool(self, name: builtins.str, default: builtins.bool) -> builtins.bool:
        raw = self._raw(name)
        if raw is None:
            return default
        lowered = raw.lower()
        if lowered in TRUE_WORDS:
            return True
        if lowered in FALSE_WORDS:
            return False
        raise EnvError(
            f"{name}={raw!r} is not a yes/no value. Use one of: "
            f"{', '.join(sorted(TRUE_WORDS | FALSE_WORDS))}."
        )

    def int(
        self, name: builtins.str, default: builtins.int, *, minimum: builtins.int | None = None
    ) -> builtins.int:
        raw = self._raw(name)
        if raw is None:
            return default
        if not raw.lstrip("-").isdigit():
            raise EnvError(f"{name}={raw!r} is not a whole number.")
        value = int(raw)
        if minimum is not None and value < minimum:
            raise EnvError(f"{name}={value} is below the minimum of {minimum}.")
        return value

    def list(
        self, name: builtins.str, default: builtins.list[builtins.str]
    ) -> builtins.list[builtins.str]:
        raw = self._raw(name)
        if raw is None:
            return list(default)
        items = [item.strip() for item in raw.split(",")]
        if any(item == "" for item in items):
            raise EnvError(f"{name}={raw!r} has an empty item; separate values with single commas.")
        return items

    def choice(
        self, name: builtins.str, default: builtins.str, choices: tuple[builtins.str, ...]
    ) -> builtins.str:
        raw = self._raw(name)
        if raw is None:
            return default
        if raw not in choices:
            raise EnvError(f"{name}={raw!r} is not one of: {', '.join(choices)}.")
        return raw

    def redis_url(self, name: builtins.str) -> builtins.str | None:
        """A redis:// or rediss:// URL with a host, an optional port and database number."""
        raw = self._raw(name)
        if raw is None:
            return None
        shape = "Use redis://host:port/db, for example redis://127.0.0.1:6379/0."
        parts = urlsplit(raw)
        if parts.scheme not in REDIS_SCHEMES:
            raise EnvError(f"{name} must start with redis:// or rediss://. {shape}")
        try:
            port = parts.port
        except ValueError:
            port = -1
        if not parts.hostname or port == -1:
            raise EnvError(f"{name} has no valid host and port. {shape}")
        database = parts.path.lstrip("/")
        if database and not database.isdigit():
            raise EnvError(f"{name} names database {database!r}, which is not a number. {shape}")
        if parts.query or parts.fragment:
            raise EnvError(f"{name} has a query or fragment, which is not used. {shape}")
        return raw

    def header(self, name: builtins.str) -> builtins.str | None:
        """An HTTP header name, as the request.META key Django files it under."""
        raw = self._raw(name)
        if raw is None:
            return None
        if not HEADER_NAME.fullmatch(raw):
            raise EnvError(f"{name}={raw!r} is not an HTTP header name such as X-Forwarded-For.")
        return "HTTP_" + raw.upper().replace("-", "_")
