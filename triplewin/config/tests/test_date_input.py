"""NHS.UK's date input: three boxes, one ISO value still accepted, plain-English errors."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import engines

from triplewin.config.date_input import REAL_DATE, YEAR_DIGITS, DateField
from triplewin.config.forms import GuardedForm


class _Form(GuardedForm):
    happened_on = DateField(label="When it happened")
    ended_on = DateField(label="When it ended (optional)", required=False)


def _boxes(day: str, month: str, year: str, name: str = "happened_on") -> dict[str, str]:
    return {f"{name}_day": day, f"{name}_month": month, f"{name}_year": year}


@pytest.mark.parametrize(
    ("posted", "expected"),
    [
        (_boxes("27", "3", "2026"), dt.date(2026, 3, 27)),
        (_boxes(" 07 ", "03", "2026"), dt.date(2026, 3, 7)),
        (_boxes("27", "March", "2026"), dt.date(2026, 3, 27)),
        (_boxes("1", "sept", "2025"), dt.date(2025, 9, 1)),
        ({"happened_on": "2026-03-27"}, dt.date(2026, 3, 27)),
    ],
)
def test_a_date_is_read_from_the_boxes_or_one_iso_value(
    posted: dict[str, str], expected: dt.date
) -> None:
    form = _Form(data=posted)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["happened_on"] == expected
    assert form.cleaned_data["ended_on"] is None


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({}, "Enter a date"),
        (_boxes("", "", ""), "Enter a date"),
        (_boxes("27", "3", ""), "The date must include a year"),
        (_boxes("", "3", "2026"), "The date must include a day"),
        (_boxes("", "", "2026"), "The date must include a day and month"),
        (_boxes("31", "2", "2026"), REAL_DATE),
        (_boxes("27", "13", "2026"), REAL_DATE),
        (_boxes("x", "3", "2026"), REAL_DATE),
        (_boxes("27", "3", "26"), YEAR_DIGITS),
        ({"happened_on": "27th of March"}, REAL_DATE),
    ],
)
def test_a_wrong_date_is_told_in_plain_english(posted: dict[str, str], message: str) -> None:
    form = _Form(data=posted)
    assert not form.is_valid()
    assert form.errors["happened_on"] == [message]


def test_the_boxes_render_with_nhs_markup_and_keep_what_was_typed() -> None:
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    form = _Form(data={**_boxes("31", "2", "2026"), **_boxes("1", "", "", name="ended_on")})
    form.is_valid()
    html = env.from_string("{{ field(form['happened_on']) }}{{ field(form['ended_on']) }}").render(
        form=form
    )
    assert 'class="nhsuk-date-input"' in html
    assert 'type="date"' not in html
    for part in ("day", "month", "year"):
        assert f'name="happened_on_{part}"' in html
        assert f'id="id_happened_on_{part}"' in html
    assert 'value="31"' in html
    assert REAL_DATE in html
    assert "The date must include a month and year" in html
    assert "For example, 27 3 2026" in html


def test_a_stored_date_fills_the_boxes() -> None:
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    form = _Form(initial={"happened_on": dt.date(2025, 11, 4)})
    html = env.from_string("{{ field(form['happened_on']) }}").render(form=form)
    for value in ('value="4"', 'value="11"', 'value="2025"'):
        assert value in html


def test_the_error_summary_links_to_the_day_box() -> None:
    from triplewin.config.form_fields import error_summary_items

    form = _Form(data=_boxes("", "", ""))
    form.is_valid()
    assert {"text": "When it happened: Enter a date", "href": "#id_happened_on_day"} in (
        error_summary_items(form)
    )
