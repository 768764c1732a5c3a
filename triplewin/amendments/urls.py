from django.urls import path

from triplewin.amendments.views import amendments, changes, history, signoff

A = "<id:pk>/amendments/<id:number>"

app_name = "amendments"
urlpatterns = [
    path("<id:pk>/amendments/", amendments.amendment_list, name="list"),
    path("<id:pk>/amendments/new/", amendments.amendment_create, name="create"),
    path("<id:pk>/amendments/history/", history.pid_history, name="history"),
    path(f"{A}/", amendments.amendment_detail, name="detail"),
    path(f"{A}/edit/", amendments.amendment_edit, name="edit"),
    path(f"{A}/changes/new/", changes.change_add, name="change-add"),
    path(f"{A}/changes/<id:change_pk>/remove/", changes.change_remove, name="change-remove"),
    path(f"{A}/submit/", amendments.amendment_submit, name="submit"),
    path(f"{A}/reopen/", amendments.amendment_reopen, name="reopen"),
    path(f"{A}/certify/", signoff.certify, name="certify"),
    path(f"{A}/decide/", signoff.decide, name="decide"),
    path(f"{A}/variation/", signoff.variation, name="variation"),
]
