"""Overruns of many projects at once, for the RAG status, the Deadlines page and the dashboard.

Each reads `overruns_for`, so the three cannot disagree; the rule itself is
`core.overrun.overrun`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from triplewin.agreement.models import Agreement
from triplewin.amendments.models import Amendment, AmendmentStatus, VariationParty
from triplewin.amendments.selectors import VARIATION_DOCUMENT, variation_hash, variation_subject
from triplewin.core import signoff as core
from triplewin.core.lifecycle import State
from triplewin.core.overrun import Overrun, OverrunFacts, overrun
from triplewin.partnerships.models import Project
from triplewin.signoff.models import SignOffAct


def _signed_variations(ids: list[int]) -> set[int]:
    """Projects with an approved amendment whose variation every party has signed, as the
    sign-off engine judges it (`core.signoff.evaluate`), read in two queries for them all."""
    parties: dict[tuple[int, str], list[core.Body]] = {}
    variations = {}
    for party in VariationParty.objects.filter(
        variation__amendment__project_id__in=ids,
        variation__amendment__status=AmendmentStatus.APPROVED,
    ).select_related("variation__amendment", "organisation"):
        amendment = party.variation.amendment
        key = (amendment.project_id, variation_subject(party.variation))
        variations[key] = party.variation
        parties.setdefault(key, []).append(
            core.Body(core.BodyKind.PARTNER, party.organisation_id, party.organisation.name)
        )
    acts: dict[tuple[int, str], list[core.ActRecord]] = {}
    for act in (
        SignOffAct.objects.filter(
            project_id__in={project_id for project_id, _ in parties},
            document=VARIATION_DOCUMENT,
            act=core.Act.SIGN,
        )
        .select_related("organisation")
        .order_by("id")
    ):
        acts.setdefault((act.project_id, act.subject), []).append(act.as_record())
    requirements = core.requirements_for(VARIATION_DOCUMENT)
    signed = set()
    for key, signers in parties.items():
        live = variation_hash(variations[key])
        state = core.evaluate(
            requirements, (), acts.get(key, []), content_hash=live, live_hash=live, signers=signers
        )
        if not state.unsigned:
            signed.add(key[0])
    return signed


def overrun_facts_for(projects: Sequence[Project]) -> dict[int, OverrunFacts]:
    """Three queries, however many projects."""
    in_delivery = [p for p in projects if p.state_enum is State.IN_DELIVERY]
    ids = [p.pk for p in in_delivery]
    terms = {
        pk: (day, months)
        for pk, day, months in Agreement.objects.filter(project_id__in=ids).values_list(
            "project_id", "agreement_date", "term_months"
        )
    }
    pending = set(
        Amendment.objects.filter(project_id__in=ids, status=AmendmentStatus.SUBMITTED).values_list(
            "project_id", flat=True
        )
    )
    varied = _signed_variations(ids) if ids else set()
    found = {p.pk: OverrunFacts(in_delivery=False) for p in projects}
    for p in in_delivery:
        day, months = terms.get(p.pk, (None, None))
        found[p.pk] = OverrunFacts(
            in_delivery=True,
            planned_end=p.planned_end,
            agreement_date=day,
            term_months=months,
            term_varied=p.pk in varied,
            amendment_pending=p.pk in pending,
        )
    return found


def overruns_for(projects: Sequence[Project], today: dt.date) -> dict[int, Overrun | None]:
    return {pk: overrun(f, today) for pk, f in overrun_facts_for(projects).items()}


def project_overrun(project: Project, today: dt.date) -> Overrun | None:
    return overruns_for([project], today)[project.pk]
