"""The version of a record an edit form was opened on.

Every edit form that guards against lost updates declares `row_version = RowVersionField()`.
The field is always required: an edit posted without it is refused with a plain message and
saves nothing, because skipping the check would let it overwrite someone else's changes.
A form shared by an add page and an edit page drops the field only on the add page, through
`without_version`, which only one-time create views may call.
`tests/test_row_versions.py` fails for any form whose `row_version` is anything else.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django import forms

OUT_OF_DATE = (
    "This page is out of date; reload it to see the latest version, then make your changes "
    "again. Nothing has been saved."
)
# A record that does not exist yet (a concept or PID before its first save) has version 0.
UNSAVED = 0


class RowVersionField(forms.IntegerField):
    widget = forms.HiddenInput
    default_error_messages = {
        "required": OUT_OF_DATE,
        "invalid": OUT_OF_DATE,
        "min_value": OUT_OF_DATE,
        "max_value": OUT_OF_DATE,
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=True, min_value=UNSAVED, max_value=2**31 - 1, **kwargs)


def version_of(record: Any) -> int:
    """The version to put in an edit form: the record's, or UNSAVED before its first save."""
    if record is None or getattr(record, "pk", None) is None:
        return UNSAVED
    return int(record.row_version)


Form = TypeVar("Form", bound=forms.BaseForm)


def without_version(form: Form) -> Form:
    """The add page of an add-or-edit form: a record not saved yet has no version to check."""
    form.fields.pop("row_version", None)
    return form
