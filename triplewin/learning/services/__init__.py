"""Writes for the learning records; every one checks who is asking and is audited."""

from triplewin.learning.services.assessment import assessment_save
from triplewin.learning.services.review import (
    review_entry_add,
    review_entry_delete,
    review_entry_update,
)
from triplewin.learning.services.survey import (
    SendResult,
    open_link,
    survey_close,
    survey_link_close,
    survey_link_create,
    survey_respond,
    survey_respond_anonymously,
    survey_send,
)

__all__ = [
    "SendResult",
    "assessment_save",
    "open_link",
    "review_entry_add",
    "review_entry_delete",
    "review_entry_update",
    "survey_close",
    "survey_link_close",
    "survey_link_create",
    "survey_respond",
    "survey_respond_anonymously",
    "survey_send",
]
