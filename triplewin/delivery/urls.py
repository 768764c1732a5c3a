from django.urls import path

from triplewin.delivery.views import closure, dashboard, logs, milestones

D = "<id:pk>/delivery"

app_name = "delivery"
urlpatterns = [
    path(f"{D}/", dashboard.dashboard, name="dashboard"),
    path(f"{D}/report/", dashboard.status_report, name="status-report"),
    path(f"{D}/rag/override/", dashboard.rag_override, name="rag-override"),
    path(f"{D}/rag/clear/", dashboard.rag_clear, name="rag-clear"),
    path(f"{D}/milestones/new/", milestones.milestone_add, name="milestone-add"),
    path(f"{D}/milestones/<id:item_pk>/", milestones.milestone_edit, name="milestone-edit"),
    path(f"{D}/risks/", logs.risk_log, name="risks"),
    path(f"{D}/risks/new/", logs.risk_add, name="risk-add"),
    path(f"{D}/risks/<id:item_pk>/", logs.risk_edit, name="risk-edit"),
    path(f"{D}/issues/", logs.issue_log, name="issues"),
    path(f"{D}/issues/new/", logs.issue_add, name="issue-add"),
    path(f"{D}/issues/<id:item_pk>/", logs.issue_edit, name="issue-edit"),
    path(f"{D}/complete/", closure.complete, name="complete"),
    path(f"{D}/terminate/", closure.terminate, name="terminate"),
]
