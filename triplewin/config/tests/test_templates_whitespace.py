"""Text kept with its line breaks (`tw-pre`) never includes the template's own indentation.

`.tw-pre` sets `white-space: pre-wrap`, so everything between its element's tags is shown as
written, including the newline and spaces a template puts before `{{ value }}`. On a table cell
that indents the text and leaves blank lines (the review saw it on the contributions, plans,
conflicts register and meeting actions pages). The class therefore goes on an element whose
content starts and ends with the value itself, or whose template whitespace is trimmed with
`{%-` / `-%}`: this test reads every template and fails on any other use.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OPENING = re.compile(r"<([a-z][a-z0-9]*)\b[^>]*\bclass=\"[^\"]*\btw-pre\b[^\"]*\"[^>]*>")
TRIMMED_START = ("{%-", "{{-", "{#-")
TRIMMED_END = ("-%}", "-}}", "-#}")


def _content(source: str, tag: str, start: int) -> str:
    """The text between an opening tag (ending at `start`) and its matching closing tag."""
    depth = 1
    for match in re.compile(rf"<(/?){tag}\b[^>]*>").finditer(source, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return source[start : match.start()]
    raise AssertionError(f"<{tag}> is never closed")


def problems_in(source: str) -> list[str]:
    found = []
    for match in OPENING.finditer(source):
        content = _content(source, match.group(1), match.end())
        line = source.count("\n", 0, match.start()) + 1
        stripped_start = content.lstrip()
        if content[:1].isspace() and not stripped_start.startswith(TRIMMED_START):
            found.append(f"line {line}: whitespace before the text of <{match.group(1)}>")
        stripped_end = content.rstrip()
        if content[-1:].isspace() and not stripped_end.endswith(TRIMMED_END):
            found.append(f"line {line}: whitespace after the text of <{match.group(1)}>")
    return found


def test_the_check_finds_indented_text_and_accepts_the_safe_forms() -> None:
    assert problems_in('<td class="a tw-pre">\n  {{ x }}\n</td>') == [
        "line 1: whitespace before the text of <td>",
        "line 1: whitespace after the text of <td>",
    ]
    assert problems_in('<td class="tw-pre">{{ x }}</td>') == []
    assert problems_in('<td class="tw-pre">\n  {%- if y %}{{ x }}{% endif -%}\n</td>') == []
    assert problems_in('<td class="a">\n <span class="tw-pre">{{ x }}</span>\n</td>') == []
    assert problems_in('<p class="tw-pre"><p>{{ x }}</p> </p>') == [
        "line 1: whitespace after the text of <p>"
    ]


TEMPLATES = sorted(ROOT.glob("**/jinja2/**/*.jinja"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_indents_text_kept_with_its_line_breaks(template: Path) -> None:
    assert problems_in(template.read_text()) == []


def test_every_template_was_read() -> None:
    assert len(TEMPLATES) > 100
