"""Move amendments' certifications and approvals into the sign-off engine; drop their tables.

Each amendment is the engine's subject "amendment-<number>", with no version number: its acts
are told apart by the content hash it had when they were given. Every row keeps its moment,
labels, hash and reason; a team decision keeps its maker's team role when it can be read.
"""

from django.db import migrations

DOCUMENT = "amendment"


def _team_role(apps, project_id, user_id):
    if user_id is None:
        return ""
    TeamMember = apps.get_model("team", "TeamMember")
    roles = set(
        TeamMember.objects.filter(
            project_id=project_id, user_id=user_id, project_role__in=("chair", "project_manager")
        ).values_list("project_role", flat=True)
    )
    if "chair" in roles:
        return "chair"
    return "project_manager" if roles else ""


def into_the_engine(apps, schema_editor):
    AmendmentCertification = apps.get_model("amendments", "AmendmentCertification")
    AmendmentApproval = apps.get_model("amendments", "AmendmentApproval")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    acts = []
    for cert in AmendmentCertification.objects.select_related("amendment"):
        acts.append(
            SignOffAct(
                project_id=cert.amendment.project_id,
                document=DOCUMENT,
                subject=f"{DOCUMENT}-{cert.amendment.number}",
                version=None,
                content_hash=cert.content_hash,
                act="certify",
                body="partner",
                organisation_id=cert.organisation_id,
                role="certification_signatory",
                actor_id=cert.certified_by_id,
                actor_label=cert.certified_by_label,
                at=cert.at,
            )
        )
    for approval in AmendmentApproval.objects.select_related("amendment"):
        project_id = approval.amendment.project_id
        team = approval.body == "project_team"
        acts.append(
            SignOffAct(
                project_id=project_id,
                document=DOCUMENT,
                subject=f"{DOCUMENT}-{approval.amendment.number}",
                version=None,
                content_hash=approval.content_hash,
                act=approval.decision,
                body=approval.body,
                organisation_id=approval.organisation_id,
                role=(
                    _team_role(apps, project_id, approval.approved_by_id)
                    if team
                    else "committee_member"
                ),
                actor_id=approval.approved_by_id,
                actor_label=approval.approved_by_label,
                reason=approval.reason,
                at=approval.at,
            )
        )
    acts.sort(key=lambda a: a.at)
    SignOffAct.objects.bulk_create(acts)


def out_of_the_engine(apps, schema_editor):
    Amendment = apps.get_model("amendments", "Amendment")
    AmendmentCertification = apps.get_model("amendments", "AmendmentCertification")
    AmendmentApproval = apps.get_model("amendments", "AmendmentApproval")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    for act in SignOffAct.objects.filter(document=DOCUMENT).order_by("at", "id"):
        number = int(act.subject.removeprefix(f"{DOCUMENT}-"))
        amendment = Amendment.objects.get(project_id=act.project_id, number=number)
        if act.act == "certify":
            made = AmendmentCertification.objects.create(
                amendment=amendment,
                organisation_id=act.organisation_id,
                certified_by_id=act.actor_id,
                certified_by_label=act.actor_label,
                content_hash=act.content_hash,
            )
            AmendmentCertification.objects.filter(pk=made.pk).update(at=act.at)
        elif act.act in ("approve", "reject"):
            made = AmendmentApproval.objects.create(
                amendment=amendment,
                body=act.body,
                organisation_id=act.organisation_id,
                approved_by_id=act.actor_id,
                approved_by_label=act.actor_label,
                decision=act.act,
                reason=act.reason,
                content_hash=act.content_hash,
            )
            AmendmentApproval.objects.filter(pk=made.pk).update(at=act.at)
        act.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("amendments", "0001_initial"),
        ("signoff", "0001_initial"),
        ("team", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(into_the_engine, out_of_the_engine),
        migrations.RemoveField(model_name="amendmentcertification", name="amendment"),
        migrations.RemoveField(model_name="amendmentcertification", name="certified_by"),
        migrations.RemoveField(model_name="amendmentcertification", name="organisation"),
        migrations.DeleteModel(name="AmendmentApproval"),
        migrations.DeleteModel(name="AmendmentCertification"),
    ]
