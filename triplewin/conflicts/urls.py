from django.urls import path

from triplewin.conflicts.views import declarations, management, register

app_name = "conflicts"
urlpatterns = [
    path("", register.my_register, name="register"),
    path("declare/", declarations.declare, name="declare"),
    path("declarations/<id:pk>/end/", declarations.end, name="end"),
    path("nil-return/", register.nil_return, name="nil-return"),
    path("confirm/", register.confirm, name="confirm"),
    path("people/<id:user_id>/", register.person_register, name="person"),
    path("projects/<id:pk>/", management.project_conflicts, name="project"),
    path("projects/<id:pk>/people/<id:user_id>/manage/", management.manage, name="manage"),
]
