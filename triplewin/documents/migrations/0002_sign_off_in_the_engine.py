"""Move the documents' own certifications and approvals into the sign-off engine.

Each row becomes an act on the same project, document kind, subject and version number, with
its moment, labels and hash. A partner's approval keeps no role: the old row did not say in
which capacity it was given.
"""

from django.db import migrations

# The kinds certified and approved on the documents pages when this migration was written.
SIGNED_OFF_HERE = ("status-report", "agreement")


def into_the_engine(apps, schema_editor):
    DocumentCertification = apps.get_model("documents", "DocumentCertification")
    DocumentApproval = apps.get_model("documents", "DocumentApproval")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    acts = []
    for cert in DocumentCertification.objects.select_related("version"):
        acts.append(
            SignOffAct(
                project_id=cert.version.project_id,
                document=cert.version.kind,
                subject=cert.version.document,
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
    for approval in DocumentApproval.objects.select_related("version"):
        acts.append(
            SignOffAct(
                project_id=approval.version.project_id,
                document=approval.version.kind,
                subject=approval.version.document,
                version=approval.version.number,
                content_hash=approval.content_hash,
                act="approve",
                body="partner",
                organisation_id=approval.organisation_id,
                role="",
                actor_id=approval.approved_by_id,
                actor_label=approval.approved_by_label,
                at=approval.at,
            )
        )
    acts.sort(key=lambda a: a.at)
    SignOffAct.objects.bulk_create(acts)


def out_of_the_engine(apps, schema_editor):
    DocumentVersion = apps.get_model("documents", "DocumentVersion")
    DocumentCertification = apps.get_model("documents", "DocumentCertification")
    DocumentApproval = apps.get_model("documents", "DocumentApproval")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    acts = SignOffAct.objects.filter(document__in=SIGNED_OFF_HERE).order_by("at", "id")
    for act in acts:
        version = DocumentVersion.objects.filter(
            project_id=act.project_id, document=act.subject, number=act.version
        ).first()
        if version is None:
            continue
        if act.act == "certify":
            made = DocumentCertification.objects.create(
                version=version,
                organisation_id=act.organisation_id,
                certified_by_id=act.actor_id,
                certified_by_label=act.actor_label,
                content_hash=act.content_hash,
            )
            DocumentCertification.objects.filter(pk=made.pk).update(at=act.at)
        elif act.act == "approve":
            made = DocumentApproval.objects.create(
                version=version,
                organisation_id=act.organisation_id,
                approved_by_id=act.actor_id,
                approved_by_label=act.actor_label,
                content_hash=act.content_hash,
            )
            DocumentApproval.objects.filter(pk=made.pk).update(at=act.at)
        else:
            continue
        act.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("signoff", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(into_the_engine, out_of_the_engine),
        migrations.RemoveField(model_name="documentcertification", name="certified_by"),
        migrations.RemoveField(model_name="documentcertification", name="organisation"),
        migrations.RemoveField(model_name="documentcertification", name="version"),
        migrations.DeleteModel(name="DocumentApproval"),
        migrations.DeleteModel(name="DocumentCertification"),
    ]
