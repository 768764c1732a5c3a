"""Move the outcomes summary's approvals into the sign-off engine and drop their table.

Each decision becomes an act on the subject "outcomes", with no version number, bound to the
certified text's hash as before, keeping its moment, label and reason; a team decision keeps
its maker's team role when it can still be read.
"""

from django.db import migrations

DOCUMENT = "outcomes"


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
    OutcomesApproval = apps.get_model("outcomes", "OutcomesApproval")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    acts = []
    for approval in OutcomesApproval.objects.select_related("summary").order_by("at", "id"):
        project_id = approval.summary.project_id
        team = approval.body == "project_team"
        acts.append(
            SignOffAct(
                project_id=project_id,
                document=DOCUMENT,
                subject=DOCUMENT,
                version=None,
                content_hash=approval.content_hash,
                act=approval.decision,
                body=approval.body,
                organisation_id=approval.organisation_id,
                role=(
                    _team_role(apps, project_id, approval.decided_by_id)
                    if team
                    else "committee_member"
                ),
                actor_id=approval.decided_by_id,
                actor_label=approval.decided_by_label,
                reason=approval.reason,
                at=approval.at,
            )
        )
    SignOffAct.objects.bulk_create(acts)


def out_of_the_engine(apps, schema_editor):
    OutcomesSummary = apps.get_model("outcomes", "OutcomesSummary")
    OutcomesApproval = apps.get_model("outcomes", "OutcomesApproval")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    for act in SignOffAct.objects.filter(document=DOCUMENT).order_by("at", "id"):
        summary = OutcomesSummary.objects.filter(project_id=act.project_id).first()
        if summary is not None and act.act in ("approve", "reject"):
            made = OutcomesApproval.objects.create(
                summary=summary,
                body=act.body,
                organisation_id=act.organisation_id,
                decided_by_id=act.actor_id,
                decided_by_label=act.actor_label,
                decision=act.act,
                reason=act.reason,
                content_hash=act.content_hash,
            )
            OutcomesApproval.objects.filter(pk=made.pk).update(at=act.at)
        act.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0001_initial"),
        ("signoff", "0001_initial"),
        ("team", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(into_the_engine, out_of_the_engine),
        migrations.DeleteModel(name="OutcomesApproval"),
    ]
