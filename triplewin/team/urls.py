from django.urls import path

from triplewin.team.views import governance, members, objections

app_name = "team"
urlpatterns = [
    path("<id:pk>/team/", members.team_page, name="detail"),
    path("<id:pk>/team/add/", members.member_add, name="add"),
    path("<id:pk>/team/<id:member_pk>/remove/", members.member_remove, name="remove"),
    path("<id:pk>/team/<id:member_pk>/object/", objections.objection_raise, name="object"),
    path(
        "<id:pk>/team/objections/<id:objection_pk>/decide/",
        objections.objection_decide,
        name="decide",
    ),
    path("<id:pk>/team/governance/", governance.committees, name="governance"),
    path(
        "<id:pk>/team/governance/<id:seat_pk>/remove/",
        governance.seat_remove,
        name="governance-remove",
    ),
]
