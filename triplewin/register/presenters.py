"""What the public may see of a published partnership, and nothing more."""

from __future__ import annotations

from triplewin.core.lifecycle import STATES
from triplewin.executive_summary.models import ExecutiveSummary


class RegisterEntry:
    def __init__(self, summary: ExecutiveSummary) -> None:
        self.summary = summary
        self.project = summary.project

    @property
    def pk(self) -> int:
        return self.project.pk

    @property
    def title(self) -> str:
        return self.project.title

    @property
    def status(self) -> str:
        return STATES[self.project.state_enum].label

    @property
    def partners(self) -> list[str]:
        return [p.organisation.name for p in self.project.partners.all()]

    @property
    def type_label(self) -> str:
        return self.project.get_intended_type_display() or "Not stated"

    @property
    def setting(self) -> str:
        return self.project.get_origin_setting_display()

    def rows(self) -> list[tuple[str, str]]:
        s = self.summary
        return [
            (label, value)
            for label, value in (
                ("Rationale", s.rationale),
                ("Objectives", s.objectives),
                ("Benefits to patients", s.benefits_patients),
                ("Benefits to the NHS", s.benefits_nhs),
                ("Benefits to industry", s.benefits_industry),
                ("Period", s.period),
                ("Financial arrangements", s.financial_arrangements),
                ("Publication plans", s.publication_plans),
                ("Accountable contacts", s.contacts),
                ("Roles and responsibilities", s.roles),
            )
            if value
        ]
