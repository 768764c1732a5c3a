from django.urls import path

from triplewin.concept.views import decision, framework

app_name = "concept"
urlpatterns = [
    path("<id:pk>/concept/", framework.concept_detail, name="detail"),
    path("<id:pk>/concept/edit/", framework.concept_edit, name="edit"),
    path("<id:pk>/concept/decision/", decision.decide, name="decide"),
]
