from django.urls import path

from triplewin.api import views

app_name = "api"

urlpatterns = [
    path("api/v1/", views.api_reference, name="reference"),
    path("api-tokens/", views.index, name="index"),
    path("api-tokens/<id:organisation_pk>/", views.token_list, name="tokens"),
    path("api-tokens/<id:organisation_pk>/new/", views.token_create, name="create"),
    path(
        "api-tokens/<id:organisation_pk>/<id:token_pk>/revoke/",
        views.token_revoke,
        name="revoke",
    ),
]
