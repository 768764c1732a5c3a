from django.urls import URLPattern

app_name = "conflicts"
urlpatterns: list[URLPattern] = []
