"""The contributions section: what each party brings."""

from __future__ import annotations

from triplewin.pid.sections.base import Section, section
from triplewin.pid.sections.rows import row_field
from triplewin.pid.sections.sources import Sources


def contributions(src: Sources) -> Section:
    # Imported here: the contributions app owns its selectors and may import PID code itself.
    from triplewin.contributions.selectors import contributions_for_pid

    return section(
        "contributions",
        "Contributions",
        # "Organisation: Kind" names each contribution; the rest describes it.
        [
            row_field(row, key_prefix="contribution", title_keys=2)
            for row in contributions_for_pid(src.project)
        ],
        empty_text="No contributions have been recorded yet.",
    )
