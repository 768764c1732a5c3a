from django.urls import path

from triplewin.transfers.views import contracted, disclose, project, record

app_name = "transfers"
urlpatterns = [
    path("<id:pk>/transfers/", project.transfers_list, name="list"),
    path("<id:pk>/transfers/new/", record.transfer_add, name="add"),
    path("<id:pk>/transfers/<id:tov_pk>/edit/", record.transfer_edit, name="edit"),
    path("<id:pk>/transfers/<id:tov_pk>/remove/", record.transfer_delete, name="delete"),
    path("<id:pk>/transfers/disclosed/", disclose.disclose, name="disclose"),
    path("<id:pk>/transfers/contracted/", contracted.contracted_list, name="contracted"),
    path("<id:pk>/transfers/contracted/new/", contracted.contracted_add, name="contracted-add"),
    path(
        "<id:pk>/transfers/contracted/<id:row_pk>/published/",
        contracted.contracted_published,
        name="contracted-published",
    ),
]
