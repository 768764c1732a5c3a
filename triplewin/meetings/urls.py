from django.urls import path

from triplewin.meetings.views import (
    actions,
    agenda,
    decisions,
    meetings,
    minutes,
    status,
    terms,
)

M = "<id:pk>/meetings/<id:meeting_pk>"
D = f"{M}/decisions/<id:decision_pk>"

app_name = "meetings"
urlpatterns = [
    path("<id:pk>/meetings/", meetings.meeting_list, name="list"),
    path("<id:pk>/meetings/new/", meetings.meeting_create, name="create"),
    path("<id:pk>/meetings/terms/", terms.terms_of_reference, name="terms"),
    path(f"{M}/", meetings.meeting_detail, name="detail"),
    path(f"{M}/edit/", meetings.meeting_edit, name="edit"),
    path(f"{M}/agenda/", agenda.agenda_add, name="agenda"),
    path(f"{M}/agenda/<id:item_pk>/remove/", agenda.agenda_remove, name="agenda-remove"),
    path(f"{M}/attendance/", agenda.attendance, name="attendance"),
    path(f"{M}/held/", status.mark_held, name="held"),
    path(f"{M}/approve/", status.approve, name="approve"),
    path(f"{M}/decisions/new/", decisions.decision_add, name="decision-add"),
    path(f"{D}/", decisions.decision_detail, name="decision"),
    path(f"{D}/exclude/", decisions.vote_exclude, name="vote-exclude"),
    path(f"{M}/minutes/", minutes.minutes, name="minutes"),
    path("<id:pk>/actions/", actions.action_log, name="actions"),
    path("<id:pk>/actions/new/", actions.action_add, name="action-add"),
    path("<id:pk>/actions/<id:action_pk>/done/", actions.action_done, name="action-done"),
    path("<id:pk>/actions/<id:action_pk>/change/", actions.action_change, name="action-change"),
]
