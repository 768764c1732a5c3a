from django.urls import path

from triplewin.contributions.views import items, proportionality

app_name = "contributions"
urlpatterns = [
    path("<id:pk>/contributions/", items.contribution_list, name="list"),
    path("<id:pk>/contributions/add/", items.contribution_add, name="add"),
    path("<id:pk>/contributions/<id:item_pk>/edit/", items.contribution_edit, name="edit"),
    path("<id:pk>/contributions/<id:item_pk>/remove/", items.contribution_remove, name="remove"),
    path(
        "<id:pk>/contributions/proportionality/",
        proportionality.proportionality,
        name="proportionality",
    ),
]
