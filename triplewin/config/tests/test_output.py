"""Emails and pages: stored text goes out without control characters or readable NHS numbers."""

from __future__ import annotations

import ast
from pathlib import Path

import triplewin
from triplewin.config.mail import email

MAIL_CLASSES = {"EmailMessage", "EmailMultiAlternatives", "send_mail", "send_mass_mail"}


def test_an_email_never_carries_control_characters_or_nhs_numbers() -> None:
    message = email(
        subject="Action\x07 for 943 476 5919\nsecond line",
        body="Seen 943-476-5919.\x1b[0m\nThanks",
        to=["a@example.test"],
    )
    assert message.subject == "Action for 943 *** **19 second line"
    assert message.body == "Seen 943 *** **19.[0m\nThanks"
    assert message.to == ["a@example.test"]


def test_no_module_builds_an_email_any_other_way() -> None:
    root = Path(triplewin.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        if "tests" in path.parts or path.name == "mail.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in MAIL_CLASSES:
                    offenders.append(f"{path.relative_to(root)}:{node.lineno}")
    assert offenders == [], "Build emails with triplewin.config.mail.email"


def test_templates_print_stored_text_safely() -> None:
    import datetime as dt

    from django.template import engines
    from markupsafe import Markup

    env = engines["jinja2"].env  # type: ignore[attr-defined]
    template = env.from_string("{{ text }}|{{ obj }}|{{ html }}|{{ n }}|{{ day }}|{{ missing }}")

    class Titled:
        def __str__(self) -> str:
            return "Project 943 476 5919"

    out = template.render(
        text="Bell\x07 943-476-5919 <b>",
        obj=Titled(),
        html=Markup("<i>kept</i>"),
        n=9434765919,
        day=dt.date(2027, 3, 1),
    )
    assert (
        out == "Bell 943 *** **19 &lt;b&gt;|Project 943 *** **19|<i>kept</i>|9434765919|2027-03-01|"
    )


def test_templates_print_a_lazy_string_such_as_the_csp_nonce() -> None:
    from django.template import engines
    from django.utils.functional import SimpleLazyObject

    env = engines["jinja2"].env  # type: ignore[attr-defined]
    lazy = SimpleLazyObject(lambda: "n0nce\x07")
    # A lazy object passes isinstance(str) before it is a string; printing it must not fail.
    assert env.from_string("{{ v }}|{{ v | string }}").render(v=lazy) == "n0nce|n0nce"
