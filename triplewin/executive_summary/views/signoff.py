"""Certifying and publishing the executive summary: the shared pages of `signoff.views`."""

from __future__ import annotations

from triplewin.conflicts.models import DecisionKind
from triplewin.executive_summary import services
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.executive_summary.presenters import SummaryPresenter
from triplewin.partnerships.models import Project
from triplewin.signoff.views import SummaryPages, certify_view, publish_view


def _load(project: Project) -> ExecutiveSummary | None:
    return ExecutiveSummary.objects.filter(project=project).first()


PAGES = SummaryPages(
    namespace="executive_summary",
    noun="executive summary",
    path="summary",
    context_name="s",
    load=_load,
    presenter=lambda project: SummaryPresenter(project, _load(project)),
    certify=services.summary_certify,
    publish=services.summary_publish,
    publish_gate=services.PUBLISH_GATE,
    publish_report=services.publish_report,
    certify_decision=DecisionKind.SUMMARY_CERTIFICATION,
    publish_decision=DecisionKind.SUMMARY_PUBLICATION,
)

certify = certify_view(PAGES)
publish = publish_view(PAGES)
