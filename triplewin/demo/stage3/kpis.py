"""KPIs, the sites they are measured at, composite criteria and the measurements themselves.

The measurements go in as one CSV file per KPI through the upload service, the way a project
analyst would send a month's figures, so each KPI's history is one audited upload.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from triplewin.demo.data.real_kpis import RealKpi
from triplewin.demo.data.stage3_types import KpiSpec, Stage3Spec
from triplewin.demo.stage2.lookup import DemoDataError, Lookup
from triplewin.demo.stage3 import series
from triplewin.kpis import services as kpi_services
from triplewin.kpis.models import Kpi
from triplewin.partnerships.models import Project


def _fields(spec: KpiSpec, owner: User) -> dict[str, object]:
    return {
        "name": spec.name,
        "category": spec.category,
        "definition": spec.definition,
        "unit": spec.unit,
        "data_source": spec.data_source,
        "frequency": spec.frequency,
        "baseline_value": Decimal(spec.baseline_value) if spec.baseline_value else None,
        "baseline_date": spec.baseline_date,
        "target_value": Decimal(spec.target_value),
        "target_date": spec.target_date,
        "direction": spec.direction,
        "rollup": spec.rollup,
        "owner": owner,
        "company_may_see": spec.company_may_see,
        # Every demo KPI holds only counts and rates for whole clinics or the whole project.
        "aggregated_anonymised": True,
    }


def _measure(spec: KpiSpec, kpi: Kpi, project: Project, actor: User, lookup: Lookup) -> None:
    found = series.rows(spec.series, spec.frequency, lookup.today, f"{project.pk}:{spec.name}")
    if not found:
        return
    upload = SimpleUploadedFile(
        f"{spec.name[:40]}.csv", series.as_csv(found), content_type="text/csv"
    )
    try:
        kpi_services.measurements_upload(actor=actor, kpi=kpi, upload=upload, today=lookup.today)
    except kpi_services.FileRejected as refused:
        raise DemoDataError(f"Measurements for {spec.name!r} were refused: {refused}") from None


def load_kpis(spec: Stage3Spec, project: Project, actor: User, lookup: Lookup) -> None:
    where = f"KPIs of {spec.project}"
    for name, code in spec.sites:
        kpi_services.site_add(actor=actor, project=project, name=name, code=code)
    kpis: dict[str, Kpi] = {}
    for item in spec.kpis:
        kpis[item.name] = kpi_services.kpi_create(
            actor=actor, project=project, fields=_fields(item, lookup.user(item.owner, where))
        )
    for criterion in spec.criteria:
        created = kpi_services.criterion_create(
            actor=actor, project=project, name=criterion.name, description=criterion.description
        )
        for condition in criterion.conditions:
            if condition.kpi not in kpis:
                raise DemoDataError(f"{where}: a criterion names an unknown KPI {condition.kpi!r}.")
            kpi_services.condition_add(
                actor=actor,
                criterion=created,
                kpi=kpis[condition.kpi],
                comparison=condition.comparison,
                threshold=Decimal(condition.threshold),
            )
    for item in spec.kpis:
        _measure(item, kpis[item.name], project, lookup.user(item.owner, where), lookup)


def load_real_kpis(project: Project, specs: Sequence[RealKpi], users: Mapping[str, User]) -> None:
    """The published results of a real partnership, as its KPIs and their readings.

    Run while the imported project stands at 'completed': KPIs are defined and measured in
    delivery, and the later import of the outcomes step closes the project to new figures.
    """
    for spec in specs:
        owner = users.get(spec.owner)
        if owner is None:
            raise DemoDataError(f"KPIs of {spec.project}: unknown owner {spec.owner!r}.")
        kpi = kpi_services.kpi_create(
            actor=owner,
            project=project,
            fields={
                "name": spec.name,
                "category": spec.category,
                "definition": spec.definition,
                "unit": spec.unit,
                "data_source": spec.data_source,
                "frequency": spec.frequency,
                "target_value": Decimal(spec.target_value),
                "target_date": spec.target_date,
                "direction": spec.direction,
                "owner": owner,
                "company_may_see": True,
                "aggregated_anonymised": True,
            },
        )
        rows = [(day, "", float(value)) for day, value in spec.readings]
        upload = SimpleUploadedFile(f"{spec.name[:40]}.csv", series.as_csv(rows))
        try:
            kpi_services.measurements_upload(actor=owner, kpi=kpi, upload=upload)
        except kpi_services.FileRejected as refused:
            raise DemoDataError(f"Readings for {spec.name!r} were refused: {refused}") from None
