"""Endpoints for a partner organisation's systems, with an API token (ADR 0036).

A token sees and changes only what its organisation may as a partner: projects it is a
partner in (or the token's chosen few), KPIs through `Visibility.of_organisation`, the one
rule the pages use; writes go through the apps' own services, which check everything a page
would, and are audited under the token's creator "through" the token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.security import HttpBearer
from pydantic import Field

from triplewin.api import paging, public, throttle, tokens
from triplewin.api.models import ApiToken, IdempotentRequest, Scope
from triplewin.api.problems import Problem, ProblemOut
from triplewin.audit import services as audit
from triplewin.core.lifecycle import STATES
from triplewin.kpis import services as kpis
from triplewin.meetings.models import Action, ActionStatus
from triplewin.meetings.services.actions import action_complete
from triplewin.obligations.selectors import obligations_for
from triplewin.organisations.models import Membership
from triplewin.partnerships.facts import build_facts
from triplewin.partnerships.models import Project, RiskAcceptance
from triplewin.partnerships.presenters.next_steps import project_next_steps
from triplewin.partnerships.visibility import Visibility
from triplewin.transfers import services as transfers
from triplewin.transfers.models import Category, TransferOfValue


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = tokens.authenticate(token)
        if found is not None:
            throttle.by_token(request, found)
        return found


router = Router(tags=["Partners"], auth=TokenAuth())

ERRORS: dict[int | tuple[int, ...], Any] = {(400, 401, 403, 404, 409, 422, 429): ProblemOut}


def _token(request: HttpRequest) -> ApiToken:
    token = getattr(request, "auth", None)
    assert isinstance(token, ApiToken)
    return token


def _require(token: ApiToken, scope: Scope) -> None:
    if scope.value not in token.scopes:
        raise Problem(
            403,
            f"This token may not do this. It needs the permission \u201c{scope.label}\u201d: "
            "ask your organisation's administrator for a token that has it.",
            kind="scope",
        )


def _projects(token: ApiToken) -> QuerySet[Project]:
    found = Project.objects.filter(partners__organisation=token.organisation)
    if token.projects.exists():
        found = found.filter(pk__in=token.projects.values("pk"))
    return found.distinct()


def _project(token: ApiToken, project_id: int) -> Project:
    project = (
        _projects(token).prefetch_related("partners__organisation").filter(pk=project_id).first()
    )
    if project is None:
        raise Problem(404, "There is no such project, or this token may not see it.")
    return project


class ObligationOut(Schema):
    kind: str
    title: str
    due_on: dt.date | None
    status: str
    status_label: str
    met_on: dt.date | None


class ProjectOut(Schema):
    id: int
    title: str
    state: str
    state_label: str
    type: str
    therapy_area: str
    partners: list[str]
    obligations: list[ObligationOut] = Field(
        description="Duties with their deadlines: the executive summary, outcomes, Disclosure "
        "UK years and progress reports."
    )


class NextStepOut(Schema):
    rule_id: str
    action: str
    detail: str
    waiting_for: str
    link: str | None
    is_risk: bool


class ProjectDetail(ProjectOut):
    next_step: str = Field(description="The step the project is working towards, if any.")
    blocked: bool
    next_steps: list[NextStepOut]


class ProjectPage(Schema):
    items: list[ProjectOut]
    next_cursor: str | None


Page = public.Page


def _project_out(project: Project, obligations: Any) -> dict[str, Any]:
    return {
        "id": project.pk,
        "title": project.title,
        "state": project.state,
        "state_label": STATES[project.state_enum].label,
        "type": project.intended_type,
        "therapy_area": project.therapy_area,
        "partners": sorted(p.organisation.name for p in project.partners.all()),
        "obligations": [
            {
                "kind": o.kind.value,
                "title": o.title,
                "due_on": o.due_on,
                "status": o.status.value,
                "status_label": o.status_label,
                "met_on": o.met_on,
            }
            for o in obligations
        ],
    }


@router.get("/projects", response={200: ProjectPage, 304: None, **ERRORS}, summary="Your projects")
def project_list(request: HttpRequest, page: Query[Page]) -> HttpResponse:
    token = _token(request)
    _require(token, Scope.READ_PROJECTS)
    found = _projects(token).prefetch_related("partners__organisation").order_by("pk")
    if page.cursor:
        (after,) = paging.decode(page.cursor, parts=1)
        if not isinstance(after, int):
            raise Problem(400, "The cursor is not one this API gave. Start again without one.")
        found = found.filter(pk__gt=after)
    batch = list(found[: page.limit + 1])
    more = len(batch) > page.limit
    batch = batch[: page.limit]
    due = obligations_for(batch, timezone.localdate())
    items = [_project_out(p, due[p.pk]) for p in batch]
    next_cursor = paging.encode(batch[-1].pk) if more else None
    return paging.conditional(request, {"items": items, "next_cursor": next_cursor}, max_age=0)


@router.get(
    "/projects/{project_id}",
    response={200: ProjectDetail, 304: None, **ERRORS},
    summary="One project: its state, next steps, obligations and deadlines",
)
def project_detail(request: HttpRequest, project_id: int) -> HttpResponse:
    token = _token(request)
    _require(token, Scope.READ_PROJECTS)
    project = _project(token, project_id)
    accepted: dict[str, set[str]] = {}
    for gate, rule_id in RiskAcceptance.objects.filter(project=project).values_list(
        "gate", "rule_id"
    ):
        accepted.setdefault(gate, set()).add(rule_id)
    steps = project_next_steps(project, build_facts(project), accepted)
    due = obligations_for([project], timezone.localdate())[project.pk]
    body = {
        **_project_out(project, due),
        "next_step": steps.step_label,
        "blocked": steps.blocked,
        "next_steps": [
            {
                "rule_id": s.rule_id,
                "action": s.action,
                "detail": s.detail,
                "waiting_for": s.who,
                "link": s.link.href if s.link else None,
                "is_risk": s.is_risk,
            }
            for s in steps.steps
        ],
    }
    return paging.conditional(request, body, max_age=0)


class ReadingOut(Schema):
    period: dt.date
    site: str
    value: Decimal
    note: str


class KpiOut(Schema):
    id: int
    name: str
    category: str
    unit: str
    frequency: str
    shared_with_companies: bool
    baseline_value: Decimal | None
    baseline_date: dt.date | None
    target_value: Decimal
    target_date: dt.date
    readings: list[ReadingOut]


@router.get(
    "/projects/{project_id}/kpis",
    response={200: list[KpiOut], 304: None, **ERRORS},
    summary="The project's KPIs this organisation may see, with their readings",
)
def kpi_list(request: HttpRequest, project_id: int) -> HttpResponse:
    token = _token(request)
    _require(token, Scope.READ_PROJECTS)
    project = _project(token, project_id)
    seen = Visibility.of_organisation(token.organisation, project)
    kpis_seen = list(seen.kpis().order_by("pk"))
    readings: dict[int, list[dict[str, Any]]] = {k.pk: [] for k in kpis_seen}
    for m in seen.measurements().select_related("site").order_by("kpi_id", "period", "site__name"):
        readings[m.kpi_id].append(
            {
                "period": m.period,
                "site": m.site.name if m.site else "",
                "value": str(m.value),
                "note": m.note,
            }
        )
    body = [
        {
            "id": k.pk,
            "name": k.name,
            "category": k.category,
            "unit": k.unit,
            "frequency": k.frequency,
            "shared_with_companies": k.company_may_see,
            "baseline_value": None if k.baseline_value is None else str(k.baseline_value),
            "baseline_date": k.baseline_date,
            "target_value": str(k.target_value),
            "target_date": k.target_date,
            "readings": readings[k.pk],
        }
        for k in kpis_seen
    ]
    return paging.conditional(request, body, max_age=0)  # type: ignore[arg-type]


class TransferOut(Schema):
    id: int
    reference: str
    company: str
    company_id: int
    recipient: str
    recipient_id: int
    year: int
    category: str
    amount_money: Decimal
    amount_benefits_in_kind: Decimal
    is_correction: bool
    note: str


@router.get(
    "/projects/{project_id}/transfers",
    response={200: list[TransferOut], 304: None, **ERRORS},
    summary="The project's transfers of value",
)
def transfer_list(request: HttpRequest, project_id: int) -> HttpResponse:
    token = _token(request)
    _require(token, Scope.READ_PROJECTS)
    project = _project(token, project_id)
    body = [
        {
            "id": t.pk,
            "reference": t.reference,
            "company": t.company.name,
            "company_id": t.company_id,
            "recipient": t.recipient.name,
            "recipient_id": t.recipient_id,
            "year": t.year,
            "category": t.category,
            "amount_money": str(t.amount_money),
            "amount_benefits_in_kind": str(t.amount_benefits_in_kind),
            "is_correction": t.is_correction,
            "note": t.note,
        }
        for t in TransferOfValue.objects.filter(project=project).select_related(
            "company", "recipient"
        )
    ]
    return paging.conditional(request, body, max_age=0)  # type: ignore[arg-type]


def _idempotent(
    request: HttpRequest, token: ApiToken, write: Callable[[], tuple[int, dict[str, Any]]]
) -> HttpResponse:
    """Apply `write` once per Idempotency-Key: the same key and request get the first answer
    again; the same key with a different request is refused. A refused write stores nothing,
    so it can be corrected and sent again with the same key."""
    key = request.headers.get("Idempotency-Key", "").strip()
    if not key:
        status, body = write()
        return JsonResponse(body, status=status)
    if len(key) > 200 or not key.isprintable():
        raise Problem(
            400,
            "The Idempotency-Key must be printable text of at most 200 characters.",
            errors=[("Idempotency-Key", "Use a unique id such as a UUID.")],
        )
    digest = hashlib.sha256(
        (request.method or "").encode() + b" " + request.path.encode() + b"\n" + request.body
    ).hexdigest()

    def replay(seen: IdempotentRequest) -> HttpResponse:
        if seen.request_hash != digest:
            raise Problem(
                422,
                "This Idempotency-Key was already used for a different request.",
                errors=[("Idempotency-Key", "Use a new key for a new request.")],
            )
        response = JsonResponse(seen.body, status=seen.status)
        response["Idempotent-Replayed"] = "true"
        return response

    seen = IdempotentRequest.objects.filter(token=token, key=key).first()
    if seen is not None:
        return replay(seen)
    try:
        with transaction.atomic():
            status, body = write()
            IdempotentRequest.objects.create(
                token=token, key=key, request_hash=digest, status=status, body=body
            )
    except IntegrityError:
        # A twin of this request finished first; its write stands and ours was rolled back.
        return replay(IdempotentRequest.objects.get(token=token, key=key))
    return JsonResponse(body, status=status)


class ReadingIn(Schema):
    period: str = Field(max_length=40, description="A day in the period, like 2026-04-01.")
    site: str = Field("", max_length=200, description="The site's name or code; empty for all.")
    value: str | float | int = Field(description="The value, like 42 or 87.5.")
    note: str = Field("", max_length=2000)


class ReadingsIn(Schema):
    replace: bool = Field(
        False, description="Replace values already recorded for the same period and site."
    )
    readings: list[ReadingIn] = Field(max_length=10_000)


class ReadingsResult(Schema):
    added: int
    replaced: int


def _row_problems(error: kpis.FileRejected, prefix: str) -> Problem:
    if error.problem:
        return Problem(
            422, f"{error.problem} Nothing has been saved.", errors=[(prefix, error.problem)]
        )
    return Problem(
        422,
        str(error)
        .replace("in the file", "in the readings")
        .replace(
            "Correct the rows listed and upload the whole file again.",
            "Correct them and send the whole batch again.",
        ),
        errors=[(f"{prefix}.{e.row - 1}.{e.column}", e.message) for e in error.errors],
    )


def _as_actor(token: ApiToken) -> Any:
    return token.created_by


@router.post(
    "/projects/{project_id}/kpis/{kpi_id}/readings",
    response={200: ReadingsResult, **ERRORS},
    summary="Send a batch of KPI readings: all or nothing, idempotent with Idempotency-Key",
)
def readings_push(
    request: HttpRequest, project_id: int, kpi_id: int, payload: ReadingsIn
) -> HttpResponse:
    token = _token(request)
    _require(token, Scope.WRITE_KPI_READINGS)
    project = _project(token, project_id)
    kpi = Visibility.of_organisation(token.organisation, project).kpis().filter(pk=kpi_id).first()
    if kpi is None:
        raise Problem(404, "There is no such KPI in this project, or this token may not see it.")

    def write() -> tuple[int, dict[str, Any]]:
        records = [r.model_dump() for r in payload.readings]
        with audit.acting_through(tokens.label(token)):
            try:
                result = kpis.measurements_push(
                    actor=_as_actor(token),
                    kpi=kpi,
                    records=records,
                    replace=payload.replace,
                    source=tokens.label(token),
                )
            except kpis.FileRejected as error:
                raise _row_problems(error, "readings") from None
        return 200, {"added": result.added, "replaced": result.replaced}

    return _idempotent(request, token, write)


class TransferIn(Schema):
    reference: str = Field(
        min_length=1, max_length=100, description="Your system's id for the row; unique."
    )
    recipient_id: int = Field(ge=1, le=2**62)
    category: Literal[*Category.values]  # type: ignore[valid-type]
    amount_money: Decimal = Field(Decimal("0"), max_digits=12, decimal_places=2)
    amount_benefits_in_kind: Decimal = Field(Decimal("0"), max_digits=12, decimal_places=2)
    is_correction: bool = False
    note: str = Field("", max_length=2000)


class TransfersIn(Schema):
    transfers: list[TransferIn] = Field(max_length=20_000)


class TransfersResult(Schema):
    added: list[str]
    changed: list[str]
    unchanged: list[str]
    not_sent: list[str] = Field(
        description="References recorded before that this batch did not send. They are kept: "
        "correct a wrong row with a correction."
    )


@router.put(
    "/projects/{project_id}/transfers/{year}",
    response={200: TransfersResult, **ERRORS},
    summary="Send a company's transfers of value for one year, reconciled by reference",
)
def transfers_push(
    request: HttpRequest, project_id: int, year: int, payload: TransfersIn
) -> HttpResponse:
    token = _token(request)
    _require(token, Scope.WRITE_TRANSFERS)
    project = _project(token, project_id)
    if not token.organisation.is_pharmaceutical:
        raise Problem(403, "Only a company partner sends transfers of value.", kind="forbidden")

    def write() -> tuple[int, dict[str, Any]]:
        rows = [
            transfers.PushedRow(
                reference=r.reference,
                recipient_id=r.recipient_id,
                category=r.category,
                amount_money=r.amount_money,
                amount_benefits_in_kind=r.amount_benefits_in_kind,
                is_correction=r.is_correction,
                note=r.note,
            )
            for r in payload.transfers
        ]
        with audit.acting_through(tokens.label(token)):
            result = transfers.tov_year_push(
                actor=_as_actor(token),
                project=project,
                company=token.organisation,
                year=year,
                rows=rows,
            )
        return 200, {
            "added": list(result.added),
            "changed": list(result.changed),
            "unchanged": list(result.unchanged),
            "not_sent": list(result.not_sent),
        }

    return _idempotent(request, token, write)


class ActionOut(Schema):
    id: int
    description: str
    due_on: dt.date
    status: str
    completed_on: dt.date | None


@router.post(
    "/projects/{project_id}/actions/{action_id}/done",
    response={200: ActionOut, **ERRORS},
    summary="Mark an action given to one of your organisation's people as done",
)
def action_done(request: HttpRequest, project_id: int, action_id: int) -> HttpResponse:
    token = _token(request)
    _require(token, Scope.WRITE_ACTIONS)
    project = _project(token, project_id)
    members = Membership.objects.filter(organisation=token.organisation).values("user_id")
    action = Action.objects.filter(project=project, pk=action_id, owner_id__in=members).first()
    if action is None:
        raise Problem(
            404,
            "There is no such action on this project for one of your organisation's people.",
        )
    if action.status == ActionStatus.DONE:
        done = action
    else:
        with audit.acting_through(tokens.label(token)):
            try:
                done = action_complete(actor=_as_actor(token), project=project, action=action)
            except PermissionDenied as refused:
                raise Problem(403, str(refused)) from None
    return JsonResponse(
        {
            "id": done.pk,
            "description": done.description,
            "due_on": done.due_on.isoformat(),
            "status": done.status,
            "completed_on": done.completed_on.isoformat() if done.completed_on else None,
        }
    )
