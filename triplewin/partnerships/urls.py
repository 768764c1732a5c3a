from django.urls import path

from triplewin.partnerships.views import history, lifecycle, partners, projects

app_name = "partnerships"
urlpatterns = [
    path("", projects.project_list, name="list"),
    path("new/", projects.project_create, name="create"),
    path("<id:pk>/", projects.project_detail, name="detail"),
    path("<id:pk>/edit/", projects.project_edit, name="edit"),
    path("<id:pk>/partners/", partners.partners, name="partners"),
    path(
        "<id:pk>/partners/<id:partner_pk>/remove/", partners.partner_remove, name="partner-remove"
    ),
    path("<id:pk>/steps/<str:name>/", lifecycle.transition, name="transition"),
    path("<id:pk>/history/", history.history, name="history"),
]
