"""The seeded library: every source partnership, loaded idempotently, linked when possible."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests import factories
from triplewin.core.library import text
from triplewin.library import seeding
from triplewin.library.models import CaseStudy
from triplewin.library.seeds import SEEDED

pytestmark = pytest.mark.django_db


def test_every_seed_is_published_and_loading_twice_changes_nothing(db):
    first = seeding.load()
    assert first.created == len(SEEDED) == 14
    assert CaseStudy.objects.published().count() == 14
    second = seeding.load()
    assert (second.created, second.updated, second.unchanged) == (0, 0, 14)


def test_the_command_reports_what_it_did(db, capsys):
    call_command("load_case_studies")
    assert "14 added" in capsys.readouterr().out
    call_command("load_case_studies")
    assert "14 unchanged" in capsys.readouterr().out


def test_seeds_carry_the_source_figures(corpus):
    skin = corpus["lsc-skin-cancer-pathway"].outcomes.get(measure__startswith="Faster Diagnosis")
    assert (skin.before, skin.after) == (67, 88)
    assert corpus["nhs-apa-hep-c-u-later"].outcomes.get(unit="tests", before=None).after == 46468
    assert corpus["dont-wait-to-anticoagulate"].outcomes.get().after == 13
    swag = corpus["swag-prehabilitation-platform"].outcomes.get(measure="Monthly platform views")
    assert (swag.before, swag.after) == (140, 222)
    assert corpus["wales-head-and-neck-diagnostics"].nation == "wales"


def test_seeds_link_to_a_live_project_with_the_same_partners(db, nhs_lead, nhs_org, pharma_org):
    from triplewin.organisations.models import Organisation

    alliance = factories.organisation(
        name="NHS Addictions Provider Alliance", org_type="provider_alliance"
    )
    gilead = Organisation.objects.create(name="Gilead Sciences Limited", org_type="pharmaceutical")
    from triplewin.organisations import services as org_services

    org_services.membership_create(
        actor=None, user=nhs_lead, organisation=alliance, role="partnership_lead"
    )
    project = factories.project(
        actor=nhs_lead, lead=alliance, partners=[gilead], title="Hepatitis C testing programme"
    )
    report = seeding.load()
    assert report.linked == 1
    assert CaseStudy.objects.get(key="nhs-apa-hep-c-u-later").project == project
    # A second load keeps the link and adds nothing.
    assert seeding.load().linked == 0


def test_no_seed_repeats_the_source_documents_word_for_word():
    # Shared ten-word runs are checked across the repository by the seed overlap tool; this
    # guards the most likely slip, a summary pasted straight from a source title.
    for seed in SEEDED:
        assert len(text.words(seed["summary"])) >= 12
        assert seed["summary"] != seed["title"]


def test_rebuilding_the_index_keeps_search_working(corpus, capsys):
    from triplewin.library.models import CaseStudy as Study
    from triplewin.library.search import search

    Study.objects.update(search_a="", therapy_mask=0)
    call_command("rebuild_library_index")
    assert "Reindexed 14 case studies." in capsys.readouterr().out
    assert [cs.key for cs in search("asthma").hits[0:1]] == ["starrs-gm-asthma"]
    assert Study.objects.get(key="starrs-gm-asthma").therapy_mask > 0
