from django.urls import path

from triplewin.team.views import governance, members, objections, standing, system_route

app_name = "team"
urlpatterns = [
    path("<id:pk>/team/", members.team_page, name="detail"),
    path("<id:pk>/team/add/", members.member_add, name="add"),
    path("<id:pk>/team/system-route/", system_route.system_route, name="system-route"),
    path(
        "<id:pk>/team/governance/route/<id:org_pk>/",
        standing.sign_off_route,
        name="sign-off-route",
    ),
    path(
        "organisations/<id:org_pk>/approval-route/",
        standing.standing_route,
        name="standing-route",
    ),
    path(
        "organisations/<id:org_pk>/approval-route/<id:seat_pk>/remove/",
        standing.standing_seat_remove,
        name="standing-seat-remove",
    ),
    path("<id:pk>/team/<id:member_pk>/remove/", members.member_remove, name="remove"),
    path(
        "<id:pk>/team/<id:member_pk>/ask-to-declare/",
        members.ask_to_declare,
        name="ask-to-declare",
    ),
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
