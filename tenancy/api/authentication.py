from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from tenancy.models import ApiKey
from tenancy.services import api_key_authenticate


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer <key>`. The key is the organization: request.auth is the ApiKey."""

    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[None, ApiKey] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        keyword, _sep, raw_key = header.partition(" ")
        if keyword != self.keyword or not raw_key.strip():
            raise exceptions.AuthenticationFailed(_("Use 'Authorization: Bearer <API key>'."))
        api_key = api_key_authenticate(raw_key.strip())
        if api_key is None:
            raise exceptions.AuthenticationFailed(_("The API key is unknown or revoked."))
        return (None, api_key)

    def authenticate_header(self, request: Request) -> str:
        return self.keyword
