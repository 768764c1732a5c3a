from django.urls import path

from triplewin.agreement.views import copies, parties, record

app_name = "agreement"
urlpatterns = [
    path("<id:pk>/agreement/", record.agreement_detail, name="detail"),
    path("<id:pk>/agreement/edit/", record.agreement_edit, name="edit"),
    path("<id:pk>/agreement/clauses/", record.agreement_clauses, name="clauses"),
    path("<id:pk>/agreement/parties/add/", parties.party_add, name="party-add"),
    path("<id:pk>/agreement/parties/<id:party_pk>/edit/", parties.party_edit, name="party-edit"),
    path("<id:pk>/agreement/parties/<id:party_pk>/sign/", parties.party_sign, name="party-sign"),
    path(
        "<id:pk>/agreement/parties/<id:party_pk>/remove/",
        parties.party_remove,
        name="party-remove",
    ),
    path("<id:pk>/agreement/copies/upload/", copies.copy_upload, name="copy-upload"),
    path("<id:pk>/agreement/copies/<id:copy_pk>/", copies.copy_download, name="copy-download"),
]
