"""Every form in the product goes through the input guard, and the guard does its job."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django import forms
from django.contrib.auth.models import User
from django.template import engines
from jinja2 import Environment

import triplewin
from triplewin.amendments.fields import Amendable, Target
from triplewin.config.date_input import DateField, DateInput
from triplewin.config.form_fields import make_field
from triplewin.config.forms import CONFIRM_SUFFIX, GuardedForm, InputGuard, RangedDateField
from triplewin.core import scoping_guide
from triplewin.core.input_guard import PERSONAL_DATES, confirmation_token
from triplewin.kpis.models import Kpi, Site
from triplewin.organisations.models import Organisation, OrgType

NHS_NUMBER = "943 476 5919"


def _import_everything() -> None:
    for module in pkgutil.walk_packages(triplewin.__path__, "triplewin."):
        name = module.name
        if ".tests" in name or ".migrations" in name or name.endswith(".urls"):
            continue
        importlib.import_module(name)


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def product_forms() -> list[type[forms.BaseForm]]:
    _import_everything()
    found = {
        cls
        for cls in _subclasses(forms.BaseForm)
        if cls.__module__.startswith("triplewin.")
        and ".tests" not in cls.__module__
        and cls.__module__ != "triplewin.config.forms"
    }
    return sorted(found, key=lambda c: (c.__module__, c.__qualname__))


def test_the_walk_finds_the_product_forms() -> None:
    names = {f"{c.__module__}.{c.__qualname__}" for c in product_forms()}
    assert len(names) > 90
    assert "triplewin.concept.forms.ConceptForm" in names
    assert "triplewin.accounts.forms.SignInForm" in names


@pytest.mark.parametrize("form_class", product_forms(), ids=lambda c: c.__qualname__)
def test_every_form_goes_through_the_guard(form_class: type[forms.BaseForm]) -> None:
    assert issubclass(form_class, InputGuard), (
        f"{form_class.__module__}.{form_class.__qualname__} must start from GuardedForm, "
        "GuardedModelForm or InputGuard (triplewin/config/forms.py)."
    )
    # Overriding either step would let a form accept values the guard never saw.
    assert form_class._clean_fields is InputGuard._clean_fields
    assert form_class.full_clean is forms.BaseForm.full_clean


def _amendable(target: Target, key: str = "k") -> Amendable:
    return Amendable(
        key=key, section_title="S", label="Planned start date", current="", target=target
    )


# Forms whose constructor needs more than empty lists, with each way they are built; every
# other form is built with [] for each keyword argument it requires, so a new form is tried
# without anyone listing it.
SPECIAL: dict[str, list[dict[str, Any]]] = {
    "MeasurementForm": [{"sites": Site.objects.none()}],
    "ChartOptionsForm": [{"sites": Site.objects.none()}],
    "ConditionForm": [{"kpis": Kpi.objects.none()}],
    "KpiForm": [{"owners": User.objects.none(), "company_side": False}],
    "SeatForm": [{"people": [], "partners": []}],
    "ScopingSectionForm": [{"section": s, "medicines": True} for s in scoping_guide.SECTIONS],
    "ChangesForm": [{"fields": [_amendable(Target.PID, "k"), _amendable(Target.DATE, "d")]}],
    **{
        name: [
            {"organisation": Organisation(org_type=t)}
            for t in (OrgType.TRUST, OrgType.PHARMACEUTICAL)
        ]
        for name in ("_PlaceInOrganisation", "InviteForm", "PersonForm")
    },
}


def variants(form_class: type[forms.BaseForm]) -> list[dict[str, Any]]:
    if getattr(getattr(form_class, "_meta", None), "model", "plain") is None:
        return []  # an abstract model form: its subclasses are tried instead
    required: dict[str, Any] = {
        p.name: []
        for p in inspect.signature(form_class.__init__).parameters.values()
        if p.kind is p.KEYWORD_ONLY and p.default is p.empty
    }
    return [{**required, **special} for special in SPECIAL.get(form_class.__name__, [{}])]


def free_text_fields(form: forms.BaseForm) -> list[str]:
    return [
        name
        for name, field in form.fields.items()
        if isinstance(field, forms.CharField)
        and not isinstance(field.widget, forms.HiddenInput | forms.PasswordInput)
    ]


def date_fields(form: forms.BaseForm) -> list[str]:
    return [name for name, field in form.fields.items() if isinstance(field, forms.DateField)]


def _cases(kind: Callable[[forms.BaseForm], list[str]]) -> list[Any]:
    return [
        pytest.param(c, kwargs, name, id=f"{c.__qualname__}.{name}")
        for c in product_forms()
        for kwargs in variants(c)
        for name in kind(c(**kwargs))
    ]


def _posted(
    form_class: type[forms.BaseForm], kwargs: dict[str, Any], name: str, value: str
) -> forms.BaseForm:
    form = form_class(**kwargs)
    posted = form_class(data={form.add_prefix(name): value}, **kwargs)
    posted.is_valid()
    return posted


CASES = _cases(free_text_fields)
DATE_CASES = _cases(date_fields)


def test_the_generic_cases_cover_the_free_text_and_dates_of_the_product() -> None:
    assert len(CASES) >= 190
    assert "ConceptForm.purpose_background" in {c.id for c in CASES}
    assert len(DATE_CASES) > 15
    assert "ChangesForm.after-d" in {c.id for c in DATE_CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(("form_class", "kwargs", "name"), CASES)
def test_no_free_text_field_accepts_an_nhs_number_or_a_control_character(
    form_class: type[forms.BaseForm], kwargs: dict[str, Any], name: str
) -> None:
    for value in (f"Seen {NHS_NUMBER} today", "Title\x07 with a bell"):
        posted = _posted(form_class, kwargs, name, value)
        assert name in posted.errors, f"{form_class.__qualname__}.{name} accepted {value!r}"
        assert value not in str(posted.cleaned_data.get(name, ""))


@pytest.mark.django_db
@pytest.mark.parametrize(("form_class", "kwargs", "name"), DATE_CASES)
def test_no_date_field_accepts_an_implausible_date(
    form_class: type[forms.BaseForm], kwargs: dict[str, Any], name: str
) -> None:
    for value in ("0001-01-01", "9999-12-31"):
        posted = _posted(form_class, kwargs, name, value)
        assert posted.has_error(name, "implausible_date"), f"{form_class.__qualname__}.{name}"
        assert "Enter a date between 1 " in " ".join(str(e) for e in posted.errors[name])


# --- The guard's behaviour, on a small form ------------------------------------------------


class Sample(GuardedForm):
    title = forms.CharField(required=False)
    notes = forms.CharField(required=False, widget=forms.Textarea)
    tags = forms.MultipleChoiceField(required=False, choices=[("a", "a"), ("9434765919", "n")])
    start = forms.DateField(required=False)
    interest_from = RangedDateField(required=False, plausible_dates=PERSONAL_DATES)
    password = forms.CharField(required=False, widget=forms.PasswordInput)


def test_a_clean_form_passes() -> None:
    form = Sample({"title": "Asthma reviews", "notes": "Line one\nline two", "start": "2027-03-01"})
    assert form.is_valid(), form.errors
    assert form.guard_warnings == {}


def test_an_nhs_number_is_refused_with_a_plain_message() -> None:
    form = Sample({"notes": f"A patient, NHS number {NHS_NUMBER}, was seen"})
    assert not form.is_valid()
    (message,) = [str(e) for e in form.errors["notes"]]
    assert message.startswith("This looks like an NHS number: 943 *** **19.")
    assert "company partners can see it" in message
    assert "a patient in their 70s" in message
    assert "notes" not in form.cleaned_data
    assert form.has_error("notes", "nhs_number")


def test_choices_and_lists_are_inspected_too() -> None:
    form = Sample({"tags": ["9434765919"]})
    assert form.has_error("tags", "nhs_number")


def test_passwords_are_never_inspected_or_echoed() -> None:
    form = Sample({"password": f"secret {NHS_NUMBER}\x07"})
    assert form.is_valid()


def test_a_control_character_is_refused() -> None:
    form = Sample({"title": "Title\x1b[1m"})
    assert form.has_error("title", "control_character")
    assert "(escape, U+001B) at character 6" in form.errors["title"][0]


@pytest.mark.parametrize(
    ("field", "value", "ok"),
    [
        ("start", "1990-01-01", True),
        ("start", "2100-12-31", True),
        ("start", "1989-12-31", False),
        ("start", "0001-01-01", False),
        ("start", "9999-12-31", False),
        ("interest_from", "1975-06-01", True),
        ("interest_from", "1939-12-31", False),
    ],
)
def test_dates_must_be_plausible(field: str, value: str, ok: bool) -> None:
    form = Sample({field: value})
    assert form.is_valid() is ok
    if not ok:
        assert str(form.errors[field][0]).startswith("Enter a date between 1 January 19")


def test_a_warning_waits_for_confirmation_of_that_exact_text() -> None:
    text = "Mrs Smith, 12 High Street, Lincoln LN2 5QY"
    first = Sample({"notes": text})
    assert not first.is_valid()
    assert first.has_error("notes", "postcode")
    token = first.guard_warnings["notes"]
    assert token == confirmation_token(text)

    confirmed = Sample({"notes": text, f"notes{CONFIRM_SUFFIX}": token})
    assert confirmed.is_valid(), confirmed.errors
    assert confirmed.cleaned_data["notes"] == text

    edited = Sample({"notes": text.replace("5QY", "5QZ"), f"notes{CONFIRM_SUFFIX}": token})
    assert edited.has_error("notes", "postcode")


def test_a_confirmation_never_lets_an_nhs_number_through() -> None:
    text = f"DOB 12/03/1948, {NHS_NUMBER}"
    form = Sample({"notes": text, f"notes{CONFIRM_SUFFIX}": confirmation_token(text)})
    assert form.has_error("notes", "nhs_number")


def test_a_prefixed_form_reads_its_own_confirmation() -> None:
    text = "DOB 12/03/1948"
    token = confirmation_token(text)
    form = Sample({"p-notes": text, f"p-notes{CONFIRM_SUFFIX}": token}, prefix="p")
    assert form.is_valid(), form.errors


def _render(form: forms.BaseForm, name: str) -> str:
    env: Environment = engines["jinja2"].env  # type: ignore[attr-defined]
    return str(make_field(env)(form[name]))


def test_the_confirmation_box_appears_only_when_a_warning_fired() -> None:
    warned = Sample({"notes": "date of birth 3 March 1950"})
    warned.is_valid()
    html = _render(warned, "notes")
    assert f'name="notes{CONFIRM_SUFFIX}"' in html
    assert f'value="{warned.guard_warnings["notes"]}"' in html
    assert "I have checked: this is not about a patient" in html
    assert "This looks like a date of birth: ** ** 1950." in html

    refused = Sample({"notes": NHS_NUMBER})
    refused.is_valid()
    assert CONFIRM_SUFFIX not in _render(refused, "notes")
    plain = Sample({"notes": "3 March 1950"})
    plain.is_valid()
    assert CONFIRM_SUFFIX not in _render(plain, "notes")


def test_datetimes_are_checked_as_dates() -> None:
    class Stamp(GuardedForm):
        at = forms.DateTimeField()

    assert not Stamp({"at": "0001-01-01 10:00"}).is_valid()
    assert Stamp({"at": dt.datetime(2027, 1, 1, 10).isoformat(" ")}).is_valid()


def test_a_form_that_cannot_show_the_box_raises_no_warnings_but_still_refuses() -> None:
    class Quiet(Sample):
        raises_warnings = False

    assert Quiet({"notes": "DOB 12/03/1948"}).is_valid()
    assert Quiet({"notes": NHS_NUMBER}).has_error("notes", "nhs_number")


DATE_FORMS = [
    pytest.param(c, kwargs, id=f"{c.__qualname__}-{i}")
    for c in product_forms()
    for i, kwargs in enumerate(variants(c))
    if date_fields(c(**kwargs))
]


@pytest.mark.parametrize(("form_class", "kwargs"), DATE_FORMS)
def test_every_date_field_uses_the_nhs_date_input(
    form_class: type[forms.BaseForm], kwargs: dict[str, Any]
) -> None:
    form = form_class(**kwargs)
    for name in date_fields(form):
        field = form.fields[name]
        assert isinstance(field, DateField), (
            f"{form_class.__qualname__}.{name} must be triplewin.config.date_input.DateField"
        )
        assert isinstance(field.widget, DateInput), f"{form_class.__qualname__}.{name}"
