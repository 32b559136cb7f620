"""The organization scope: which organization the current request, task or command acts for.

Invariant: while a scope is active, every query through a tenant model's default manager is filtered to
that organization; with no scope active, such a query raises OrganizationScopeMissing. The scope is a
ContextVar, set in exactly one place per entry point (API base view, admin middleware, tenant_task, and
`with org_scope(org)` in commands and tests) and always reset in a `finally`, so it cannot leak into the
next request or task on the same thread. `platform_scope()` is the named bypass for platform superusers
and cross-organization jobs; the `unscoped` manager on each model is the other one.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Final

from tenancy.errors import OrganizationScopeMissing

audit = logging.getLogger("kabar.audit")

if TYPE_CHECKING:
    from tenancy.models import Organization


class _AllOrganizations:
    def __repr__(self) -> str:
        return "<all organizations>"


ALL_ORGANIZATIONS: Final = _AllOrganizations()

_current: ContextVar["Organization | _AllOrganizations | None"] = ContextVar(
    "kabar_organization", default=None
)


@contextmanager
def org_scope(organization: "Organization") -> Iterator["Organization"]:
    if organization is None or organization._state.adding:
        raise OrganizationScopeMissing("org_scope() needs a saved organization.")
    token = _current.set(organization)
    try:
        yield organization
    finally:
        _current.reset(token)


@contextmanager
def platform_scope(reason: str = "unnamed") -> Iterator[None]:
    """Every organization at once: for platform superusers and the named cross-organization jobs only.

    Each use is logged with its reason, and the database's row-level security sees it as the bypass.
    """
    audit.info("Platform scope entered: %s", reason)
    token = _current.set(ALL_ORGANIZATIONS)
    try:
        yield
    finally:
        _current.reset(token)


def active_scope() -> "Organization | _AllOrganizations":
    scope = _current.get()
    if scope is None:
        raise OrganizationScopeMissing(
            "No organization scope is active. Wrap the code in `with org_scope(organization):` "
            "(or use the model's `unscoped` manager where crossing organizations is intended)."
        )
    return scope


def current_organization() -> "Organization":
    scope = active_scope()
    if scope is ALL_ORGANIZATIONS:
        raise OrganizationScopeMissing("The platform scope spans every organization; none is current.")
    return scope  # type: ignore[return-value]


def has_scope() -> bool:
    return _current.get() is not None


def scope_setting() -> str:
    """The scope as row-level security reads it: an organization id, `*` for the platform, `` for none."""
    scope = _current.get()
    if scope is None:
        return ""
    if scope is ALL_ORGANIZATIONS:
        return "*"
    return str(scope.pk)
