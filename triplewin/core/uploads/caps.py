"""The limits every uploaded file is read within, each with the reason for its value.

Each limit is checked before the work it protects: the zip directory before anything is
unpacked, each XML part while it streams, the nesting of JSON before it is parsed, the page
count of a PDF before its pages are walked. Every refusal is one `Refused` error whose text is
the plain-English message shown next to the file. See docs/adr/0016-reading-uploaded-files.md.
"""

from __future__ import annotations

from typing import Final

# Measurement and case study files. A 10,000-row measurement file is under 1 MB, and the
# case study library's 2,000-study export under 5 MB.
MAX_BYTES: Final = 5 * 1024 * 1024

# Rows, counting blank ones: ten times the largest measurement file (10,000 values), fifty
# times the largest case study file (2,000 studies). Blank rows count because they cost as
# much to read as full ones; a sheet formatted down to row 1,048,576 is refused at row 100,001.
MAX_ROWS: Final = 100_000

# Columns, counting empty ones: a measurement file has 4 and a case study file 27.
MAX_COLUMNS: Final = 100

# One CSV field. It is the csv module's own default limit, and it holds a case study's
# longest exported cell (20 lessons of up to 4,000 characters each).
MAX_CSV_FIELD: Final = 131_072

# One workbook cell, or one entry of its table of text: Excel itself stores no more.
MAX_XLSX_CELL: Final = 32_767

# Lists and objects inside one another in JSON. A case study file nests four deep (the list,
# a study, its list of lessons, a lesson); Python's parser recurses once a level and fails
# near 1,000 with a RecursionError.
MAX_JSON_DEPTH: Final = 20

# Files inside a workbook. A workbook saved by Excel has about a dozen; a few per extra sheet.
MAX_XLSX_MEMBERS: Final = 1_000

# A workbook's size once unpacked. A sheet of 1,048,576 formatted blank rows, as Excel saves
# it, unpacks to about 50 MB: it is let through to be refused by its row count, which is the
# message that helps. Declared sizes can be trusted: Python's zipfile stops at the declared
# size and fails the checksum of a member that claims less than it holds.
MAX_XLSX_UNPACKED: Final = 64 * 1024 * 1024

# The workbook's table of text (xl/sharedStrings.xml) is read whole into memory by openpyxl.
# 10,000 notes of 500 characters make about 6 MB.
MAX_XLSX_SHARED_STRINGS: Final = 8 * 1024 * 1024

# A part that unpacks to more than this many times its packed size is how a zip bomb is built.
# Real workbook parts compress 5 to 20 times; a sheet of blank rows, which is not a bomb, far
# more, so the ratio chooses the message for a file already over a size limit, it is not a
# limit of its own.
BOMB_RATIO: Final = 100

# XML elements (cells, values, rows and the rest) in all the sheets together. openpyxl reads
# about 200,000 a second here; a full 10,000-row measurement file has 90,000.
MAX_SHEET_ITEMS: Final = 200_000

# XML elements in every other part: the table of text, styles, theme and settings. openpyxl
# builds an object for each, about 25,000 a second; a workbook from Excel has a few thousand,
# and 10,000 distinct notes add 20,000.
MAX_PART_ITEMS: Final = 40_000

# Pages of a signed agreement. With its schedules an agreement runs to tens of pages; pypdf
# takes about a third of a millisecond a page to walk the page tree.
MAX_PDF_PAGES: Final = 1_000

# What pypdf may unpack from one compressed stream while it reads the document's structure.
# Its own default is 75 MB; the structure of a 10 MB PDF unpacks to far less.
MAX_PDF_UNPACKED: Final = 20 * 1024 * 1024


class Refused(Exception):
    """The file was refused as a whole; the message says why, in words the uploader can act on."""


def megabytes(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"
