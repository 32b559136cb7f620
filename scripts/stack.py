"""Starts what Kabar needs and runs it: `run` (web + worker + beat with the demo) or `test` (pytest).

With DATABASE_URL / REDIS_URL unset, an embedded PostgreSQL and Redis are started under the var directory
and handed to every child process through those same variables.
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def ensure_services(var_dir: Path, command: str) -> None:
    """Embedded services for what is not configured. The test session logs in as the superuser and runs
    scoped work as the app role; `run` migrates as the owner and serves as the app role itself."""
    from config.embedded import APP_ROLE, OWNER_ROLE, postgres_url, redis_url

    os.environ["KABAR_VAR_DIR"] = str(var_dir)
    if not os.environ.get("DATABASE_URL"):
        if command == "test":
            os.environ["DATABASE_URL"] = postgres_url(var_dir)
            os.environ.setdefault("DATABASE_APP_ROLE", APP_ROLE)
        else:
            os.environ["DATABASE_OWNER_URL"] = postgres_url(var_dir, user=OWNER_ROLE)
            os.environ["DATABASE_URL"] = postgres_url(var_dir, user=APP_ROLE)
        print(f"Embedded PostgreSQL: {os.environ['DATABASE_URL']}", flush=True)
    if not os.environ.get("REDIS_URL"):
        os.environ["REDIS_URL"] = redis_url(var_dir)
        print(f"Embedded Redis: {os.environ['REDIS_URL']}", flush=True)


def migrate() -> None:
    """Migrations run as the tables' owner when DATABASE_OWNER_URL names one."""
    owner_url = os.environ.get("DATABASE_OWNER_URL")
    env = {**os.environ, "DATABASE_URL": owner_url} if owner_url else dict(os.environ)
    if owner_url:
        from config.embedded import APP_ROLE

        env.setdefault("DATABASE_APP_ROLE", APP_ROLE)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, check=True)


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True)


def run() -> int:
    port = os.environ.get("PORT", "8000")
    migrate()
    manage("seed_demo")
    children = [
        subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"0.0.0.0:{port}", "--noreload"], cwd=ROOT
        ),
        subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO", "--concurrency=2"],
            cwd=ROOT,
        ),
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "beat",
                "--loglevel=INFO",
                f"--schedule={Path(os.environ['KABAR_VAR_DIR']) / 'celerybeat-schedule'}",
            ],
            cwd=ROOT,
        ),
    ]
    time.sleep(2)
    print(
        f"""
Kabar is running (Ctrl-C stops everything).
  HR admin:  http://localhost:{port}/admin/
  API docs:  http://localhost:{port}/api/v1/docs/   (schema: /api/v1/schema/)
  Demo logins (password kabar-demo):
    hr@nusantara.test   PT Nusantara Digital (Indonesian)
    hr@acme.test        Acme Asia Pte Ltd (English)
  An API key: .venv/bin/python manage.py create_api_key --org nusantara --name demo
  Emails: {os.environ.get("EMAIL_URL") or Path(os.environ["KABAR_VAR_DIR"]) / "mail"}
""",
        flush=True,
    )
    try:
        while all(child.poll() is None for child in children):
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
    return max((child.returncode or 0) for child in children)


def test(pytest_args: list[str]) -> int:
    args = pytest_args or ["-n", "auto", "--dist", "loadgroup"]
    return subprocess.run([sys.executable, "-m", "pytest", *args], cwd=ROOT).returncode


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--var", default="var", help="where embedded services keep their data")
    parser.add_argument("command", choices=["run", "test"])
    parser.add_argument("rest", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    ensure_services((ROOT / options.var).resolve(), options.command)
    if options.command == "run":
        return run()
    rest = options.rest[1:] if options.rest[:1] == ["--"] else options.rest
    return test(rest)


if __name__ == "__main__":
    sys.exit(main())
