"""Composite success criteria and their conditions on KPIs."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.core.kpi_files import PLACES
from triplewin.kpis.models import Comparison, CompositeCriterion, CriterionCondition, Kpi
from triplewin.kpis.services._common import lock_definable
from triplewin.partnerships.models import Project


@transaction.atomic
def criterion_create(
    *, actor: User, project: Project, name: str, description: str = ""
) -> CompositeCriterion:
    locked = lock_definable(project.pk)
    criterion = CompositeCriterion(
        project=locked, name=name.strip(), description=description.strip()
    )
    if CompositeCriterion.objects.filter(project=locked, name__iexact=criterion.name).exists():
        raise ValidationError({"name": "This project already has a criterion with this name."})
    criterion.full_clean()
    criterion.save()
    audit.record(
        actor=actor,
        action="kpis.criterion_created",
        obj=criterion,
        project_id=locked.pk,
        changes={"name": [None, criterion.name], "description": [None, criterion.description]},
    )
    return criterion


@transaction.atomic
def condition_add(
    *,
    actor: User,
    criterion: CompositeCriterion,
    kpi: Kpi,
    comparison: str,
    threshold: Decimal,
) -> CriterionCondition:
    locked = lock_definable(criterion.project_id)
    if kpi.project_id != locked.pk:
        raise ValidationError({"kpi": "Choose one of this project's KPIs."})
    if comparison not in Comparison.values:
        raise ValidationError({"comparison": "Choose how the value is compared."})
    condition = CriterionCondition(
        criterion=criterion, kpi=kpi, comparison=comparison, threshold=threshold.quantize(PLACES)
    )
    condition.full_clean()
    condition.save()
    audit.record(
        actor=actor,
        action="kpis.condition_added",
        obj=condition,
        project_id=locked.pk,
        changes={
            "criterion": [None, criterion.name],
            "kpi": [None, kpi.name],
            "comparison": [None, comparison],
            "threshold": [None, str(condition.threshold)],
        },
    )
    return condition


@transaction.atomic
def condition_remove(*, actor: User, condition: CriterionCondition) -> None:
    locked = lock_definable(condition.criterion.project_id)
    audit.record(
        actor=actor,
        action="kpis.condition_removed",
        obj=condition,
        project_id=locked.pk,
        changes={
            "criterion": [condition.criterion.name, None],
            "kpi": [condition.kpi.name, None],
            "comparison": [condition.comparison, None],
            "threshold": [str(condition.threshold), None],
        },
    )
    condition.delete()
