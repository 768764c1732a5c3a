"""Editing, publishing, withdrawing and discarding a case study, for those who may edit it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.core.library import records as rec
from triplewin.library import access, selectors, services
from triplewin.library.forms import (
    CaseStudyForm,
    LessonForm,
    OutcomeForm,
    PartyForm,
    SourceForm,
    VersionForm,
)
from triplewin.library.models import CaseStudy
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    study = access.editable_or_404(request.user, pk)
    form = CaseStudyForm(
        request.POST or None,
        instance=study,
        initial={
            "row_version": study.row_version,
            "therapy_areas": list(selectors.tag_codes(study, "therapy")),
            "interventions": list(selectors.tag_codes(study, "intervention")),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.case_study_update(
                actor=actor(request),
                case_study=study,
                fields=form.case_study_fields(),
                therapy_areas=form.cleaned_data["therapy_areas"],
                interventions=form.cleaned_data["interventions"],
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Case study saved.")
            return redirect("library:detail", pk=study.pk)
    return page(
        request,
        "library/edit.jinja",
        title=f"Edit case study: {study.title}",
        nav="library",
        study=study,
        form=form,
        back_link={"href": f"/library/{study.pk}/", "text": "Back to the case study"},
    )


@dataclass(frozen=True)
class Group:
    form: type[forms.Form]
    heading: str
    # With its article, for "Add an outcome".
    noun: str
    hint: str
    initial: Callable[[rec.CaseStudyRecord], list[dict[str, Any]]]
    save: Callable[..., CaseStudy]
    keyword: str


def _as_dicts(entries: Any) -> list[dict[str, Any]]:
    return [dict(vars(e)) for e in entries]


GROUPS: dict[str, Group] = {
    "partners": Group(
        PartyForm,
        "Partners and their contributions",
        "a partner",
        "Every organisation that took part, with what each one brought.",
        lambda r: _as_dicts(r.partners),
        services.case_study_save_parties,
        "parties",
    ),
    "outcomes": Group(
        OutcomeForm,
        "Outcomes",
        "an outcome",
        "Headline results as numbers with units and before and after values, or in words.",
        lambda r: _as_dicts(r.outcomes),
        services.case_study_save_outcomes,
        "outcomes",
    ),
    "lessons": Group(
        LessonForm,
        "Lessons and barriers overcome",
        "a lesson",
        "What others should know before they start, and how you got past obstacles.",
        lambda r: _as_dicts(r.lessons),
        services.case_study_save_lessons,
        "lessons",
    ),
    "sources": Group(
        SourceForm,
        "Sources",
        "a source",
        "Links to published summaries, reports and evaluations.",
        lambda r: _as_dicts(r.sources),
        services.case_study_save_sources,
        "sources",
    ),
}


class _EntryFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove this entry"


@require_http_methods(["GET", "POST"])
def edit_group(request: HttpRequest, pk: int, group: str) -> HttpResponse:
    spec = GROUPS.get(group)
    if spec is None:
        raise Http404("No such part of a case study.")
    study = access.editable_or_404(request.user, pk)
    formset_class = forms.formset_factory(
        spec.form, formset=_EntryFormSet, extra=2, can_delete=True, max_num=20, validate_max=True
    )
    data = request.POST or None
    formset = formset_class(data, initial=spec.initial(selectors.as_record(study)), prefix=group)
    version = VersionForm(data, initial={"row_version": study.row_version})
    if request.method == "POST" and formset.is_valid() and version.is_valid():
        kept = [
            f
            for i, f in enumerate(formset.forms)
            if (i < formset.initial_form_count() or f.has_changed())
            and f.cleaned_data
            and not f.cleaned_data.get("DELETE")
        ]
        entries = [f.entry() for f in kept]
        try:
            spec.save(
                actor=actor(request),
                case_study=study,
                expected_version=version.cleaned_data["row_version"],
                **{spec.keyword: entries},
            )
        except StaleEdit as error:
            version.add_error(None, str(error))
        except ValidationError as error:
            version.add_error(None, error.messages)
        else:
            messages.success(request, f"{spec.heading} saved.")
            return redirect("library:detail", pk=study.pk)
    invalid = request.method == "POST" and (formset.total_error_count() > 0 or bool(version.errors))
    return page(
        request,
        "library/edit_group.jinja",
        title=f"{spec.heading}: {study.title}",
        nav="library",
        study=study,
        spec=spec,
        formset=formset,
        version=version,
        form_errors_list=[version, *formset.forms],
        # The formset is not a form, so page() cannot see its errors by itself.
        form_has_errors=invalid,
        status=400 if invalid else 200,
        back_link={"href": f"/library/{study.pk}/", "text": "Back to the case study"},
    )


def _state_change(
    request: HttpRequest, pk: int, change: Callable[..., Any], done: str
) -> HttpResponse:
    study = access.editable_or_404(request.user, pk)
    try:
        change(actor=actor(request), case_study=study)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("library:detail", pk=study.pk)


@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _state_change(
        request, pk, services.case_study_publish, "The case study is now public in the library."
    )


@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _state_change(
        request,
        pk,
        services.case_study_unpublish,
        "The case study has been taken out of the public library and is a draft again.",
    )


@require_http_methods(["GET", "POST"])
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    study = access.editable_or_404(request.user, pk)
    if study.is_published:
        raise Http404("Only drafts can be discarded.")
    if request.method == "POST":
        services.case_study_discard(actor=actor(request), case_study=study)
        messages.success(request, f"The draft '{study.title}' has been discarded.")
        return redirect("library:index")
    return page(
        request,
        "library/discard.jinja",
        title=f"Discard the draft: {study.title}",
        nav="library",
        study=study,
        back_link={"href": f"/library/{study.pk}/", "text": "Back to the case study"},
    )
