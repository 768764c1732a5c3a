from django.urls import path

from triplewin.scoping.views import checklist, guide

app_name = "scoping"
urlpatterns = [
    path("<int:pk>/scoping/", guide.guide, name="guide"),
    path("<int:pk>/scoping/<slug:slug>/", guide.section, name="section"),
    path("<int:pk>/checklist/", checklist.checklist_form, name="checklist"),
    path("<int:pk>/checklist/verdict/", checklist.verdict, name="verdict"),
]
