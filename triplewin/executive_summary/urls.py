from django.urls import URLPattern

app_name = "executive_summary"
urlpatterns: list[URLPattern] = []
