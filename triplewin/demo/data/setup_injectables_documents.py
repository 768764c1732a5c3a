"""The community injectables project's PID, agreement and executive summary."""

from __future__ import annotations

from triplewin.demo.data.people import IRC_ULHT, lead_email
from triplewin.demo.data.people_setup import LCHS_SRO, SANOFI_SIGNATORY, SANOFI_SRO
from triplewin.demo.data.people_setup import email as e
from triplewin.demo.data.setup_types import (
    AgreementSpec,
    Approval,
    PidSpec,
    Signer,
    SummarySpec,
)

LCHS_LEAD = lead_email("lchs")
SANOFI_LEAD = lead_email("sanofi")

PID = PidSpec(
    fields={
        "objectives": (
            "Start at least 400 people on injectable diabetes treatment in community clinics "
            "over fifteen months, with the wait from referral to first dose under four weeks "
            "and safety no worse than in hospital clinics."
        ),
        "success_what": (
            "Median wait to first dose under four weeks; HbA1c lower at six months for most "
            "people started; no rise in severe hypoglycaemia."
        ),
        "success_measure": (
            "Waits and HbA1c from clinical records, and hypoglycaemia from incident reports, "
            "compared with hospital starts in 2025/26."
        ),
        "success_when": "Monthly for waits; quarterly for HbA1c and safety; final report at month 15",
        "success_by_whom": "The community trust's analyst, checked by the independent evaluator",
        "governance_framework": (
            "The project team, chaired by the community trust's deputy medical director, runs "
            "the work and reports monthly to each partner's governance committee. Clinical "
            "safety issues go straight to the consultant diabetologist and the community "
            "trust's clinical governance team."
        ),
        "methodology": "lean",
        "meeting_schedule": (
            "Monthly project team meetings online, with declarations of interest at the start "
            "of each and minutes within a week; a monthly clinical case review at the hospital."
        ),
        "exit_strategy": (
            "At month 15 the ICB decides, on the evaluation, whether to commission community "
            "starts. If it does not, new referrals return to the hospital clinic and people "
            "already started stay under the community nurses."
        ),
        "patient_confidentiality": (
            "Patient records stay in NHS systems. Sanofi and the evaluator see only "
            "anonymised, aggregated figures, and no Sanofi staff attend clinics or contact "
            "patients."
        ),
    },
    on_termination={
        "lchs": (
            "Finish the treatment starts already booked, hand new referrals back to the "
            "hospital and tell the practices."
        ),
        "ulht": "Take back new referrals and continue supervising nurses until the last start.",
        "sanofi": (
            "Pay for the educator post to the end of the notice period and delete the "
            "aggregated data it holds once the outcomes are published."
        ),
    },
    submitted_by=LCHS_LEAD,
    note="Version 1, as agreed at the kick-off meeting.",
    certified_by=SANOFI_SIGNATORY,
    approvals=(
        Approval(e("maya.thornbury")),
        Approval(LCHS_SRO, "lchs"),
        Approval(IRC_ULHT, "ulht"),
        Approval(SANOFI_SRO, "sanofi"),
    ),
)

AGREEMENT = AgreementSpec(
    fields={
        "working_type": "jw",
        # From signing, before the March 2027 start, to past the planned end in May 2028.
        "term_months": 18,
        "benefits": (
            "Patients start treatment sooner and nearer home. The NHS shortens hospital waits "
            "and gains a model it can commission. Sanofi learns how community teams start "
            "injectable therapy; no product is promoted."
        ),
        "financial_arrangements": (
            "Sanofi pays for project management, the nurse educator post and the evaluation, "
            "invoiced quarterly by the community trust for the post. Each trust bears its own "
            "staff costs. No payment depends on prescribing."
        ),
        "roles_responsibilities": (
            "As in the PID's RACI chart: the community trust delivers the clinics, the hospital "
            "trust trains and supervises, and Sanofi manages the plan and evaluation."
        ),
        # Drawn from the approved PID, as AGREEMENT-MATCHES-PID checks.
        "success_measures": (
            "What is measured: Waits and HbA1c from clinical records, and hypoglycaemia from "
            "incident reports, compared with hospital starts in 2025/26.\n"
            "When: Monthly for waits; quarterly for HbA1c and safety; final report at month 15\n"
            "By whom: The community trust's analyst, checked by the independent evaluator"
        ),
        "publication_plans": (
            "Executive summary before the start on the public register and partners' websites; "
            "outcomes within six months of the end."
        ),
        "formulary_position": (
            "The protocol uses only treatments on the county formulary, chosen by the "
            "prescriber in line with NICE guidance."
        ),
        "contingency": (
            "If nurse numbers fall, clinics pause and referrals go back to the hospital until "
            "the team can restart safely."
        ),
        "dispute_resolution": (
            "The project team chair first, then the three senior responsible officers, then "
            "mediation."
        ),
        "exit_criteria": (
            "Any party may leave on three months' written notice, or at once for a safety "
            "concern, following the PID's termination duties."
        ),
        "confidentiality": (
            "No identifiable patient data leaves the NHS. Commercial information is kept "
            "confidential by all parties."
        ),
        "anti_bribery": (
            "Every party follows the Bribery Act 2010 and its own anti-corruption policy. No "
            "payment or benefit in the project rewards or encourages prescribing."
        ),
        "clinical_independence": (
            "Prescribers choose each patient's treatment on clinical grounds alone; Sanofi has "
            "no part in clinical decisions, the formulary or local guidelines."
        ),
        "non_promotional": (
            "The project is run apart from Sanofi's promotional and marketing work; nobody from "
            "its sales function takes part or sees project data."
        ),
        "competition_confidentiality": (
            "The parties follow competition law. Commercially confidential information is "
            "shared only within the project team and marked as such."
        ),
        "code_breach_acknowledged": True,
    },
    parties=(
        Signer("lchs", "Gillian Marsh", "Chief executive"),
        Signer("ulht", "Andrew Kettering", "Chief executive"),
        Signer("sanofi", "Sophie Aldous", "General manager, UK general medicines"),
    ),
)

SUMMARY = SummarySpec(
    edits={
        "period": "March 2027 to May 2028 (15 months)",
        "financial_arrangements": (
            "Sanofi gives about £100,000: project management, a nurse educator post employed "
            "by the community trust, and an independent evaluation. Lincolnshire Community "
            "Health Services gives about £92,000 of nurse, pharmacist and analyst time and "
            "clinic rooms. United Lincolnshire Hospitals gives about £32,000 of consultant "
            "time and training. No payment is linked to prescribing."
        ),
        "roles": (
            "The community trust runs the clinics, employs the nurse educator and keeps all "
            "patient records. The hospital trust trains and supervises the nurses. Sanofi "
            "manages the project plan and pays for the evaluation, and sees only anonymised, "
            "aggregated results."
        ),
    },
    certified_by=SANOFI_SIGNATORY,
    published_by=SANOFI_LEAD,
)
