from django.contrib import admin
from django.urls import include, path, register_converter
from django.views.generic import RedirectView

from triplewin.accounts.views import SignInView
from triplewin.api.api import api
from triplewin.config.converters import RecordId

register_converter(RecordId, "id")

# A database outage answers 503 "try again", anything else the plain 500 page (issue 19).
handler500 = "triplewin.monitoring.errors.server_error"

urlpatterns = [
    path("", include("triplewin.register.urls")),
    path("accounts/", include("triplewin.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    # allauth's own name for the sign-in page is ours, so its links and redirects come here.
    path("accounts/sign-in/", SignInView.as_view(), name="account_login"),
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
    path("email-choices/", include("triplewin.notifications.urls")),
    path("", include("triplewin.guide.urls")),
    path("", include("triplewin.api.urls")),
    # The API's own namespace ("api-v1"), outside the app's, as django-ninja resolves it.
    path("api/v1/", api.urls),
    path("", include("triplewin.monitoring.urls")),
    # The admin signs in through our sign-in too: the same throttle and the same two-factor.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="accounts:sign-in", query_string=True),
    ),
    path("admin/", admin.site.urls),
]
