from django.urls import path, register_converter

from triplewin.obligations.converters import Year
from triplewin.obligations.views import deadlines, disclosure_uk, project

register_converter(Year, "year")

app_name = "obligations"
urlpatterns = [
    path("", deadlines.index, name="index"),
    path("projects/<id:pk>/", project.project_obligations_view, name="project"),
    path("projects/<id:pk>/reporting/", project.reporting, name="reporting"),
    path("projects/<id:pk>/reports/new/", project.report_new, name="report-new"),
    path(
        "uk/<id:company_pk>/<year:year>.<slug:fmt>",
        disclosure_uk.download,
        name="disclosure-uk",
    ),
]
