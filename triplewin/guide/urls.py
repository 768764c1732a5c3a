from django.urls import path

from triplewin.guide import views

app_name = "guide"
urlpatterns = [
    path("rules/", views.rules, name="rules"),
    path("glossary/", views.glossary, name="glossary"),
]
