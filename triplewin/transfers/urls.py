from django.urls import URLPattern

app_name = "transfers"
urlpatterns: list[URLPattern] = []
