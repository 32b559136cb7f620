from typing import TYPE_CHECKING

from rest_framework import permissions
from rest_framework.request import Request

if TYPE_CHECKING:
    from rest_framework.views import APIView

from tenancy.models import ApiKey, ApiScope


class HasApiKeyScope(permissions.BasePermission):
    """Reads need the `read` scope, everything else `write`. No key at all is a 401, not a 403."""

    message = "This API key does not have the scope this request needs."

    def has_permission(self, request: Request, view: "APIView") -> bool:
        if not isinstance(request.auth, ApiKey):
            return False
        needed = ApiScope.READ if request.method in permissions.SAFE_METHODS else ApiScope.WRITE
        return needed in request.auth.scopes
