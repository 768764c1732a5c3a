"""The public documents the seeded case studies are drawn from, as source links."""

from __future__ import annotations

KINGS_FUND = {
    "url": "https://www.kingsfund.org.uk",
    "title": "The King's Fund (2024), report on NHS partnerships with the life sciences "
    "industry: case study annex",
}
GUIDANCE = {
    "url": "https://www.nhsconfed.org/publications",
    "title": "NHS Confederation and ABPI (2024), Accelerating transformation: guidance on "
    "developing NHS-industry partnerships",
}
BRIEFING = {
    "url": "https://www.nhsconfed.org/publications",
    "title": "NHS Confederation (2024) briefing, Opportunities, openness and obstacles",
}
ABPI_ARTICLE = {
    "url": "https://www.abpi.org.uk",
    "title": "ABPI (2024) article, Collaborate to innovate",
}
ABPI_LIBRARY = {
    "url": "https://www.abpi.org.uk/partnerships/",
    "title": "ABPI case study library of NHS-industry partnerships",
}
