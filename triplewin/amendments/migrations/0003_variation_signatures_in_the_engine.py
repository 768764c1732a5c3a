"""Move variation agreements' signature dates into the sign-off engine (ADR 0026).

Each signed party becomes a "sign" act on the document "variation-signature", subject
"variation-<amendment number>", bound to the fingerprint of the amendment number and the
variation's changes. The date becomes the act's moment (midday, local time). The old rows named
no signatory, so the agreement's named signatory for the party is used when there is one, and
otherwise the statement says the name was not recorded. The actor is the user whose audit event
saved that date, when one is found. `VariationSignature` becomes `VariationParty`: who signs,
without a date. Backwards, each party's latest signature date is written back.
"""

import datetime as dt
import hashlib
import json

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

from triplewin.core import signoff as core

DOCUMENT = "variation-signature"
MIGRATED_LABEL = "Recorded before signatures moved to the sign-off engine"
NOT_NAMED = "A signatory whose name was not recorded"


def _hash(variation):
    # As amendments.selectors.variation_hash (concept.selectors.content_hash) computes it now.
    snapshot = {"amendment": variation.amendment.number, "changes": variation.changes}
    canonical = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _recorder(apps, signature):
    """Who saved this party's date: the newest audit event whose change ends on it."""
    AuditEvent = apps.get_model("audit", "AuditEvent")
    name = signature.organisation.name
    day = signature.signed_on.isoformat()
    events = AuditEvent.objects.filter(
        project_id=signature.variation.amendment.project_id,
        action__in=("variation.signatures_saved", "variation.party_signed"),
    ).order_by("-sequence")
    for event in events:
        changes = event.changes or {}
        saved = (changes.get(name) or [None, None])[1] == day
        engine = (changes.get("organisation") or [None, None])[1] == name and (
            changes.get("signed_on") or [None, None]
        )[1] == day
        if saved or engine:
            return event.actor_id, event.actor_label
    return None, MIGRATED_LABEL


def _signatory(apps, signature):
    AgreementParty = apps.get_model("agreement", "AgreementParty")
    party = AgreementParty.objects.filter(
        agreement__project_id=signature.variation.amendment.project_id,
        organisation_id=signature.organisation_id,
    ).first()
    if party is None or not party.signatory_name.strip():
        return NOT_NAMED
    return ", ".join(x for x in (party.signatory_name, party.signatory_job_title) if x.strip())


def into_the_engine(apps, schema_editor):
    VariationSignature = apps.get_model("amendments", "VariationSignature")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    requirements = core.requirements_for(DOCUMENT)
    acts = []
    signed = VariationSignature.objects.filter(signed_on__isnull=False).select_related(
        "variation__amendment", "organisation"
    )
    for signature in signed.order_by("signed_on", "id"):
        variation = signature.variation
        content_hash = _hash(variation)
        actor_id, actor_label = _recorder(apps, signature)
        acts.append(
            SignOffAct(
                project_id=variation.amendment.project_id,
                document=DOCUMENT,
                subject=f"variation-{variation.amendment.number}",
                version=None,
                content_hash=content_hash,
                act="sign",
                body="partner",
                organisation_id=signature.organisation_id,
                role="",
                actor_id=actor_id,
                actor_label=actor_label,
                statement=core.signature_statement(
                    requirements,
                    content_hash=content_hash,
                    acting_for=signature.organisation.name,
                    signatory=_signatory(apps, signature),
                    on=signature.signed_on,
                ),
                at=timezone.make_aware(dt.datetime.combine(signature.signed_on, dt.time(12, 0))),
            )
        )
    SignOffAct.objects.bulk_create(acts)


def out_of_the_engine(apps, schema_editor):
    VariationSignature = apps.get_model("amendments", "VariationSignature")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    for act in SignOffAct.objects.filter(document=DOCUMENT, act="sign").order_by("id"):
        # The last recorded signature of each party stands; later rows overwrite.
        number = int(act.subject.removeprefix("variation-"))
        VariationSignature.objects.filter(
            variation__amendment__project_id=act.project_id,
            variation__amendment__number=number,
            organisation_id=act.organisation_id,
        ).update(signed_on=timezone.localtime(act.at).date())
    SignOffAct.objects.filter(document=DOCUMENT).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("amendments", "0002_sign_off_in_the_engine"),
        ("agreement", "0003_signatures_in_the_engine"),
        ("signoff", "0002_act_snapshot"),
        ("audit", "0006_refuse_changes"),
    ]

    operations = [
        migrations.RunPython(into_the_engine, out_of_the_engine),
        migrations.RemoveField(model_name="variationsignature", name="signed_on"),
        migrations.RenameModel(old_name="VariationSignature", new_name="VariationParty"),
        migrations.AlterField(
            model_name="variationparty",
            name="variation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="parties",
                to="amendments.variationagreement",
            ),
        ),
    ]
