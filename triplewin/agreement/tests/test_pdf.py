"""The PDF check reads content, never the file name."""

from __future__ import annotations

import pytest

from triplewin.agreement.pdf import pdf_problem
from triplewin.agreement.tests.conftest import pdf_bytes

LIMIT = 10 * 1024 * 1024
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "The file is empty"),
        (PNG, "The file is not a PDF"),
        (b"Dear all, please find the agreement attached.", "The file is not a PDF"),
        (b" %PDF-1.7 leading space", "The file is not a PDF"),
        (b"%PDF-1.4\nthis is not really a PDF", "could not be opened"),
        (pdf_bytes()[:200], "could not be opened"),
        (pdf_bytes(password="secret"), "protected by a password"),
        (pdf_bytes(pages=0), "has no pages"),
        (b"%PDF-" + b"0" * LIMIT, "larger than 10 MB"),
    ],
)
def test_refused(content, expected):
    problem = pdf_problem(content, max_bytes=LIMIT)
    assert problem is not None
    assert expected in problem


def test_a_real_pdf_passes():
    assert pdf_problem(pdf_bytes(pages=2), max_bytes=LIMIT) is None
