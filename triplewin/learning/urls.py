from django.urls import path

from triplewin.learning.views import overview, principles, review, survey, survey_links

app_name = "learning"
urlpatterns = [
    path("<id:pk>/learning/", overview.overview, name="overview"),
    path("<id:pk>/learning/review/", review.review, name="review"),
    path("<id:pk>/learning/review/add/", review.add, name="review_add"),
    path("<id:pk>/learning/review/<id:entry_id>/edit/", review.edit, name="review_edit"),
    path("<id:pk>/learning/review/<id:entry_id>/remove/", review.delete, name="review_delete"),
    path("<id:pk>/learning/survey/", survey.results, name="survey"),
    path("<id:pk>/learning/survey/send/", survey.send, name="survey_send"),
    path("<id:pk>/learning/survey/close/", survey.close, name="survey_close"),
    path("<id:pk>/learning/survey/links/", survey_links.links, name="survey_links"),
    path(
        "<id:pk>/learning/survey/links/<id:link_id>/close/",
        survey_links.link_close,
        name="survey_link_close",
    ),
    path("survey/open/<str:token>/", survey_links.answer, name="survey_open"),
    path("survey/<str:token>/", survey.respond, name="survey_respond"),
    path("<id:pk>/learning/principles/", principles.trend, name="principles"),
    path("<id:pk>/learning/principles/assess/", principles.assess, name="assess"),
]
