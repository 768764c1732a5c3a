"""The partnerships described in the source documents, as library records.

Facts and figures come from the NHS Confederation and ABPI guidance (2024), The King's Fund
report on NHS and life sciences partnerships (2024), the NHS Confederation briefing
"Opportunities, openness and obstacles" and the ABPI's article on partnership working; every
sentence is our own. Where a source gives no dates, the dates are left empty rather than
guessed. Each record goes through the same validation as an imported file.
"""

from __future__ import annotations

from typing import Any

from triplewin.library.seeds import (
    briefing_abpi,
    briefing_confed,
    guidance,
    kings_fund_pathways,
    kings_fund_services,
)

SEEDED: tuple[dict[str, Any], ...] = (
    kings_fund_services.CARDIO_DIABETES,
    kings_fund_services.HEP_C_U_LATER,
    kings_fund_pathways.STARRS_GM,
    kings_fund_pathways.SKIN_CANCER,
    *guidance.GUIDANCE_STUDIES,
    briefing_confed.WESTON_PARK,
    briefing_confed.BARTS_SHORT_STAY,
    briefing_confed.LEICESTER_CKD,
    briefing_confed.SKIN_ANALYTICS,
    briefing_abpi.LEEDS_RHEUMATOLOGY,
    briefing_abpi.DONT_WAIT_TO_ANTICOAGULATE,
    briefing_abpi.WALES_HEAD_AND_NECK,
)

__all__ = ["SEEDED"]
