"""Small wording helpers shared by presenters, messages and templates."""

from __future__ import annotations


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """'1 rule', '2 rules', '0 rules': the number with the noun in the right form.

    The plural defaults to the singular plus 's'; give it for irregular nouns ('1 person',
    '3 people').
    """
    noun = singular if number == 1 else (plural if plural is not None else f"{singular}s")
    return f"{number:,} {noun}"


def one_line(text: str) -> str:
    """Text typed by people, with every run of whitespace (line breaks too) made one space.

    Email headers cannot carry line breaks, and a subject built from a title must not.
    """
    return " ".join(text.split())
