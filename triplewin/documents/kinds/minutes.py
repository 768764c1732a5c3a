"""Minutes of each meeting; the meetings app approves them, which freezes their content."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from triplewin.core.dates import long_date
from triplewin.core.documents import catalogue
from triplewin.core.documents.definitions import Filled, build
from triplewin.core.documents.model import Status
from triplewin.core.documents.normalise import content_hash as hash_of
from triplewin.documents.kinds.base import (
    Decided,
    Kind,
    Signer,
    Snapshot,
    Subject,
    subject_number,
)
from triplewin.meetings.models import Meeting, MeetingStatus
from triplewin.meetings.presenters import MeetingPresenter
from triplewin.partnerships.models import Project
from triplewin.team.selectors import display_name


def _rows(p: MeetingPresenter) -> dict[str, Filled]:
    decisions: list[tuple[str, str, str]] = []
    for d in p.decisions:
        lines = [d.text]
        if d.agenda_item:
            lines.append(f"Agenda item: {d.agenda_item}")
        if d.outcome:
            lines.append(f"Outcome: {d.outcome}")
        if d.counts:
            lines.append(f"Votes: {d.counts}")
        lines.extend(f"Excluded from the vote: {e.name} ({e.reason})" for e in d.exclusions)
        lines.extend(f"Voted with a managed conflict: {v.name} ({v.text})" for v in d.managed_votes)
        decisions.append((f"decision-{d.pk}", f"Decision {len(decisions) + 1}", "\n".join(lines)))
    return {
        "attendance": [
            (f"member-{a.member_pk}", a.name, f"{a.organisation}. {a.status}.")
            for a in p.attendance
        ],
        "declarations": [
            (
                f"declaration-{i}",
                f"{d.person}, {d.organisation}",
                d.text + (f"\nHow it is managed: {d.managed}" if d.managed else ""),
            )
            for i, d in enumerate(p.declarations, start=1)
        ],
        "agenda": [
            (
                f"item-{a.pk}",
                f"Item {a.number}",
                a.title + (f" (relates to {a.relates_to})" if a.relates_to else ""),
            )
            for a in p.agenda
        ],
        "decisions": decisions,
        "actions": [
            (f"action-{a.pk}", a.description, f"Owner: {a.owner}. Due: {long_date(a.due_on)}.")
            for a in p.actions
        ],
    }


class MinutesKind(Kind):
    definition = catalogue.MINUTES

    def _get(self, project: Project, subject: str) -> Meeting | None:
        pk = subject_number(subject, self.key)
        if pk is None:
            return None
        return Meeting.objects.filter(project=project, pk=pk).first()

    def subjects(self, project: Project) -> list[Subject]:
        held = Meeting.objects.filter(project=project).exclude(status=MeetingStatus.PLANNED)
        return [
            Subject(f"{self.key}-{m.pk}", f"Minutes: {m.title}, {long_date(m.scheduled_for)}")
            for m in held.order_by("scheduled_for", "pk")
        ]

    def owner_url(self, project: Project, subject: str) -> str:
        pk = subject_number(subject, self.key)
        return reverse("meetings:minutes", args=[project.pk, pk]) if pk else ""

    def current(self, project: Project, subject: str) -> Snapshot:
        m = self._get(project, subject)
        values: dict[str, Filled] = {}
        if m is not None:
            values = _rows(MeetingPresenter(m))
            values["meeting"] = {
                "title": f"{m.title} ({m.get_kind_display()})",
                "date": m.scheduled_for.isoformat(),
                "location": m.location,
            }
            values["notes"] = {"notes": m.minutes_notes}
        document = build(
            self.definition,
            project=project.title,
            values=values,
            subtitle=m.title if m else "",
        )
        return Snapshot(document, "")

    def _approved(self, m: Meeting) -> Decided:
        by = display_name(m.minutes_approved_by) if m.minutes_approved_by else ""
        return Decided(
            Status.APPROVED,
            by,
            m.minutes_approved_at or timezone.now(),
            Signer(m.minutes_approved_by_id),
        )

    def signed_off(self, project: Project, subject: str) -> list[Snapshot]:
        m = self._get(project, subject)
        if m is None or m.status != MeetingStatus.MINUTES_APPROVED:
            return []
        return [self.current(project, subject)]

    def status_of(
        self, project: Project, subject: str, source_hash: str, content_hash: str
    ) -> Decided | None:
        # Approved minutes are final, so content matching them now is the approved content.
        m = self._get(project, subject)
        if m is None or m.status != MeetingStatus.MINUTES_APPROVED:
            return None
        if hash_of(self.current(project, subject).document) != content_hash:
            return None
        return self._approved(m)
