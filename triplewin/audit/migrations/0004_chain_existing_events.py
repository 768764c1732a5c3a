from django.db import migrations

from triplewin.core.audit_chain import GENESIS, EventContent, event_hash

BATCH = 1000


def chain_existing(apps, schema_editor):
    """Chain the events written before the chain existed, oldest id first.

    This vouches for them only from today: what was changed before this migration ran
    cannot be told apart. ADR 0012 says so.
    """
    AuditEvent = apps.get_model("audit", "AuditEvent")
    previous = GENESIS
    batch = []
    for sequence, event in enumerate(AuditEvent.objects.order_by("id").iterator(), start=1):
        event.sequence = sequence
        event.prev_hash = previous
        event.hash = event_hash(
            EventContent(
                sequence=sequence,
                at=event.at,
                actor_id=event.actor_id,
                actor_label=event.actor_label,
                action=event.action,
                object_type=event.object_type,
                object_id=event.object_id,
                object_label=event.object_label,
                project_id=event.project_id,
                changes=event.changes,
                prev_hash=previous,
                kpi_id=event.kpi_id,
            )
        )
        previous = event.hash
        batch.append(event)
        if len(batch) == BATCH:
            AuditEvent.objects.bulk_update(batch, ["sequence", "prev_hash", "hash"])
            batch = []
    AuditEvent.objects.bulk_update(batch, ["sequence", "prev_hash", "hash"])


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_kpi_id")]

    operations = [migrations.RunPython(chain_existing, migrations.RunPython.noop)]
