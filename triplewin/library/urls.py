from django.urls import path

from triplewin.library.views import (
    browse,
    contact,
    drafting,
    editing,
    learning,
    similar,
    transfer,
)

app_name = "library"
urlpatterns = [
    path("", browse.index, name="index"),
    path("learning/", learning.learning, name="learning"),
    path("lessons/", learning.lesson_finder, name="lessons"),
    path("export.csv", transfer.export_csv, name="export-csv"),
    path("export.json", transfer.export_json, name="export-json"),
    path("import/", transfer.import_file, name="import"),
    path("similar/<id:project_pk>/", similar.similar_to_project, name="similar"),
    path("from-project/<id:project_pk>/", drafting.draft_from_project, name="draft-from-project"),
    path("<id:pk>/", browse.detail, name="detail"),
    path("<id:pk>/abpi-submission.docx", transfer.abpi_docx, name="abpi-docx"),
    path("<id:pk>/edit/", editing.edit, name="edit"),
    path("<id:pk>/edit/<slug:group>/", editing.edit_group, name="edit-group"),
    path("<id:pk>/contact/", contact.contact, name="contact"),
    path("<id:pk>/publish/", editing.publish, name="publish"),
    path("<id:pk>/withdraw/", editing.withdraw, name="withdraw"),
    path("<id:pk>/discard/", editing.discard, name="discard"),
]
