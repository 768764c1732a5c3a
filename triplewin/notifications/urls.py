from django.urls import path

from triplewin.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.my_choices, name="choices"),
    path("link/<str:token>/", views.by_link, name="by-link"),
]
