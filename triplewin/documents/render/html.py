"""The standalone HTML a PDF is printed from: the page's document markup plus print CSS."""

from __future__ import annotations

from django.template.loader import render_to_string

from triplewin.documents.presenters import DocumentView


def printable_html(view: DocumentView) -> str:
    return render_to_string("documents/print.jinja", {"view": view})
