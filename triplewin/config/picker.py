"""A long list of checkboxes, grouped under headings, with a type-ahead search above them.

Without JavaScript the person sees one fieldset of checkboxes per group (NHS bodies, companies,
others). With it, `static/app/picker.js` adds NHS services' `accessible-autocomplete` above the
groups: choosing a name ticks its box. The form posts the ticked boxes either way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django import forms


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes shown in groups; `group_of` names a choice's group from its model instance
    (or its value, for plain choices). Groups appear in `order`, then any others by name."""

    def __init__(
        self,
        *,
        group_of: Callable[[Any], str],
        order: Sequence[str] = (),
        search_label: str = "Find by name",
        attrs: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(attrs=attrs)
        self.group_of = group_of
        self.order = tuple(order)
        self.search_label = search_label

    def grouped(self, choices: Any) -> list[tuple[str, list[tuple[Any, str]]]]:
        groups: dict[str, list[tuple[Any, str]]] = {}
        for value, label in choices:
            if value == "":
                continue
            groups.setdefault(self.group_of(getattr(value, "instance", value)), []).append(
                (value, str(label))
            )
        rank = {name: i for i, name in enumerate(self.order)}
        return sorted(groups.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))
