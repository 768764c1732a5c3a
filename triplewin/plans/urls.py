from django.urls import path

from triplewin.plans.views import entries, overview

app_name = "plans"
urlpatterns = [
    path("<id:pk>/plans/", overview.overview, name="overview"),
    path("<id:pk>/plans/<slug:plan>/add/", entries.entry_add, name="add"),
    path("<id:pk>/plans/<slug:plan>/<id:entry_pk>/edit/", entries.entry_edit, name="edit"),
    path("<id:pk>/plans/<slug:plan>/<id:entry_pk>/remove/", entries.entry_remove, name="remove"),
]
