"""Ties each audit event to the KPI it is about, so the history follows the KPI's visibility.

Events written before the field existed get it derived here: a KPI's own events from their
object id, a measurement's or a criterion condition's from its row, and a removed condition's
from the KPI name it recorded. An event that cannot be traced keeps no KPI, and the history
hides it from company partners (see partnerships.visibility).
"""

from typing import Any

from django.db import migrations, models


def _name_in(changes: Any) -> str | None:
    pair = changes.get("kpi") if isinstance(changes, dict) else None
    if isinstance(pair, list):
        return next((v for v in pair if isinstance(v, str) and v), None)
    return None


def derive(apps: Any, schema_editor: Any) -> None:
    event_model = apps.get_model("audit", "AuditEvent")
    measurement_model = apps.get_model("kpis", "Measurement")
    condition_model = apps.get_model("kpis", "CriterionCondition")
    kpi_model = apps.get_model("kpis", "Kpi")
    events = event_model.objects.filter(
        object_type__in=["kpis.Kpi", "kpis.Measurement", "kpis.CriterionCondition"]
    ).only("pk", "object_type", "object_id", "project_id", "changes")
    owners = {
        "kpis.Measurement": measurement_model,
        "kpis.CriterionCondition": condition_model,
    }
    for event in events.iterator():
        if not event.object_id.isdigit():
            continue
        if event.object_type == "kpis.Kpi":
            kpi_id = int(event.object_id)
        else:
            kpi_id = (
                owners[event.object_type]
                .objects.filter(pk=int(event.object_id))
                .values_list("kpi_id", flat=True)
                .first()
            )
            name = _name_in(event.changes)
            if kpi_id is None and name:
                kpi_id = (
                    kpi_model.objects.filter(project_id=event.project_id, name=name)
                    .values_list("pk", flat=True)
                    .first()
                )
        if kpi_id is not None:
            # A derived column filled once; the event's own content is untouched.
            event_model.objects.filter(pk=event.pk).update(kpi_id=kpi_id)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_chain_fields"),
        ("kpis", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="kpi_id",
            field=models.BigIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(derive, migrations.RunPython.noop),
    ]
