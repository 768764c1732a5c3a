"""Move the partners' concept decisions into the sign-off engine and drop their table.

Each decision becomes an act on the subject "concept" with no version number, keeping its
moment, label, hash, reason and the snapshot of the content the partner saw. Its role is the
decision-making membership its maker holds in that partner, when it can still be read.
"""

from django.db import migrations

DOCUMENT = "concept"
ROLES = ("partnership_lead", "governance_member", "certification_signatory")


def _role(apps, user_id, organisation_id):
    if user_id is None:
        return ""
    Membership = apps.get_model("organisations", "Membership")
    held = set(
        Membership.objects.filter(
            user_id=user_id, organisation_id=organisation_id, role__in=ROLES
        ).values_list("role", flat=True)
    )
    return next((role for role in ROLES if role in held), "")


def into_the_engine(apps, schema_editor):
    ConceptDecision = apps.get_model("concept", "ConceptDecision")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    SignOffAct.objects.bulk_create(
        SignOffAct(
            project_id=d.project_id,
            document=DOCUMENT,
            subject=DOCUMENT,
            version=None,
            content_hash=d.content_hash,
            act=d.decision,
            body="partner",
            organisation_id=d.organisation_id,
            role=_role(apps, d.decided_by_id, d.organisation_id),
            actor_id=d.decided_by_id,
            actor_label=d.decided_by_label,
            reason=d.reason,
            snapshot=d.snapshot,
            at=d.at,
        )
        for d in ConceptDecision.objects.order_by("at", "id")
    )


def out_of_the_engine(apps, schema_editor):
    ConceptDecision = apps.get_model("concept", "ConceptDecision")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    for act in SignOffAct.objects.filter(document=DOCUMENT).order_by("at", "id"):
        made = ConceptDecision.objects.create(
            project_id=act.project_id,
            organisation_id=act.organisation_id,
            decided_by_id=act.actor_id,
            decided_by_label=act.actor_label,
            decision=act.act,
            reason=act.reason,
            content_hash=act.content_hash,
            snapshot=act.snapshot or {},
        )
        ConceptDecision.objects.filter(pk=made.pk).update(at=act.at)
        act.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("concept", "0002_expected_prescribing_effect"),
        ("organisations", "0005_standing_route"),
        ("signoff", "0002_act_snapshot"),
    ]

    operations = [
        migrations.RunPython(into_the_engine, out_of_the_engine),
        migrations.DeleteModel(name="ConceptDecision"),
    ]
