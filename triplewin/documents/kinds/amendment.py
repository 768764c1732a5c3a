"""Project amendments, one document each; the amendments app certifies and approves them."""

from __future__ import annotations

from django.urls import reverse

from triplewin.amendments.models import Amendment, AmendmentStatus
from triplewin.amendments.selectors import sign_off_state
from triplewin.core.documents import catalogue
from triplewin.core.documents.definitions import Filled, build
from triplewin.core.documents.model import Status
from triplewin.documents.kinds.base import (
    Decided,
    Kind,
    Signer,
    Snapshot,
    Subject,
    subject_number,
)
from triplewin.organisations.models import Role
from triplewin.partnerships.models import Project


class AmendmentKind(Kind):
    definition = catalogue.AMENDMENT

    def _get(self, project: Project, subject: str) -> Amendment | None:
        number = subject_number(subject, self.key)
        if number is None:
            return None
        return Amendment.objects.filter(project=project, number=number).first()

    def subjects(self, project: Project) -> list[Subject]:
        return [
            Subject(f"{self.key}-{a.number}", f"Project Amendment {a.number}: {a.title}")
            for a in Amendment.objects.filter(project=project).order_by("number")
        ]

    def owner_url(self, project: Project, subject: str) -> str:
        number = subject_number(subject, self.key)
        return reverse("amendments:detail", args=[project.pk, number]) if number else ""

    def current(self, project: Project, subject: str) -> Snapshot:
        a = self._get(project, subject)
        changes = (
            [
                (
                    c.field_key,
                    f"{c.section_title}: {c.field_label}",
                    f"Was: {c.before or '(empty)'}\nNow: {c.after}",
                )
                for c in a.changes.order_by("field_key")
            ]
            if a
            else []
        )
        values: dict[str, Filled] = {
            "amendment": {
                "title": a.title if a else "",
                "reason": a.reason if a else "",
                "submitted_on": a.submitted_on.isoformat() if a and a.submitted_on else "",
                "base_version": f"Version {a.base_version.number}" if a and a.base_version else "",
            },
            "changes": changes,
            "impact": {
                "impact_timeline": a.impact_timeline if a else "",
                "impact_logistics": a.impact_logistics if a else "",
                "impact_money": a.impact_money if a else "",
            },
            "contract": {
                "contract_changes": (a.contract_changes if a.changes_contract else "No change.")
                if a
                else ""
            },
        }
        document = build(
            self.definition,
            project=project.title,
            values=values,
            subtitle=f"Amendment {a.number}" if a else "",
        )
        return Snapshot(document, a.content_hash if a and a.status != AmendmentStatus.DRAFT else "")

    def signed_off(self, project: Project, subject: str) -> list[Snapshot]:
        a = self._get(project, subject)
        if a is None or not a.content_hash or not sign_off_state(a).certified:
            return []
        return [self.current(project, subject)]

    def status_of(
        self, project: Project, subject: str, source_hash: str, content_hash: str
    ) -> Decided | None:
        a = self._get(project, subject)
        if a is None or not source_hash or a.content_hash != source_hash:
            return None
        state = sign_off_state(a)
        cert = state.certification
        if cert is None:
            if a.status == AmendmentStatus.SUBMITTED:
                return Decided(Status.SUBMITTED, a.created_by_label, None, record=state)
            return None
        status = Status.APPROVED if state.signed_off else Status.CERTIFIED
        signer = Signer(cert.actor_id, cert.organisation_id, Role.CERTIFICATION_SIGNATORY)
        return Decided(status, cert.actor_label, cert.at, signer, state)
