from django.contrib import admin
from django.urls import include, path, register_converter

from triplewin.api.api import api
from triplewin.config.converters import RecordId

register_converter(RecordId, "id")

urlpatterns = [
    path("", include("triplewin.register.urls")),
    path("accounts/", include("triplewin.accounts.urls")),
    path("projects/", include("triplewin.partnerships.urls")),
    path("projects/", include("triplewin.scoping.urls")),
    path("projects/", include("triplewin.concept.urls")),
    path("projects/", include("triplewin.team.urls")),
    path("projects/", include("triplewin.meetings.urls")),
    path("projects/", include("triplewin.contributions.urls")),
    path("projects/", include("triplewin.plans.urls")),
    path("projects/", include("triplewin.pid.urls")),
    path("projects/", include("triplewin.agreement.urls")),
    path("projects/", include("triplewin.executive_summary.urls")),
    path("projects/", include("triplewin.kpis.urls")),
    path("projects/", include("triplewin.delivery.urls")),
    path("projects/", include("triplewin.amendments.urls")),
    path("projects/", include("triplewin.outcomes.urls")),
    path("projects/", include("triplewin.learning.urls")),
    path("", include("triplewin.documents.urls")),
    path("conflicts/", include("triplewin.conflicts.urls")),
    path("library/", include("triplewin.library.urls")),
    path("projects/", include("triplewin.transfers.urls")),
    path("oversight/", include("triplewin.oversight.urls")),
    path("organisations/", include("triplewin.organisations.urls")),
    path("disclosure/", include("triplewin.obligations.urls")),
    path("", include("triplewin.guide.urls")),
    path("", include("triplewin.api.urls")),
    # The API's own namespace ("api-v1"), outside the app's, as django-ninja resolves it.
    path("api/v1/", api.urls),
    path("", include("triplewin.monitoring.urls")),
    path("admin/", admin.site.urls),
]
