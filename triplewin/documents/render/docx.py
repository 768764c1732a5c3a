"""Word output through python-docx: real headings, bordered tables and page numbers.

Built so that a lawyer can edit it: styles rather than direct formatting where Word has one
(Title, Heading 1/2, Table Grid), placeholders highlighted yellow, and a footer that numbers
pages with Word's own PAGE and NUMPAGES fields.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from triplewin.documents.presenters import DocumentView, Row, text_direction

NHS_BLUE = RGBColor(0x00, 0x5E, 0xB8)
GREY = RGBColor(0x4C, 0x62, 0x72)
RED = RGBColor(0xD5, 0x28, 0x1B)
FONT = "Liberation Sans"
LABEL_WIDTH, VALUE_WIDTH = Cm(5.4), Cm(11.6)
LABEL_FILL = "E8EDEE"  # NHS pale grey behind the labels, as in the PDF
HEADING_IDS = {0: "Title", 1: "Heading1", 2: "Heading2"}


def _mark_rtl(paragraph: Any) -> None:
    bidi = OxmlElement("w:bidi")
    paragraph._p.get_or_add_pPr().append(bidi)
    for run in paragraph.runs:
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))


def _lines(paragraph: Any, text: str) -> None:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        if i < len(lines) - 1:
            run.add_break()
    if text_direction(text) == "rtl":
        _mark_rtl(paragraph)


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the document out."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, separate, placeholder, end):
        run._r.append(element)


def _styles(doc: Any) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-GB")
    normal.element.rPr.append(language)
    for name, size in (("Title", 24), ("Heading 1", 15), ("Heading 2", 12)):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = NHS_BLUE
        style.font.bold = True


def _header_footer(doc: Any, view: DocumentView) -> None:
    section = doc.sections[0]
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.left_margin = section.right_margin = Cm(2)
    header = section.header.paragraphs[0]
    _lines(header, view.running_header)
    for run in header.runs:
        run.font.size, run.font.color.rgb = Pt(8), GREY
    # The reference and date of preparation on every page, as the PDF's top-right corner.
    imprint = section.header.add_paragraph()
    run = imprint.add_run(view.imprint_text)
    run.font.size, run.font.bold = Pt(8), True
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    footer.add_run(f" · {view.footer_text}")
    for run in footer.runs:
        run.font.size = Pt(7.5)


def _cell_text(cell: Any, row: Row) -> None:
    paragraph = cell.paragraphs[0]
    if row.marker == "placeholder":
        run = paragraph.add_run(row.marker_text)
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        run.font.bold = True
    elif row.marker == "missing":
        run = paragraph.add_run(row.marker_text)
        run.font.bold = True
        run.font.color.rgb = RED
    elif row.marker == "optional":
        paragraph.add_run(row.marker_text).font.color.rgb = GREY
    else:
        _lines(paragraph, row.value)


def _paragraph(doc: Any, style_id: str = "") -> Any:
    # Styles are set by id: python-docx's lookup by name scans every style each time, which
    # made a full PID several times slower to build.
    paragraph = doc.add_paragraph()
    if style_id:
        paragraph._p.style = style_id
    return paragraph


def _heading(doc: Any, text: str, level: int) -> None:
    _lines(_paragraph(doc, HEADING_IDS[level]), text)


def _shade(cell: Any) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), LABEL_FILL)
    cell._tc.get_or_add_tcPr().append(shading)


def _cell_margins(table: Any) -> None:
    """Room around the text in every cell, as a table style would give (in twentieths of a pt)."""
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("top", 50), ("bottom", 50), ("left", 100), ("right", 100)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(width))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _table(doc: Any, rows: list[tuple[str, Row]]) -> None:
    # The container's add_table, unlike the document's, skips the slow default-style lookup.
    table = doc._body.add_table(len(rows), 2, doc._block_width)
    table._tbl.tblPr.style = "TableGrid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _cell_margins(table)
    for column, width in zip(table.columns, (LABEL_WIDTH, VALUE_WIDTH), strict=True):
        column.width = width
    for (label, row), cells in zip(rows, table.rows, strict=True):
        left, right = cells.cells
        left.width, right.width = LABEL_WIDTH, VALUE_WIDTH
        _shade(left)
        label_paragraph = left.paragraphs[0]
        _lines(label_paragraph, label)
        for run in label_paragraph.runs:
            run.font.bold = True
        _cell_text(right, row)
    _paragraph(doc)


def render_docx(view: DocumentView) -> bytes:
    doc = new_docx()
    _styles(doc)
    _header_footer(doc, view)
    doc.core_properties.title = f"{view.document.title}: {view.document.project}"[:255]
    doc.core_properties.subject = view.subject_text[:255]
    doc.core_properties.keywords = f"sha256:{view.content_hash}"
    doc.core_properties.author = view.author_text[:255]
    doc.core_properties.language = "en-GB"
    if view.reference:
        doc.core_properties.identifier = view.reference
    _lines(_paragraph(doc), view.document.project)
    _heading(doc, view.document.title, 0)
    if view.document.subtitle:
        _lines(_paragraph(doc), view.document.subtitle)
    meta = [
        *([("Document reference", view.reference)] if view.reference else []),
        ("Date of preparation", view.prepared_text),
        ("Version", view.version_text),
        ("Status", view.status_text),
        *([("Sign-off", view.sign_off_text)] if view.sign_off_text else []),
        ("Content hash (SHA-256)", view.content_hash),
    ]
    _table(doc, [(label, Row(label, value, "", "")) for label, value in meta])
    for s in view.sections:
        title = s.title + (" (incomplete)" if s.is_incomplete and view.is_draft else "")
        _heading(doc, title, min(s.level, 2))
        if s.intro:
            intro = _paragraph(doc)
            run = intro.add_run(s.intro)
            run.font.italic, run.font.color.rgb = True, GREY
        if s.rows:
            _table(doc, [(r.label, r) for r in s.rows])
        elif s.note:
            run = _paragraph(doc).add_run(s.note)
            if s.is_incomplete:
                run.font.bold, run.font.color.rgb = True, RED
            else:
                run.font.color.rgb = GREY
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
