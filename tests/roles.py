"""The seven roles every view is tried as, and a helper to state expectations compactly."""

from __future__ import annotations

ROLES = (
    "nhs_lead",
    "industry_lead",
    "governance_member",
    "team_member",
    "oversight",
    "outsider",
    "anonymous",
)

# Who may read a project's pages: its partners' members and the system's oversight lead.
READ = {
    "nhs_lead": 200,
    "industry_lead": 200,
    "governance_member": 200,
    "team_member": 200,
    "oversight": 200,
    "outsider": 404,
    "anonymous": 404,
}
# Who may change a project's working records: partnership leads of partner organisations.
EDIT = {
    "nhs_lead": 200,
    "industry_lead": 200,
    "governance_member": 403,
    "team_member": 403,
    "oversight": 403,
    "outsider": 404,
    "anonymous": 404,
}
# Who may approve or reject on a partner's behalf.
DECIDE = {
    "nhs_lead": 200,
    "industry_lead": 200,
    "governance_member": 200,
    "team_member": 403,
    "oversight": 403,
    "outsider": 404,
    "anonymous": 404,
}


def matrix(expectations: dict[str, int]) -> list[tuple[str, int]]:
    return [(role, expectations[role]) for role in ROLES]
