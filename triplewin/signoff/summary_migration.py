"""Moving a published summary's certification and publication into the engine, and back.

Used by the data migrations of the executive summary and the outcomes summary (ADR 0024), on
historical models only. Each certification becomes a "certify" act and each publication a
"publish" act, keeping the person, the day and the hash of the text; the reverse writes the
fields back from the acts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from django.utils import timezone

# Who an act names when the summary was recorded as published outside Triple Win (kept in
# step with `signoff.services.OUTSIDE_LABEL`; a migration must not change with the code).
OUTSIDE_LABEL = "Recorded from the partnership's own records"


def text_hash(summary: Any, fields: tuple[str, ...]) -> str:
    """The hash the apps bind sign-off to (`concept.selectors.content_hash` of the text)."""
    content = {name: getattr(summary, name) for name in fields}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _noon(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def _label(user: Any) -> str:
    if user is None:
        return OUTSIDE_LABEL
    full = f"{user.first_name} {user.last_name}".strip()
    return f"{full} <{user.username}>" if full else user.username


def _partners(apps: Any, project_id: int) -> list[Any]:
    Partner = apps.get_model("partnerships", "ProjectPartner")
    orgs = [p.organisation for p in Partner.objects.filter(project_id=project_id)]
    # Industry partners first (historical models have no `is_pharmaceutical`).
    return sorted(orgs, key=lambda o: (o.org_type != "pharmaceutical", o.name))


def _acting_for(apps: Any, project_id: int, user_id: int | None, role: str) -> tuple[Any, str]:
    """The partner the person acted for, and their role there; else the first industry partner."""
    partners = _partners(apps, project_id)
    if user_id is not None:
        Membership = apps.get_model("organisations", "Membership")
        held = set(
            Membership.objects.filter(
                user_id=user_id, role=role, organisation__in=partners
            ).values_list("organisation_id", flat=True)
        )
        for org in partners:
            if org.pk in held:
                return org, role
    return (partners[0] if partners else None), ""


def into_the_engine(
    apps: Any, *, app_label: str, model: str, document: str, fields: tuple[str, ...]
) -> None:
    Summary = apps.get_model(app_label, model)
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    for summary in Summary.objects.select_related("certified_by", "published_by").order_by("pk"):
        digest = summary.certified_hash or text_hash(summary, fields)
        done = (
            ("certify", summary.certified_on, summary.certified_by, "certification_signatory"),
            ("publish", summary.published_on, summary.published_by, "partnership_lead"),
        )
        for act, day, user, role in done:
            if day is None:
                continue
            organisation, held = _acting_for(
                apps, summary.project_id, getattr(user, "pk", None), role
            )
            if organisation is None:
                continue  # a summary on a project with no partners cannot be acted on
            SignOffAct.objects.create(
                project_id=summary.project_id,
                document=document,
                subject=document,
                version=None,
                content_hash=digest,
                act=act,
                body="partner",
                organisation=organisation,
                role=held,
                actor=user,
                actor_label=_label(user),
                at=_noon(day),
            )
        if summary.status == "certified":
            summary.status = "draft"  # certified is now the engine's answer, not a status
            summary.save(update_fields=["status"])


def out_of_the_engine(
    apps: Any, *, app_label: str, model: str, document: str, fields: tuple[str, ...]
) -> None:
    Summary = apps.get_model(app_label, model)
    SignOffAct = apps.get_model("signoff", "SignOffAct")
    acts = SignOffAct.objects.filter(document=document, act__in=("certify", "publish"))
    for summary in Summary.objects.order_by("pk"):
        live = text_hash(summary, fields)
        mine = list(acts.filter(project_id=summary.project_id).order_by("at", "id"))
        cert = next((a for a in mine if a.act == "certify" and a.content_hash == live), None)
        cert = cert or next((a for a in mine if a.act == "certify"), None)
        published = next((a for a in mine if a.act == "publish"), None)
        if cert is not None:
            summary.certified_by_id = cert.actor_id
            summary.certified_on = timezone.localdate(cert.at)
            summary.certified_hash = "" if cert.actor_label == OUTSIDE_LABEL else cert.content_hash
            if summary.status == "draft" and cert.content_hash == live:
                summary.status = "certified"
        if published is not None:
            summary.published_by_id = published.actor_id
            summary.published_on = timezone.localdate(published.at)
        summary.save()
    acts.delete()
