"""Move the PID's certifications and approvals into the sign-off engine, then drop their tables.

Every row is copied with its moment, its labels, its hash and its reason; a team decision keeps
the role (chair or project manager) its maker holds on the team, when that can still be read.
"""

from django.db import migrations

DOCUMENT = "pid"
SUBJECT = "pid"


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
    PidCertification = apps.get_model("pid", "PidCertification")
    PidApproval = apps.get_model("pid", "PidApproval")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    acts = []
    for cert in PidCertification.objects.select_related("version").order_by("at", "id"):
        acts.append(
            SignOffAct(
                project_id=cert.version.project_id,
                document=DOCUMENT,
                subject=SUBJECT,
                version=cert.version.number,
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
    for approval in PidApproval.objects.select_related("version").order_by("at", "id"):
        project_id = approval.version.project_id
        team = approval.body == "project_team"
        acts.append(
            SignOffAct(
                project_id=project_id,
                document=DOCUMENT,
                subject=SUBJECT,
                version=approval.version.number,
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
    # One table, read in the order of `at`: the original order holds.
    acts.sort(key=lambda a: a.at)
    SignOffAct.objects.bulk_create(acts)


def out_of_the_engine(apps, schema_editor):
    PidCertification = apps.get_model("pid", "PidCertification")
    PidApproval = apps.get_model("pid", "PidApproval")
    PidVersion = apps.get_model("pid", "PidVersion")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    for act in SignOffAct.objects.filter(document=DOCUMENT, subject=SUBJECT).order_by("at", "id"):
        version = PidVersion.objects.get(project_id=act.project_id, number=act.version)
        if act.act == "certify":
            made = PidCertification.objects.create(
                version=version,
                organisation_id=act.organisation_id,
                certified_by_id=act.actor_id,
                certified_by_label=act.actor_label,
                content_hash=act.content_hash,
            )
            PidCertification.objects.filter(pk=made.pk).update(at=act.at)
        elif act.act in ("approve", "reject"):
            made = PidApproval.objects.create(
                version=version,
                body=act.body,
                organisation_id=act.organisation_id,
                approved_by_id=act.actor_id,
                approved_by_label=act.actor_label,
                decision=act.act,
                reason=act.reason,
                content_hash=act.content_hash,
            )
            PidApproval.objects.filter(pk=made.pk).update(at=act.at)
        act.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pid", "0001_initial"),
        ("signoff", "0001_initial"),
        ("team", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(into_the_engine, out_of_the_engine),
        migrations.RemoveField(model_name="pidcertification", name="certified_by"),
        migrations.RemoveField(model_name="pidcertification", name="organisation"),
        migrations.RemoveField(model_name="pidcertification", name="version"),
        migrations.DeleteModel(name="PidApproval"),
        migrations.DeleteModel(name="PidCertification"),
    ]
