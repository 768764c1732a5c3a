from django.urls import path

from triplewin.register.views import browse, data

app_name = "register"
urlpatterns = [
    path("", browse.index, name="index"),
    path("register/<id:pk>/", browse.entry, name="entry"),
    path("register/<id:pk>/outcomes.pdf", browse.outcomes_pdf, name="outcomes-pdf"),
    path("register/organisations/<id:pk>/", browse.organisation, name="organisation"),
    path("register/open-data/", data.fields, name="open-data"),
    path("register/open-data/register.csv", data.register_csv, name="csv"),
    path("register/open-data/register.json", data.register_json, name="json"),
    path("register/feed.atom", data.atom, name="feed"),
    path("register/open-data/audit-heads.csv", data.audit_heads_csv, name="audit-heads-csv"),
    path("register/open-data/audit-heads.json", data.audit_heads_json, name="audit-heads-json"),
    path("about/", browse.about, name="about"),
]
