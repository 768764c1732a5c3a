"""A write that a lifecycle gate may refuse, run for a confirmation form."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError

from triplewin.core.rules import GateReport
from triplewin.partnerships import services as partnerships
from triplewin.partnerships.errors import GateBlocked, StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.presenters.compliance import GatePanel, gate_panel
from triplewin.partnerships.views._helpers import apply_validation_error


def panel_for(
    project: Project, gate: str, shape: Callable[[GateReport], GateReport] = lambda r: r
) -> GatePanel:
    """The gate's compliance panel as the page shows it before anything is tried."""
    return gate_panel(
        shape(partnerships.gate_report(project, gate)),
        partnerships.accepted_risk_ids(project, gate),
    )


def attempt(
    form: forms.Form,
    write: Callable[[], object],
    *,
    project: Project,
    gate: str,
    refused: str,
    shape: Callable[[GateReport], GateReport] = lambda r: r,
) -> tuple[bool, GatePanel | None]:
    """Run `write`. On refusal the reason goes on the form, and a blocked gate returns the
    panel of the report that blocked it (None otherwise), so the page shows what is missing."""
    try:
        write()
    except StaleEdit as error:
        form.add_error(None, str(error))
    except GateBlocked as error:
        form.add_error(None, f"{error} {refused}")
        return False, gate_panel(shape(error.report), partnerships.accepted_risk_ids(project, gate))
    except ValidationError as error:
        apply_validation_error(form, error)
    else:
        return True, None
    return False, None
