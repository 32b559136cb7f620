import functools
from collections.abc import Callable
from typing import Any

from celery import shared_task

from tenancy.models import Organization
from tenancy.scope import org_scope


def tenant_task(**celery_options: Any) -> Callable[[Callable[..., Any]], Any]:
    """A Celery task that runs inside its organization's scope.

    The one place that sets the scope for tasks: the task is called with `organization_id=<uuid>` and the
    wrapped function receives `organization=`; the scope is reset when it returns or raises.
    """

    def decorator(function: Callable[..., Any]) -> Any:
        @functools.wraps(function)
        def run(*args: Any, organization_id: str, **kwargs: Any) -> Any:
            organization = Organization.objects.get(pk=organization_id)
            with org_scope(organization):
                return function(*args, organization=organization, **kwargs)

        return shared_task(**celery_options)(run)

    return decorator
