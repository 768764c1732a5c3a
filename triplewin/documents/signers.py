"""Who signed a document off, worded for the public: name, role and organisation, never email.

The sign-off records keep a label with the person's email address for the audit trail; the
public verification page shows this instead (for example "Dr Jane Smith, certification
signatory, Test Pharma Ltd"), so checking a document discloses no contact details.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from triplewin.documents.kinds import Signer
from triplewin.organisations.models import Membership, Organisation, Role
from triplewin.partnerships.models import Project

# When the sign-off does not fix the role, the person's most senior membership names it.
SENIORITY = (
    Role.CERTIFICATION_SIGNATORY,
    Role.PARTNERSHIP_LEAD,
    Role.GOVERNANCE_MEMBER,
    Role.SYSTEM_OVERSIGHT,
    Role.ADMINISTRATOR,
    Role.TEAM_MEMBER,
)


def _membership(user_id: int, signer: Signer, project: Project) -> Membership | None:
    # History names the role the person held, even if they have since left (ADR 0033).
    found = Membership.records.filter(user_id=user_id).select_related("organisation")
    if signer.organisation_id is not None:
        found = found.filter(organisation_id=signer.organisation_id)
    else:
        found = found.filter(organisation__in=project.partners.values("organisation"))
    if signer.role:
        found = found.filter(role=signer.role)
    ranked = sorted(found, key=lambda m: (SENIORITY.index(Role(m.role)), m.organisation.name))
    return ranked[0] if ranked else None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def public_signer(signer: Signer | None, project: Project) -> str:
    """'Dr Jane Smith, certification signatory, Test Pharma Ltd'; empty when nobody is known."""
    if signer is None or signer.user_id is None:
        return ""
    user = get_user_model().objects.filter(pk=signer.user_id).first()
    if user is None:
        return ""
    membership = _membership(user.pk, signer, project)
    role = Role(signer.role).label if signer.role else ""
    if not role and membership is not None:
        role = membership.get_role_display()
    organisation = membership.organisation.name if membership else ""
    if not organisation and signer.organisation_id is not None:
        organisation = str(Organisation.objects.filter(pk=signer.organisation_id).first() or "")
    parts = [user.get_full_name(), _lower_first(str(role)), organisation]
    text = ", ".join(p for p in parts if p)
    return text[:1].upper() + text[1:]
