from django.urls import URLPattern

app_name = "pid"
urlpatterns: list[URLPattern] = []
