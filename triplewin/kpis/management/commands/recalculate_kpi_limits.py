"""`manage.py recalculate_kpi_limits`: apply the sustained-shift rule to values already stored.

Every write of measurements applies the rule (ADR 0027); values recorded before the rule
existed are checked once by this command, run after deploying it. Each recalculation is
recorded and audited as the system's, exactly as if the values had just been recorded.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from triplewin.core.wording import counted
from triplewin.kpis.models import Kpi
from triplewin.kpis.services import limits_recalculate


class Command(BaseCommand):
    help = "Recalculate KPI process limits wherever the stored values show a sustained shift."

    def handle(self, *args: Any, **options: Any) -> None:
        made = 0
        for kpi in Kpi.objects.order_by("pk").iterator():
            made += len(limits_recalculate(actor=None, kpi=kpi))
        self.stdout.write(f"{counted(made, 'recalculation')} recorded.")
