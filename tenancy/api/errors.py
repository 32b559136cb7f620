"""One JSON error shape for the whole API: {"type": ..., "errors": [{"code", "detail", "field"}]}."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from tenancy.errors import CrossOrganizationReference, DomainError

TYPES = {
    400: "validation_error",
    401: "authentication_error",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    412: "precondition_failed",
    415: "unsupported_media_type",
    422: "idempotency_key_reused",
    429: "rate_limited",
}


class ApiError(exceptions.APIException):
    """An error with a chosen status and code, in the shared shape."""

    def __init__(self, status_code: int, code: str, detail: str, field: str | None = None) -> None:
        super().__init__(detail=detail, code=code)
        self.status_code = status_code
        self.field = field


def error_body(status_code: int, errors: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": TYPES.get(status_code, "error"), "errors": errors}


def _flatten(detail: Any, field: str | None = None) -> list[dict[str, Any]]:
    if isinstance(detail, dict):
        return [
            error
            for name, value in detail.items()
            for error in _flatten(
                value, None if name == "non_field_errors" else f"{field}.{name}" if field else name
            )
        ]
    if isinstance(detail, list):
        return [error for item in detail for error in _flatten(item, field)]
    return [{"code": getattr(detail, "code", "invalid"), "detail": str(detail), "field": field}]


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, CrossOrganizationReference):
        # Another organization's object is reported exactly like a missing one.
        exc = Http404()
    if isinstance(exc, DomainError):
        body = error_body(409, [{"code": exc.code, "detail": exc.message, "field": None}])
        existing_id = getattr(exc, "existing_id", None)
        if existing_id is not None:
            body["existing_id"] = str(existing_id)
        return Response(body, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ApiError):
        errors = [
            {
                "code": exc.default_code if not exc.detail.code else exc.detail.code,
                "detail": str(exc.detail),
                "field": exc.field,
            }
        ]
    else:
        errors = _flatten(exc.detail)
    response.data = error_body(response.status_code, errors)
    return response


class ErrorItemSerializer(serializers.Serializer):
    code = serializers.CharField()
    detail = serializers.CharField()
    field = serializers.CharField(allow_null=True)


class ErrorSerializer(serializers.Serializer):
    type = serializers.CharField()
    errors = ErrorItemSerializer(many=True)
