from django.urls import path

from triplewin.conflicts.views import declarations, management, public, register, rounds

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
    path("rounds/", rounds.index, name="rounds"),
    path("rounds/organisations/<id:org_id>/open/", rounds.open_round, name="round-open"),
    path("rounds/<id:pk>/", rounds.round_detail, name="round"),
    path("rounds/<id:pk>/publish/", rounds.publish, name="round-publish"),
    path("public/", public.index, name="public"),
    path("public/<id:org_id>/", public.organisation_register, name="public-register"),
]
