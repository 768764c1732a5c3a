from django.urls import URLPattern

app_name = "obligations"
urlpatterns: list[URLPattern] = []
