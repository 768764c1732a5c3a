from django.urls import path

from triplewin.partnerships.views import history, lifecycle, partners, projects

app_name = "partnerships"
urlpatterns = [
    path("", projects.project_list, name="list"),
    path("new/", projects.project_create, name="create"),
    path("<int:pk>/", projects.project_detail, name="detail"),
    path("<int:pk>/edit/", projects.project_edit, name="edit"),
    path("<int:pk>/partners/", partners.partners, name="partners"),
    path(
        "<int:pk>/partners/<int:partner_pk>/remove/", partners.partner_remove, name="partner-remove"
    ),
    path("<int:pk>/steps/<str:name>/", lifecycle.transition, name="transition"),
    path("<int:pk>/history/", history.history, name="history"),
]
