"""Display logic for a project: status tag, stage and progress (next steps: next_steps.py)."""

from __future__ import annotations

from dataclasses import dataclass

from triplewin.core.lifecycle import STATES, TERMINAL_STATES, main_path
from triplewin.partnerships.models import Project


@dataclass(frozen=True)
class Step:
    label: str
    css: str
    status_text: str


class ProjectPresenter:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.state = project.state_enum
        self.info = STATES[self.state]

    @property
    def status_tag(self) -> dict[str, str]:
        return {"text": self.info.label, "classes": f"nhsuk-tag--{self.info.tag_colour}"}

    @property
    def stage(self) -> str:
        return self.info.stage.value

    @property
    def is_closed(self) -> bool:
        return self.state in TERMINAL_STATES

    def progress(self) -> list[Step]:
        path = main_path()
        current = path.index(self.state) if self.state in path else -1
        steps = []
        for index, state in enumerate(path):
            if current == -1 or index > current:
                steps.append(Step(STATES[state].label, "", "not reached"))
            elif index == current:
                steps.append(Step(STATES[state].label, "tw-progress--current", "current"))
            else:
                steps.append(Step(STATES[state].label, "tw-progress--done", "done"))
        return steps

    @property
    def partners_text(self) -> str:
        return ", ".join(p.organisation.name for p in self.project.partners.all())
