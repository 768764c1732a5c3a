"""Every write to the library goes through these services (see each module)."""

from triplewin.library.services.case_studies import (
    case_study_create,
    case_study_discard,
    case_study_link_project,
    case_study_publish,
    case_study_replace,
    case_study_save_lessons,
    case_study_save_outcomes,
    case_study_save_parties,
    case_study_save_sources,
    case_study_unpublish,
    case_study_update,
)
from triplewin.library.services.drafting import case_study_draft_from_project
from triplewin.library.services.importing import ImportRejected, case_studies_import

__all__ = [
    "ImportRejected",
    "case_studies_import",
    "case_study_create",
    "case_study_discard",
    "case_study_draft_from_project",
    "case_study_link_project",
    "case_study_publish",
    "case_study_replace",
    "case_study_save_lessons",
    "case_study_save_outcomes",
    "case_study_save_parties",
    "case_study_save_sources",
    "case_study_unpublish",
    "case_study_update",
]
