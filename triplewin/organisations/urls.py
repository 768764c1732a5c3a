from django.urls import path

from triplewin.organisations.views import invitations, joining, people

app_name = "organisations"
urlpatterns = [
    path("", people.index, name="index"),
    path("join/", joining.join, name="join"),
    path("join-requests/", joining.join_requests, name="join-requests"),
    path("join-requests/<id:pk>/", joining.join_request, name="join-request"),
    path("invitations/<str:token>/", invitations.accept, name="accept"),
    path("<id:org_pk>/people/", people.people, name="people"),
    path("<id:org_pk>/people/<id:user_pk>/", people.person, name="person"),
    path("<id:org_pk>/people/<id:user_pk>/leave/", people.leave, name="leave"),
    path("<id:org_pk>/invitations/<id:pk>/withdraw/", people.withdraw, name="withdraw"),
]
