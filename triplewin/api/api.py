"""The versioned REST API, mounted at /api/v1/ (ADR 0036)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.errors import ValidationError as RequestInvalid

from triplewin.api import partners, problems, public

DESCRIPTION = (
    "Triple Win's API. Anyone may read the public register, published outcomes, case studies "
    "and the audit chain's daily heads. A partner organisation's systems read their projects "
    "and send KPI readings, transfers of value and completed actions with an API token that "
    "the organisation's administrator creates. Errors are RFC 9457 problem details."
)


class TripleWinApi(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        """Errors are documented as application/problem+json, which is what they are sent as."""
        schema = super().get_openapi_schema(**kwargs)
        for path in schema["paths"].values():
            for operation in path.values():
                for code, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if str(code).startswith(("4", "5")) and "application/json" in content:
                        answer["content"] = {problems.PROBLEM_TYPE: content["application/json"]}
        return schema


api = TripleWinApi(
    title="Triple Win API",
    version="1",
    description=DESCRIPTION,
    docs_url=None,
    urls_namespace="api-v1",
)
api.add_exception_handler(problems.Problem, problems.raised)  # type: ignore[arg-type]
api.add_exception_handler(RequestInvalid, problems.request_invalid)  # type: ignore[arg-type]
api.add_exception_handler(DjangoValidationError, problems.refused)  # type: ignore[arg-type]
api.add_exception_handler(HttpError, problems.http_error)  # type: ignore[arg-type]
api.add_exception_handler(Http404, problems.not_found)  # type: ignore[arg-type]
api.add_router("", public.router)
api.add_router("", partners.router)
