from django.urls import path

from triplewin.outcomes.views import signoff, summary

app_name = "outcomes"
urlpatterns = [
    path("<id:pk>/outcomes/", summary.detail, name="detail"),
    path("<id:pk>/outcomes/generate/", summary.generate, name="generate"),
    path("<id:pk>/outcomes/edit/", summary.edit, name="edit"),
    path("<id:pk>/outcomes/certify/", signoff.certify, name="certify"),
    path("<id:pk>/outcomes/approve/", signoff.decide, name="decide"),
    path("<id:pk>/outcomes/publish/", signoff.publish, name="publish"),
]
