"""PostgreSQL, with the organization scope enforced by the database too (see tenancy/rls.py)."""

from typing import Any

from django.db.backends.postgresql import base

from tenancy.rls import ScopeGuard


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scope_guard = ScopeGuard()
        self.execute_wrappers.append(self.scope_guard)

    def init_connection_state(self) -> None:
        super().init_connection_state()
        self.scope_guard.reset()

    def _set_autocommit(self, autocommit: bool) -> None:
        # A transaction begins or ends: its SET LOCAL values are gone either way.
        self.scope_guard.transaction_value = None
        super()._set_autocommit(autocommit)
