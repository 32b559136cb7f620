"""OpenAPI: the bearer API key and the shared error responses on every operation."""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension

ERROR_REF = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
ERROR_DESCRIPTIONS = {
    "400": "Validation error: a list of field messages.",
    "401": "No API key, or an unknown or revoked one.",
    "403": "The API key lacks the scope this operation needs (read or write).",
    "404": "No such object in this organization (another organization's object looks the same).",
    "409": "A business rule refused the request (e.g. stale from_stage), or the Idempotency-Key is in use.",
    "412": "If-Match does not match the object's current ETag.",
    "422": "The Idempotency-Key was used with a different request body.",
    "429": "Rate limit reached; see Retry-After.",
}


class ApiKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "tenancy.api.authentication.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer", "description": "Authorization: Bearer <API key>"}


def add_error_responses(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """Every operation documents the error shape for the statuses it can answer."""
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            codes = ["401", "403", "429"]
            if "{id}" in path:
                codes.append("404")
            if method in {"post", "put", "patch"}:
                codes += ["400", "409"]
            if method == "post":
                codes.append("422")
            if method in {"put", "patch"}:
                codes.append("412")
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(code, {"description": ERROR_DESCRIPTIONS[code], **ERROR_REF})
    return result
