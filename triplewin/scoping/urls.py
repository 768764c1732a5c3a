from django.urls import path

from triplewin.scoping.views import checklist, guide

app_name = "scoping"
urlpatterns = [
    path("<id:pk>/scoping/", guide.guide, name="guide"),
    path("<id:pk>/scoping/<slug:slug>/", guide.section, name="section"),
    path("<id:pk>/checklist/", checklist.checklist_form, name="checklist"),
    path("<id:pk>/checklist/verdict/", checklist.verdict, name="verdict"),
]
