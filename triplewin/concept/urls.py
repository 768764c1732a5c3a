from django.urls import path

from triplewin.concept.views import decision, framework

app_name = "concept"
urlpatterns = [
    path("<int:pk>/concept/", framework.concept_detail, name="detail"),
    path("<int:pk>/concept/edit/", framework.concept_edit, name="edit"),
    path("<int:pk>/concept/decision/", decision.decide, name="decide"),
]
