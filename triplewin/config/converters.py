"""URL converters that refuse values the database could never hold.

Django's built-in `int` converter accepts any number of digits, and a 30-digit id makes the
database driver raise an overflow error (a 500). Eighteen digits fit every 64-bit key.
"""

from __future__ import annotations


class RecordId:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
