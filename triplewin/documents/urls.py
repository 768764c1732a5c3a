from django.urls import path

from triplewin.documents.views import documents, pack, signoff, verify, versions

app_name = "documents"

P = "projects/<id:project_id>/documents"
D = f"{P}/<slug:document>"

urlpatterns = [
    path("documents/verify/", verify.verify, name="verify"),
    path(f"{P}/", documents.index, name="index"),
    path(f"{P}/pack/", pack.pack, name="pack"),
    path(f"{D}/", documents.document, name="document"),
    path(f"{D}/generate/", documents.generate, name="generate"),
    path(f"{D}/compare/", versions.compare, name="compare"),
    path(f"{D}/certify/", signoff.certify, name="certify"),
    path(f"{D}/approve/", signoff.approve, name="approve"),
    path(f"{D}/versions/<id:number>/", versions.version_detail, name="version"),
    path(f"{D}/versions/<id:number>/pdf/", versions.version_pdf, name="pdf"),
    path(f"{D}/versions/<id:number>/docx/", versions.version_docx, name="docx"),
]
