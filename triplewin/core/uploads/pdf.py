"""Opening an uploaded PDF within limits: its page count is read before its pages are walked.

pypdf 7 has limits of its own; here they are tightened to what a signed agreement needs.
Only the document's structure is read (the trailer, the catalogue and the page tree); page
contents are never decoded.
"""

from __future__ import annotations

import io
from functools import cache

from pypdf import Configuration, PdfReader, apply_configuration
from pypdf.errors import LimitReachedError

from triplewin.core.uploads.caps import MAX_PDF_PAGES, MAX_PDF_UNPACKED, Refused

DAMAGED = "The PDF could not be opened; it may be damaged. Save it again and upload it."
TOO_MANY_PAGES = (
    f"The PDF has more than {MAX_PDF_PAGES:,} pages. Upload the signed agreement on its own."
)
TOO_COMPLEX = (
    "The PDF is built in a way that would take too long to read; it may be damaged. Print it "
    "to a new PDF and upload that."
)

# pypdf's limits, tightened: the page tree may hold a few entries more than the pages allowed
# (its intermediate nodes), and no compressed stream may unpack to more than our limit.
_LIMITS = {
    "page_tree_maximum_entries": 2 * MAX_PDF_PAGES,
    "page_tree_maximum_page_entries": 100 * MAX_PDF_PAGES,
    "page_tree_maximum_depth": 32,
    **dict.fromkeys(
        (
            "maximum_declared_stream_length",
            "array_based_stream_maximum_output_length",
            "jbig2_maximum_output_length",
            "lzw_maximum_output_length",
            "run_length_maximum_output_length",
            "zlib_maximum_output_length",
            "brotli_maximum_output_length",
            "image_maximum_buffer_size",
        ),
        MAX_PDF_UNPACKED,
    ),
}


@cache
def _configuration() -> Configuration:
    return Configuration().with_overwrites(**_LIMITS)


def _limit_reached(error: BaseException | None) -> bool:
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, LimitReachedError):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def pdf_pages(content: bytes) -> int:
    """The page count of a readable PDF with no password; raises `Refused` otherwise."""
    try:
        with apply_configuration(_configuration()):
            reader = PdfReader(io.BytesIO(content))
            if reader.is_encrypted:
                raise Refused(
                    "The PDF is protected by a password. Upload a copy without a password."
                )
            # The declared count is cheap to read; the walk below checks it is true.
            declared = reader.root_object["/Pages"]["/Count"]  # type: ignore[index]
            if isinstance(declared, int) and declared > MAX_PDF_PAGES:
                raise Refused(TOO_MANY_PAGES)
            pages = len(reader.pages)
    except Refused:
        raise
    except Exception as error:
        # pypdf raises many kinds of error for damaged files; each means the same to the user,
        # except a limit reached, which it often reports wrapped in another error.
        raise Refused(TOO_COMPLEX if _limit_reached(error) else DAMAGED) from None
    if pages > MAX_PDF_PAGES:
        raise Refused(TOO_MANY_PAGES)
    return pages
