"""Reads about amendments: their content hash, where sign-off stands, and whether one may start."""

from __future__ import annotations

from typing import Any

from triplewin.agreement.selectors import agreement_of, parties_of
from triplewin.amendments.models import Amendment, AmendmentStatus, VariationAgreement
from triplewin.concept.selectors import content_hash
from triplewin.core import signoff as core
from triplewin.organisations.models import Organisation
from triplewin.partnerships.models import Project
from triplewin.pid.selectors import current_hash, latest_signed_off_version
from triplewin.pid.services import AMENDABLE_IN
from triplewin.signoff import selectors as signoff
from triplewin.signoff.sources import Version


def amendments_of(project: Project) -> list[Amendment]:
    return list(
        Amendment.objects.filter(project=project)
        .select_related("project", "produced_version", "base_version")
        .order_by("number")
    )


def amendment_snapshot(amendment: Amendment, base_hash: str) -> dict[str, Any]:
    """Everything approvers decide on, including the PID content it was written against."""
    return {
        "number": amendment.number,
        "title": amendment.title,
        "reason": amendment.reason,
        "impact_timeline": amendment.impact_timeline,
        "impact_logistics": amendment.impact_logistics,
        "impact_money": amendment.impact_money,
        "changes_contract": amendment.changes_contract,
        "contract_changes": amendment.contract_changes,
        "changes": [
            {"field": c.field_key, "before": c.before, "after": c.after}
            for c in amendment.changes.order_by("field_key")
        ],
        "base_hash": base_hash,
    }


def amendment_hash(amendment: Amendment, base_hash: str) -> str:
    return content_hash(amendment_snapshot(amendment, base_hash))


def may_raise(project: Project) -> str:
    """Why an amendment cannot be raised now, or "" if it can."""
    if project.state_enum not in AMENDABLE_IN:
        return (
            "Amendments are raised once the PID is approved and until delivery ends; before "
            "that, change the PID itself."
        )
    if latest_signed_off_version(project) is None:
        return "There is no approved PID version to amend yet."
    return ""


def is_stale(amendment: Amendment) -> bool:
    """Submitted, but the PID has changed since, so approvers would not see what it changes."""
    return (
        amendment.status == AmendmentStatus.SUBMITTED
        and current_hash(amendment.project) != amendment.base_hash
    )


DOCUMENT = "amendment"


def subject_of(amendment: Amendment) -> str:
    """How the engine and the documents name one amendment: "amendment-3"."""
    return f"{DOCUMENT}-{amendment.number}"


class AmendmentVersions:
    """An amendment as the sign-off engine sees it: one version, under its submitted hash."""

    noun = "amendment"

    def _get(self, project: Project, subject: str) -> Amendment | None:
        number = subject.removeprefix(f"{DOCUMENT}-")
        if not number.isdigit():
            return None
        return Amendment.objects.filter(project=project, number=int(number)).first()

    def versions(self, project: Project, subject: str) -> list[Version]:
        amendment = self._get(project, subject)
        if amendment is None or amendment.status == AmendmentStatus.DRAFT:
            return []
        return [Version(None, amendment.content_hash)] if amendment.content_hash else []

    def live_hash(self, project: Project, subject: str) -> str:
        """What the amendment would hash to now: different once the PID moved under it."""
        amendment = self._get(project, subject)
        if amendment is None:
            return ""
        if is_stale(amendment):
            return amendment_hash(amendment, current_hash(project))
        return amendment.content_hash


def sign_off_state(amendment: Amendment) -> core.VersionSignOff:
    """Only decisions on the content as it stands count; none exist before submission."""
    return signoff.sign_off(
        amendment.project,
        DOCUMENT,
        subject_of(amendment),
        Version(None, amendment.content_hash),
        live_hash=amendment.content_hash,
    )


def variation_parties(project: Project) -> list[Organisation]:
    """Who signs a variation: the agreement's parties, or the partners if none are named."""
    parties = parties_of(agreement_of(project))
    if parties:
        return [p.organisation for p in parties]
    return [
        p.organisation
        for p in project.partners.select_related("organisation").order_by("organisation__name")
    ]


def title_changed_by(project: Project) -> Amendment | None:
    """The latest approved amendment that changed the project's title, if any."""
    from triplewin.amendments.fields import TITLE_KEY

    return (
        Amendment.objects.filter(
            project=project, status=AmendmentStatus.APPROVED, changes__field_key=TITLE_KEY
        )
        .order_by("-number")
        .first()
    )


# A variation agreement's signatures, as the sign-off engine keeps them (ADR 0026).
VARIATION_DOCUMENT = "variation-signature"


def variation_subject(variation: VariationAgreement) -> str:
    """How the engine names one variation: by its amendment's number, "variation-3"."""
    return f"variation-{variation.amendment.number}"


def variation_hash(variation: VariationAgreement) -> str:
    """The fingerprint of what the parties sign: the amendment and the changes it makes."""
    return content_hash({"amendment": variation.amendment.number, "changes": variation.changes})


class VariationVersions:
    """A variation as the sign-off engine sees it: one text, under its content's hash."""

    noun = "variation agreement"

    def _get(self, project: Project, subject: str) -> VariationAgreement | None:
        number = subject.removeprefix("variation-")
        if not number.isdigit():
            return None
        return (
            VariationAgreement.objects.filter(
                amendment__project=project, amendment__number=int(number)
            )
            .select_related("amendment")
            .first()
        )

    def versions(self, project: Project, subject: str) -> list[Version]:
        variation = self._get(project, subject)
        return [] if variation is None else [Version(None, variation_hash(variation))]

    def live_hash(self, project: Project, subject: str) -> str:
        variation = self._get(project, subject)
        return "" if variation is None else variation_hash(variation)


def variation_signatures(variation: VariationAgreement) -> core.VersionSignOff | None:
    """Which of the variation's parties have signed what it says now."""
    parties = [p.organisation for p in variation.parties.select_related("organisation")]
    return signoff.signatures(
        variation.amendment.project, VARIATION_DOCUMENT, variation_subject(variation), parties
    )
