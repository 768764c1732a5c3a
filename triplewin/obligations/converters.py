"""A calendar year in a URL: four digits, so a huge number can never reach the database."""

from __future__ import annotations


class Year:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{value:04d}"
