"""Is an uploaded file really a usable PDF? Judged by its content, never by its name."""

from __future__ import annotations

from triplewin.core import uploads

PDF_MAGIC = b"%PDF-"


def too_large(max_bytes: int) -> str:
    return f"The file is larger than {max_bytes // (1024 * 1024)} MB. Upload a smaller PDF."


def pdf_problem(content: bytes, *, max_bytes: int) -> str | None:
    """A plain-English reason the file is refused, or None when it is a readable PDF."""
    if not content:
        return "The file is empty. Choose the signed agreement, saved as a PDF."
    if len(content) > max_bytes:
        return too_large(max_bytes)
    if not content.startswith(PDF_MAGIC):
        return (
            "The file is not a PDF. Upload the signed agreement as a PDF; renaming an image "
            "or a document to end in .pdf does not make it one."
        )
    try:
        pages = uploads.pdf_pages(content)
    except uploads.Refused as refused:
        return str(refused)
    if pages == 0:
        return "The PDF has no pages. Upload the complete signed agreement."
    return None
