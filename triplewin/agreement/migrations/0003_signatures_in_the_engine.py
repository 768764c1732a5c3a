"""Move the parties' signatures into the sign-off engine and drop `AgreementParty.signed_on`.

Each signed party becomes a "sign" act on the document "agreement-signature", subject
"agreement", for the party's organisation. The date signed becomes the act's moment (midday,
local time), the named signatory and job title go into its statement, and the act is bound to
the fingerprint of the agreement's terms as they stand when this runs (the text the parties
are recorded as having signed). The actor is the user whose audit event recorded the
signature, when there is one (so a migration back and forth keeps it). Backwards, each party's latest signature date is written back.
"""

import datetime as dt

from django.db import migrations
from django.utils import timezone

from triplewin.core import signoff as core
from triplewin.core.agreement_terms import terms_hash

DOCUMENT = "agreement-signature"
SUBJECT = "agreement"
# The agreement's terms as they are when this migration runs (see agreement.selectors).
TERMS_FIELDS = (
    "working_type",
    "agreement_date",
    "term_months",
    "benefits",
    "financial_arrangements",
    "roles_responsibilities",
    "success_measures",
    "publication_plans",
    "formulary_position",
    "contingency",
    "dispute_resolution",
    "exit_criteria",
    "confidentiality",
    "anti_bribery",
    "clinical_independence",
    "non_promotional",
    "competition_confidentiality",
    "code_breach_acknowledged",
)
MIGRATED_LABEL = "Recorded before signatures moved to the sign-off engine"


def _recorder(apps, party):
    """Who recorded the party's signature: the newest audit event that says so.

    Events written before this migration name the party; events written by the sign-off
    engine (after a migration back and forth) name the act, with the organisation and date.
    """
    AuditEvent = apps.get_model("audit", "AuditEvent")
    events = AuditEvent.objects.filter(
        action="agreement.party_signed", project_id=party.agreement.project_id
    ).order_by("-sequence")
    for event in events:
        changes = event.changes or {}
        named = event.object_type == "agreement.AgreementParty" and event.object_id == str(
            party.pk
        )
        engine = (
            event.object_type == "signoff.SignOffAct"
            and (changes.get("organisation") or [None, None])[1] == party.organisation.name
            and (changes.get("signed_on") or [None, None])[1] == party.signed_on.isoformat()
        )
        if named or engine:
            return event.actor_id, event.actor_label
    return None, MIGRATED_LABEL


def into_the_engine(apps, schema_editor):
    AgreementParty = apps.get_model("agreement", "AgreementParty")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    requirements = core.requirements_for(DOCUMENT)
    acts = []
    signed = AgreementParty.objects.filter(signed_on__isnull=False).select_related(
        "agreement", "organisation"
    )
    for party in signed.order_by("signed_on", "id"):
        agreement = party.agreement
        content_hash = terms_hash({name: getattr(agreement, name) for name in TERMS_FIELDS})
        actor_id, actor_label = _recorder(apps, party)
        acts.append(
            SignOffAct(
                project_id=agreement.project_id,
                document=DOCUMENT,
                subject=SUBJECT,
                version=None,
                content_hash=content_hash,
                act="sign",
                body="partner",
                organisation_id=party.organisation_id,
                role="",
                actor_id=actor_id,
                actor_label=actor_label,
                statement=core.signature_statement(
                    requirements,
                    content_hash=content_hash,
                    acting_for=party.organisation.name,
                    signatory=f"{party.signatory_name}, {party.signatory_job_title}",
                    on=party.signed_on,
                ),
                at=timezone.make_aware(dt.datetime.combine(party.signed_on, dt.time(12, 0))),
            )
        )
    SignOffAct.objects.bulk_create(acts)


def out_of_the_engine(apps, schema_editor):
    AgreementParty = apps.get_model("agreement", "AgreementParty")
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    acts = SignOffAct.objects.filter(document=DOCUMENT, act="sign").order_by("id")
    for act in acts:
        # The last recorded signature of each party stands; later rows overwrite.
        AgreementParty.objects.filter(
            agreement__project_id=act.project_id, organisation_id=act.organisation_id
        ).update(signed_on=timezone.localtime(act.at).date())
    SignOffAct.objects.filter(document=DOCUMENT).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agreement", "0002_safeguard_clauses"),
        ("signoff", "0002_act_snapshot"),
        ("audit", "0006_refuse_changes"),
    ]

    operations = [
        migrations.RunPython(into_the_engine, out_of_the_engine),
        migrations.RemoveField(model_name="agreementparty", name="signed_on"),
    ]
