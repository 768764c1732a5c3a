from django.urls import path

from triplewin.oversight import views

app_name = "oversight"
urlpatterns = [
    path("", views.overview, name="dashboard"),
    path("export/<slug:table>.<slug:fmt>", views.export, name="export"),
]
