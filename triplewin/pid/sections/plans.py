"""One section per set-up plan, the RACI chart included."""

from __future__ import annotations

from django.utils.text import slugify

from triplewin.pid.sections.base import Section, section
from triplewin.pid.sections.rows import row_field
from triplewin.pid.sections.sources import Sources


def plans(src: Sources) -> list[Section]:
    # Imported here: the plans app owns its selectors and may import PID code itself.
    from triplewin.plans.selectors import plans_for_pid

    return [
        section(
            f"plan-{slugify(name)}",
            name,
            [row_field(row, key_prefix="entry") for row in rows],
            empty_text="Nothing has been recorded in this plan yet.",
        )
        for name, rows in plans_for_pid(src.project).items()
    ]
