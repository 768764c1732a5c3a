from django.urls import path

from triplewin.executive_summary.views import signoff, summary, website

app_name = "executive_summary"
urlpatterns = [
    path("<id:pk>/summary/", summary.detail, name="detail"),
    path("<id:pk>/summary/edit/", summary.edit, name="edit"),
    path("<id:pk>/summary/generate/", summary.generate, name="generate"),
    path("<id:pk>/summary/certify/", signoff.certify, name="certify"),
    path("<id:pk>/summary/publish/", signoff.publish, name="publish"),
    path("<id:pk>/summary/websites/", website.website_pages, name="website"),
    path("<id:pk>/summary/websites/new/", website.website_add, name="website-add"),
    path(
        "<id:pk>/summary/websites/<id:page_pk>/edit/",
        website.website_change,
        name="website-change",
    ),
]
