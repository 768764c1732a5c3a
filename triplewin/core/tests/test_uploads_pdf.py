"""Opening uploaded PDFs: the page count is capped before the pages are walked."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfWriter

from tests import hostile_files as hostile
from triplewin.core.uploads import Refused, caps, pdf_pages


def refusal(content: bytes) -> str:
    with pytest.raises(Refused) as caught:
        pdf_pages(content)
    return str(caught.value)


def test_a_readable_pdf_has_its_pages_counted() -> None:
    assert pdf_pages(hostile.pages_pdf(3)) == 3


def test_the_page_limit_is_exact() -> None:
    assert pdf_pages(hostile.pages_pdf(caps.MAX_PDF_PAGES)) == caps.MAX_PDF_PAGES
    assert refusal(hostile.pages_pdf(caps.MAX_PDF_PAGES + 1)) == (
        "The PDF has more than 1,000 pages. Upload the signed agreement on its own."
    )


def test_a_page_tree_that_understates_its_pages_is_stopped_while_walked() -> None:
    assert "would take too long to read" in refusal(hostile.pages_pdf(2_500, count=1))


def test_a_stream_that_unpacks_too_far_is_stopped() -> None:
    assert "would take too long to read" in refusal(hostile.xref_bomb_pdf())


def test_nesting_beyond_the_recursion_limit_is_a_damaged_file() -> None:
    assert "could not be opened; it may be damaged" in refusal(hostile.nested_pdf())


def test_a_pdf_with_a_password() -> None:
    writer = PdfWriter()
    writer.add_blank_page(10, 10)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "protected by a password" in refusal(buffer.getvalue())
