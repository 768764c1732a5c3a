"""Forms of the documents pages: comparing versions, signing off, verifying a PDF or hash."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from triplewin.config.forms import GuardedForm
from triplewin.core.documents.normalise import is_sha256

PDF_MAGIC = b"%PDF-"


class CompareForm(GuardedForm):
    older = forms.TypedChoiceField(label="Older version", coerce=int)
    newer = forms.TypedChoiceField(label="Newer version", coerce=int)

    def __init__(self, *args: Any, numbers: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(n, f"Version {n}") for n in numbers]
        for name in ("older", "newer"):
            field = self.fields[name]
            assert isinstance(field, forms.TypedChoiceField)
            field.choices = choices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("older") is not None and data.get("older") == data.get("newer"):
            self.add_error("newer", "Choose two different versions to compare.")
        return data


class SignOffForm(GuardedForm):
    number = forms.IntegerField(widget=forms.HiddenInput)
    organisation = forms.TypedChoiceField(
        label="On behalf of", coerce=int, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, organisations: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = organisations
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0][0]


class VerifyForm(GuardedForm):
    file = forms.FileField(
        label="Upload the PDF",
        required=False,
        help_text="The PDF you were given. It is checked and then discarded; nothing is kept.",
    )
    digest = forms.CharField(
        label="Or paste a SHA-256 hash",
        required=False,
        max_length=200,
        help_text="64 characters, 0-9 and a-f, as printed in the document's footer.",
    )

    def clean_file(self) -> bytes | None:
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        limit: int = settings.MAX_UPLOAD_BYTES
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(
                f"The file is larger than {limit // (1024 * 1024)} MB. Upload the PDF itself."
            )
        content: bytes = upload.read(limit + 1)
        if len(content) > limit:
            raise forms.ValidationError(
                f"The file is larger than {limit // (1024 * 1024)} MB. Upload the PDF itself."
            )
        if not content:
            raise forms.ValidationError("The file is empty. Choose the PDF you want to check.")
        if not content.startswith(PDF_MAGIC):
            raise forms.ValidationError(
                "The file is not a PDF. Upload the document as the PDF you received; a file "
                "renamed to end in .pdf is not one."
            )
        return content

    def clean_digest(self) -> str:
        value = "".join(str(self.cleaned_data.get("digest", "")).split()).lower()
        if value and not is_sha256(value):
            raise forms.ValidationError(
                "Enter a SHA-256 hash: 64 characters using only 0-9 and a-f."
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("file") and not data.get("digest"):
            self.add_error("file", "Upload a PDF or paste a hash to check.")
        return data
