from django.urls import path

from triplewin.pid.views import editing, overview, signoff, versions

app_name = "pid"
urlpatterns = [
    path("<id:pk>/pid/", overview.overview, name="overview"),
    path("<id:pk>/pid/print/", overview.printable, name="print"),
    path("<id:pk>/pid/edit/", editing.edit, name="edit"),
    path("<id:pk>/pid/responsibilities/", editing.responsibilities, name="responsibilities"),
    path("<id:pk>/pid/submit/", versions.submit, name="submit"),
    path("<id:pk>/pid/versions/<id:number>/", versions.version_detail, name="version"),
    path("<id:pk>/pid/compare/", versions.compare, name="compare"),
    path("<id:pk>/pid/certify/", signoff.certify, name="certify"),
    path("<id:pk>/pid/decision/", signoff.decide, name="decide"),
]
