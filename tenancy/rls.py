"""PostgreSQL row-level security: the third wall between organizations.

Every table with an `organization_id` column gets a forced policy that shows and accepts only the rows of
the organization named by the `app.organization_id` setting (`*` is the audited platform bypass). The
database backend (tenancy/database/base.py) keeps that setting equal to the organization scope, inside each
transaction with SET LOCAL, and switches to the application role (DATABASE_APP_ROLE) while a scope is
active, so that even an unscoped query in a request of organization A reads and writes nothing of B.
"""

from typing import Any

from django.conf import settings
from django.core import checks
from django.db import connection as default_connection
from django.db.backends.base.base import BaseDatabaseWrapper

from tenancy.scope import scope_setting

POLICY = "kabar_organization_isolation"
SETTING = "app.organization_id"


def tenant_tables(connection: BaseDatabaseWrapper) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY table_name"
        )
        return [row[0] for row in cursor.fetchall()]


def apply_row_level_security(connection: BaseDatabaseWrapper) -> list[str]:
    """Enables and forces the policy on every tenant table, and grants the app role its rights. Idempotent."""
    tables = tenant_tables(connection)
    # `organization_id = <uuid>` keeps the planner's estimates and indexes (a cast of the column to text
    # made it scan every row); the CASE keeps `*` and `` away from the uuid cast.
    setting = f"current_setting('{SETTING}', true)"
    check = (
        f"organization_id = (CASE WHEN {setting} IN ('', '*') THEN NULL ELSE {setting} END)::uuid "
        f"OR {setting} = '*'"
    )
    with connection.cursor() as cursor:
        for table in tables:
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"ALTER TABLE {quoted} ENABLE ROW LEVEL SECURITY")
            cursor.execute(f"ALTER TABLE {quoted} FORCE ROW LEVEL SECURITY")
            cursor.execute(f"DROP POLICY IF EXISTS {POLICY} ON {quoted}")
            cursor.execute(f"CREATE POLICY {POLICY} ON {quoted} USING ({check}) WITH CHECK ({check})")
        role = settings.DATABASE_APP_ROLE
        if role and _role_exists(cursor, role):
            quoted_role = connection.ops.quote_name(role)
            cursor.execute(f"GRANT USAGE ON SCHEMA public TO {quoted_role}")
            cursor.execute(
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted_role}"
            )
            cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted_role}")
    return tables


def apply_after_migrate(sender: Any, using: str = "default", **kwargs: Any) -> None:
    from django.db import connections

    apply_row_level_security(connections[using])


def _role_exists(cursor: Any, role: str) -> bool:
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
    return cursor.fetchone() is not None


class ScopeGuard:
    """An execute wrapper that keeps the session's role and `app.organization_id` equal to the scope.

    In a transaction the values are set with SET LOCAL semantics (`set_config(..., true)`) before its first
    statement, so they end with the transaction and can never leak into the next request on a pooled
    connection; outside a transaction they are set for the session and put back to none when the scope ends.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.session_value: str | None = None
        self.transaction_value: str | None = None

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
        connection = context["connection"]
        value = scope_setting()
        in_transaction = connection.in_atomic_block
        applied = self.transaction_value if in_transaction else self.session_value
        if applied != value:
            role = settings.DATABASE_APP_ROLE if value else ""
            with connection.connection.cursor() as raw:
                raw.execute(
                    "SELECT set_config('role', %s, %s), set_config(%s, %s, %s)",
                    [role or "none", in_transaction, SETTING, value, in_transaction],
                )
            if in_transaction:
                self.transaction_value = value
            else:
                self.session_value = value
        return execute(sql, params, many, context)


@checks.register(checks.Tags.database, deploy=True)
def app_role_cannot_bypass_row_level_security(
    app_configs: Any = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """In production the role the app runs as must be subject to row-level security."""
    if not settings.PRODUCTION:
        return []
    return app_role_problems(default_connection)


def app_role_problems(connection: BaseDatabaseWrapper) -> list[checks.CheckMessage]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        role = settings.DATABASE_APP_ROLE or cursor.fetchone()[0]
        cursor.execute("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = %s", [role])
        found = cursor.fetchone()
        cursor.execute(
            "SELECT count(*) FROM pg_tables t JOIN information_schema.columns c "
            "ON c.table_schema = t.schemaname AND c.table_name = t.tablename "
            "WHERE t.schemaname = 'public' AND c.column_name = 'organization_id' AND t.tableowner = %s",
            [role],
        )
        owned = cursor.fetchone()[0]
    problems = []
    if found is None:
        problems.append(f"the database role {role!r} does not exist")
    elif found[0] or found[1]:
        problems.append(f"the role {role!r} is a superuser or has BYPASSRLS")
    if owned:
        problems.append(f"the role {role!r} owns {owned} tenant tables")
    return [
        checks.Error(
            f"Row-level security would not hold: {problem}.",
            hint="Connect as a role that is neither owner, superuser nor BYPASSRLS, or set DATABASE_APP_ROLE.",
            id="kabar.E001",
        )
        for problem in problems
    ]
