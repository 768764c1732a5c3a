from django.urls import path

from triplewin.register import views

app_name = "register"
urlpatterns = [
    path("", views.index, name="index"),
    path("register/<id:pk>/", views.entry, name="entry"),
    path("about/", views.about, name="about"),
]
