"""The Project Concept Framework, read from the concept app; each partner approves it there.

The document is built from the concept app's own snapshot (the content partners decide on), so
a version's source hash is exactly the hash their decisions are bound to.
"""

from __future__ import annotations

from typing import Any

from triplewin.concept.models import ConceptFramework
from triplewin.concept.selectors import (
    DOCUMENT,
    approval_state,
    concept_snapshot,
    content_hash,
    decided_on_current,
    decisions_of,
)
from triplewin.concept.selectors import content_hash as hash_of
from triplewin.core import checklist
from triplewin.core import signoff as core
from triplewin.core.dates import add_days, add_months, year_day
from triplewin.core.documents import catalogue
from triplewin.core.documents.definitions import build
from triplewin.core.documents.model import Document, Status
from triplewin.documents.kinds.base import Decided, Kind, Signer, Snapshot
from triplewin.partnerships.models import PartyRole, Project
from triplewin.signoff.models import SignOffAct
from triplewin.signoff.selectors import required_bodies

ROLE_LABELS = dict(PartyRole.choices)
_ANSWERS = {"yes": "Yes", "no": "No", "na": "No treatment is involved"}


def _start(body: dict[str, Any]) -> str:
    year, quarter = body.get("start_year"), body.get("start_quarter")
    if not year:
        return ""
    return f"Quarter {quarter} {year}" if quarter else str(year)


def _dates(body: dict[str, Any]) -> dict[str, str]:
    """The first day of the start quarter, and the last day of the length from it (ISO)."""
    year, quarter, months = (
        body.get(k) for k in ("start_year", "start_quarter", "duration_months")
    )
    if not year or quarter not in (1, 2, 3, 4):
        return {}
    # year_day stops at the calendar's end: a stored year of 30000 must not break the page.
    start = year_day(int(year), 3 * (int(quarter) - 1) + 1, 1)
    dates = {"expected_start": start.isoformat()}
    if months:
        dates["expected_end"] = add_days(add_months(start, int(months)), -1).isoformat()
    return dates


def _document(project: Project, body: dict[str, Any]) -> Document:
    partners = [
        (
            f"partner-{p['organisation']}",
            str(p["organisation"]),
            str(ROLE_LABELS.get(p["role"], p["role"])),
        )
        for p in body.get("partners", [])
    ]
    partners.append(
        ("key_stakeholders", "Other key stakeholders", body.get("key_stakeholders") or "")
    )
    contributions = [
        (
            f"contribution-{c['organisation']}",
            str(c["organisation"]),
            str(c["description"])
            + (
                f"\nEstimated value: £{int(c['estimated_value']):,}" if c["estimated_value"] else ""
            ),
        )
        for c in body.get("contributions", [])
    ]
    months = body.get("duration_months")
    values: dict[str, Any] = {
        "partners": partners,
        "purpose": {
            "purpose_background": body.get("purpose_background") or "",
            "objectives": body.get("objectives") or "",
        },
        "benefits": {
            k: body.get(k) or ""
            for k in (
                "benefit_patients",
                "benefit_nhs",
                "benefit_industry",
                "expected_prescribing_effect",
            )
        },
        "contributions": contributions,
        "checklist": [
            (
                f"checklist-{q.id}",
                q.text,
                _ANSWERS.get(str(body["checklist"][q.id]), str(body["checklist"][q.id])),
            )
            for q in checklist.QUESTIONS
            if q.id in body.get("checklist", {})
        ],
        "timing": {
            "anticipated_start": _start(body),
            "length": f"{months} months" if months else "",
            **_dates(body),
        },
    }
    return build(catalogue.CONCEPT, project=str(body.get("title", project.title)), values=values)


class ConceptKind(Kind):
    definition = catalogue.CONCEPT
    owner_url_name = "concept:detail"

    def current(self, project: Project, subject: str) -> Snapshot:
        body = concept_snapshot(project, ConceptFramework.objects.filter(project=project).first())
        return Snapshot(_document(project, body), content_hash(body))

    def signed_off(self, project: Project, subject: str) -> list[Snapshot]:
        concept = ConceptFramework.objects.filter(project=project).first()
        if concept is None or not approval_state(project, concept).all_approved:
            return []
        return [self.current(project, subject)]

    def status_of(
        self, project: Project, subject: str, source_hash: str, content_hash: str
    ) -> Decided | None:
        latest: dict[int, SignOffAct] = {}
        for d in decisions_of(project):
            if d.organisation_id is not None:
                latest[d.organisation_id] = d
        partners = [p.organisation_id for p in project.partners.all()]
        body = concept_snapshot(project, ConceptFramework.objects.filter(project=project).first())
        is_current = hash_of(body) == source_hash

        def on_version(d: SignOffAct) -> bool:
            # A decision made before the checklist joined the approved content still covers
            # the current version when everything it saw is unchanged.
            return d.content_hash == source_hash or (is_current and decided_on_current(d, body))

        on_this = [latest[o] for o in partners if o in latest and on_version(latest[o])]
        # The engine's record of this version: each partner's latest decision, where it covers
        # this content (its own fingerprint is printed, the one the partner decided on).
        covering = {d.organisation_id: d.as_record() for d in on_this}
        record = core.VersionSignOff(
            core.requirements_for(DOCUMENT),
            source_hash,
            source_hash,
            None,
            tuple(
                core.BodyDecision(b.as_core(), covering.get(b.organisation.pk))
                for b in required_bodies(project, DOCUMENT)
                if b.organisation is not None
            ),
        )
        if partners and len(on_this) == len(partners) and all(d.act == "approve" for d in on_this):
            last = max(on_this, key=lambda d: d.at)
            return Decided(
                Status.APPROVED,
                last.actor_label,
                last.at,
                Signer(last.actor_id, last.organisation_id),
                record,
            )
        return Decided(Status.DRAFT, record=record)
