"""Transfers of value recorded by each company's lead, and the years marked disclosed."""

from __future__ import annotations

from decimal import Decimal

from triplewin.demo.data.stage3_types import TransfersSpec
from triplewin.demo.stage2.lookup import DemoDataError, Lookup
from triplewin.partnerships.models import Project
from triplewin.transfers import services as transfer_services


def load_transfers(spec: TransfersSpec, project: Project, lookup: Lookup, where: str) -> None:
    def recorder(company: str) -> str:
        try:
            return spec.recorded_by[company]
        except KeyError:
            raise DemoDataError(f"{where}: nobody records {company}'s transfers.") from None

    for item in spec.transfers:
        transfer_services.tov_record(
            actor=lookup.user(recorder(item.company), where),
            project=project,
            company=lookup.org(item.company, where),
            recipient=lookup.org(item.recipient, where),
            year=item.year,
            category=item.category,
            amount_money=Decimal(item.money),
            amount_benefits_in_kind=Decimal(item.benefits),
            note=item.note,
            today=lookup.today,
        )
    for disclosed in spec.disclosures:
        if disclosed.disclosed_on > lookup.today:
            continue
        transfer_services.year_mark_disclosed(
            actor=lookup.user(recorder(disclosed.company), where),
            project=project,
            company=lookup.org(disclosed.company, where),
            year=disclosed.year,
            disclosed_on=disclosed.disclosed_on,
            today=lookup.today,
        )
