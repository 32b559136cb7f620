"""Starts what Kabar needs and runs it: `run` (web + worker + beat with the demo) or `test` (pytest).

With DATABASE_URL / REDIS_URL unset, an embedded PostgreSQL and Redis are started under the var directory
and handed to every child process through those same variables.
"""

import argparse
import contextlib
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
    schedule = Path(os.environ["KABAR_VAR_DIR"]) / "celerybeat-schedule"
    # Beat's record of last runs is a convenience (every job is safe to run again), and a file left
    # half-written by a stopped beat would keep the next one from starting.
    for leftover in schedule.parent.glob(f"{schedule.name}*"):
        leftover.unlink()
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
                f"--schedule={schedule}",
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
    # Ctrl-C, or SIGTERM to the process group, reaches the children too: they are given time to stop by
    # themselves, since a second signal cuts a warm shutdown short.
    grace = 10
    try:
        while all(child.poll() is None for child in children):
            time.sleep(1)
        grace = 0
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        _stop(children, grace)
    return max((child.returncode or 0) for child in children)


def _stop(children: list[subprocess.Popen], grace: float) -> None:
    deadline = time.monotonic() + grace
    for child in children:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=max(deadline - time.monotonic(), 0))
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    for child in children:
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()


def test(pytest_args: list[str]) -> int:
    args = pytest_args or ["-n", "auto", "--dist", "loadgroup"]
    return subprocess.run([sys.executable, "-m", "pytest", *args], cwd=ROOT).returncode


def main() -> int:
    # A process manager (or `timeout`) stops us with SIGTERM: exit as on Ctrl-C, so that the children and
    # the embedded PostgreSQL and Redis (stopped at exit) go too instead of being left running.
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
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
