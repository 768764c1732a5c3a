"""The public rules page and the key resources beside the team page and stakeholder map."""

from __future__ import annotations

import html
import pathlib
import re

import pytest
from django.urls import reverse

from tests.roles import READ, ROLES, matrix
from triplewin.core import resources
from triplewin.core.rules import CATALOGUE

pytestmark = pytest.mark.django_db

SEEDS = pathlib.Path("/work/shared/seeds")


@pytest.mark.parametrize("role", ROLES)
def test_rules_page_is_public_and_lists_every_rule(client_for, role):
    response = client_for(role).get(reverse("guide:rules"))
    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    for rule in CATALOGUE:
        assert f'id="rule-{rule.id}"' in body
        assert rule.title in body
        assert rule.explanation in body
        assert rule.source in body
    assert "Steps that build trust" in body
    assert "Stakeholder groups to think about" in body


def test_rules_page_explains_what_a_rule_checked_at_several_gates_means(client):
    body = html.unescape(client.get(reverse("guide:rules")).content.decode())
    red = body[body.index('id="rule-RED-NO-INDUCEMENT"') :]
    red = red[: red.index("</dl>")]
    assert "Must pass" in red
    assert "Before the project becomes 'PID approved'" in red
    assert "Before the project becomes 'In delivery'" in red


def test_rules_page_refuses_posts(client):
    assert client.post(reverse("guide:rules")).status_code == 405


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_team_page_shows_the_steps_that_build_trust(client_for, project, role, status):
    response = client_for(role).get(reverse("team:detail", args=[project.pk]))
    assert response.status_code == status
    if status == 200:
        body = html.unescape(response.content.decode())
        assert "Steps that build trust" in body
        assert resources.TRUST_STEPS[0].steps[0] in body


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_stakeholder_map_shows_example_groups(client_for, project, role, status):
    response = client_for(role).get(reverse("plans:overview", args=[project.pk]))
    assert response.status_code == status
    if status == 200:
        body = html.unescape(response.content.decode())
        assert "Who might your stakeholders be?" in body
        assert "Local Healthwatch" in body


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


@pytest.mark.skipif(not SEEDS.exists(), reason="the seed documents are not on this machine")
def test_key_resources_are_written_in_our_own_words():
    seeds = " ".join(_words(" ".join(p.read_text() for p in SEEDS.glob("*.txt"))))
    sentences = [theme.intro for theme in resources.TRUST_STEPS]
    sentences += [step for theme in resources.TRUST_STEPS for step in theme.steps]
    sentences += list(resources.STAKEHOLDER_PROMPTS)
    for sentence in sentences:
        words = _words(sentence)
        # No run of eight words or more is copied from the guidance.
        for i in range(max(0, len(words) - 7)):
            assert " ".join(words[i : i + 8]) not in seeds, sentence


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_glossary_is_public_and_every_term_has_an_anchor_and_a_source(client_for, role) -> None:
    from triplewin.core.glossary import TERMS

    response = client_for(role).get(reverse("guide:glossary"))
    assert response.status_code == 200
    page = response.content.decode()
    for t in TERMS:
        assert f'id="{t.slug}"' in page
        assert t.source
    assert "Joint working" in page


@pytest.mark.django_db
def test_glossary_refuses_posts(client) -> None:
    assert client.post(reverse("guide:glossary")).status_code == 405


def test_term_links_to_its_glossary_entry_and_refuses_an_unknown_word() -> None:
    from django.template import engines

    env = engines["jinja2"].env  # type: ignore[attr-defined]
    link = env.from_string('{{ term("pid", "PID") }}').render()
    assert link == f'<a class="tw-term" href="{reverse("guide:glossary")}#pid">PID</a>'
    with pytest.raises(KeyError):
        env.from_string('{{ term("no-such-word") }}').render()
