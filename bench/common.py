"""What every benchmark shares: its own database, the data, gunicorn, wrk, and printing the figures.

Run by hand (`make bench`), never in CI. Each benchmark starts from an empty `kabar_bench` database (all
organizations truncated), builds its data, measures Kabar and its floor in the same run, and prints the
ratio last. Set BENCH_DATABASE_URL / BENCH_REDIS_URL to use other servers.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
VENV_BIN = Path(sys.executable).parent

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/kabar_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")


def bench_env(**extra: str) -> dict[str, str]:
    """The environment of every Kabar process a benchmark starts (and of the benchmark itself)."""
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "XDG_RUNTIME_DIR": os.environ.get("XDG_RUNTIME_DIR", "/tmp/xdg"),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        # The API's per-key limit would otherwise cap the load generator at 600 requests a minute.
        "API_RATE_LIMIT_PER_MINUTE": "1000000000",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def setup(*, create: bool = True, **extra: str) -> None:
    """Creates the bench database if needed, sets Django up in this process and migrates."""
    os.environ.update(bench_env(**extra))
    Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    if create:
        create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def create_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.startswith("kabar_bench"):
        raise SystemExit(f"Refusing to run benchmarks on {name!r}: they empty the database they use.")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def reset() -> None:
    """Empties every organization's data (everything tenant-owned cascades) and the bench Redis db."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE tenancy_organization, tenancy_user CASCADE")
    reset_broker()


def reset_broker() -> None:
    """Drops every queued task and counter in the bench Redis database."""
    import redis

    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()


def vacuum(*tables: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"VACUUM ANALYZE {table}")


def organization(slug: str, language: str, **fields: object) -> tuple[object, str]:
    """A provisioned organization with a read/write API key; returns it and the raw key."""
    from recruitment.services import organization_provision
    from tenancy.models import Organization
    from tenancy.scope import org_scope
    from tenancy.services import api_key_create

    org = Organization.objects.create(
        slug=slug,
        name=f"Bench {slug}",
        language=language,
        sender_name=f"HR Bench {slug}",
        sender_email=f"hr@{slug}.bench.test",
        reply_to_email=f"hr@{slug}.bench.test",
        **fields,
    )
    with org_scope(org):
        organization_provision(organization=org)
        _key, raw_key = api_key_create(organization=org, name="bench", scopes=["read", "write"])
    return org, raw_key


def seed(org: object, size: int) -> float:
    """recruitment.demo.seed_bulk: `size` active applications with bulk inserts; returns the seconds."""
    from recruitment.demo import seed_bulk

    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        if done == total or done % 50_000 == 0:
            print(f"  seeded {done:,}/{total:,} applications in {org.slug}", flush=True)

    seed_bulk(org, size, progress)
    return time.monotonic() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


@contextmanager
def gunicorn(workers: int = 4, **extra_env: str) -> Iterator[str]:
    """Kabar (with the bench floor URLs) under gunicorn's sync workers; yields the base URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--backlog",
            "2048",
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=bench_env(**extra_env),
    )
    try:
        wait_for_port(port)
        time.sleep(1)  # every worker booted
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def celery_worker(
    concurrency: int = 2, log: Path | None = None, **extra_env: str
) -> Iterator[subprocess.Popen]:
    """One real Celery worker (prefork) on the bench Redis; waits until it is ready."""
    log = log or ROOT / "var" / "bench" / "worker.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_bytes(b"")
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=prefork",
            f"--concurrency={concurrency}",
            "--loglevel=INFO",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=bench_env(**extra_env),
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while b"ready." not in log.read_bytes():
        if time.monotonic() > deadline or process.poll() is not None:
            raise RuntimeError(log.read_text()[-3000:])
        time.sleep(0.2)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def wrk_binary() -> str:
    binary = shutil.which("wrk")
    if binary is None:
        raise SystemExit("wrk is needed: apt-get install -y wrk")
    return binary


def wrk(
    url: str,
    *,
    duration: int = 20,
    connections: int = 8,
    headers: dict[str, str] | None = None,
    script: Path | None = None,
) -> dict[str, float]:
    """Runs wrk (one thread) against `url`; returns requests/s, latency percentiles and error counts."""
    command = [wrk_binary(), "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "30s"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def wrk_rounds(
    targets: dict[str, tuple[str, dict[str, str]]], *, duration: int, rounds: int, connections: int = 8
) -> dict[str, dict[str, float]]:
    """Each target (name: url and headers) loaded in turn, `rounds` times, for `duration` seconds in all.

    Taking turns in short rounds, rather than one long run after another, gives every target the same
    share of whatever else the machine is doing meanwhile (a shared machine's speed drifts by more than
    the differences measured). Returns each target's totals: requests/s over all its rounds, the median
    of its rounds' p50, the worst of their p99, and error counts.
    """
    seconds = max(duration // rounds, 1)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in targets}
    for _round in range(rounds):
        for name, (url, headers) in targets.items():
            runs[name].append(wrk(url, duration=seconds, connections=connections, headers=headers))
    return {
        name: {
            "rps": sum(run["requests"] for run in results) / (seconds * rounds),
            "requests": sum(run["requests"] for run in results),
            "p50_ms": sorted(run["p50_ms"] for run in results)[len(results) // 2],
            "p99_ms": max(run["p99_ms"] for run in results),
            "non_2xx": sum(run["non_2xx"] for run in results),
            "socket_errors": sum(run["socket_errors"] for run in results),
        }
        for name, results in runs.items()
    }


def parse_wrk(output: str) -> dict[str, float]:
    def number(pattern: str, default: float = 0.0) -> float:
        found = re.search(pattern, output)
        return float(found.group(1)) if found else default

    def latency_ms(percentile: str) -> float:
        found = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        if not found:
            return 0.0
        value, unit = float(found.group(1)), found.group(2)
        return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    return {
        "rps": number(r"Requests/sec:\s+([\d.]+)"),
        "requests": number(r"(\d+) requests in"),
        "non_2xx": number(r"Non-2xx or 3xx responses:\s+(\d+)"),
        "socket_errors": sum(
            float(n)
            for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output.split("Socket errors:")[-1])
        )
        if "Socket errors:" in output
        else 0.0,
        "p50_ms": latency_ms("50"),
        "p99_ms": latency_ms("99"),
    }


def machine() -> str:
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    return f"{os.cpu_count()} cores, {model}, PostgreSQL {postgres}"


def heading(title: str) -> None:
    print(f"\n=== {title} ===", flush=True)


def ratio_line(name: str, kabar: float, floor: float, unit: str, target: str, met: bool) -> None:
    print(f"{name}: Kabar {kabar:,.1f} {unit}, floor {floor:,.1f} {unit}", flush=True)
    print(f"ratio {kabar / floor:.2f} (target {target}: {'met' if met else 'NOT met'})", flush=True)
