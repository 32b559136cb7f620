"""Static checks of docker-compose.yml and the Dockerfile; no Docker engine needed, both are read as text."""

import json
import re
import shlex
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"

APP_SERVICES = ("migrate", "web", "worker", "beat")
LONG_RUNNING_APP_SERVICES = ("web", "worker", "beat")
ALL_SERVICES = ("postgres", "redis", "mailpit", *APP_SERVICES)
MAILPIT_SMTP_PORT = 1025


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


@pytest.fixture(scope="module")
def services(compose: dict) -> dict:
    return compose["services"]


def command_args(command: str | list[str]) -> list[str]:
    """A compose `command` as argv; a `sh -c "a && b"` wrapper is flattened into the words of its script."""
    args = shlex.split(command) if isinstance(command, str) else [str(arg) for arg in command]
    if len(args) == 3 and args[0] in {"sh", "/bin/sh", "bash"} and args[1] == "-c":
        return shlex.split(args[2])
    return args


def command_text(service: dict) -> str:
    return " ".join(command_args(service["command"]))


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


def image_major(image: str) -> int:
    match = re.fullmatch(r"[\w./-]+:(\d+)(?:[.\-].*)?", image)
    assert match, f"image {image!r} does not carry a numeric version tag"
    return int(match.group(1))


def build_dockerfile(service: dict) -> Path:
    build = service["build"]
    if isinstance(build, str):
        context, dockerfile = build, "Dockerfile"
    else:
        context, dockerfile = build.get("context", "."), build.get("dockerfile", "Dockerfile")
    return (ROOT / context / dockerfile).resolve()


def dockerfile_instruction(name: str) -> list[str] | None:
    """The last CMD / ENTRYPOINT of the Dockerfile as argv (exec form or shell form), None when absent."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    found = None
    for line in text.splitlines():
        keyword, _, rest = line.strip().partition(" ")
        if keyword.upper() == name:
            rest = rest.strip()
            found = json.loads(rest) if rest.startswith("[") else shlex.split(rest)
    return found


def module_file(dotted: str) -> Path:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py") if path.with_suffix(".py").is_file() else path / "__init__.py"


def celery_app_package(args: list[str], index: int) -> str | None:
    arg = args[index]
    if arg in {"-A", "--app"}:
        return args[index + 1]
    if arg.startswith("--app="):
        return arg.split("=", 1)[1]
    return None


def assert_modules_exist(args: list[str]) -> None:
    """Every module an app command names exists: gunicorn's `module:app`, celery's `-A package`, manage.py."""
    assert args, "empty command"
    for index, arg in enumerate(args):
        if arg == "gunicorn" or arg.endswith("/gunicorn"):
            target = next(a for a in args[index + 1 :] if not a.startswith("-"))
            module = target.split(":", 1)[0]
            assert module_file(module).is_file(), f"gunicorn target {target!r}: no {module_file(module)}"
        if package := celery_app_package(args, index):
            celery_module = ROOT.joinpath(*package.split(".")) / "celery.py"
            assert celery_module.is_file(), f"celery app {package!r}: no {celery_module}"
        if arg.endswith("manage.py"):
            assert (ROOT / arg).is_file(), f"{arg} missing"


def test_compose_defines_the_six_services(services: dict) -> None:
    assert set(ALL_SERVICES) <= set(services)


def test_postgres_image_is_version_16_or_newer(services: dict) -> None:
    image = services["postgres"]["image"]
    assert image.split(":")[0].rsplit("/", 1)[-1] == "postgres"
    assert image_major(image) >= 16


def test_redis_image_is_major_version_7(services: dict) -> None:
    image = services["redis"]["image"]
    assert image.split(":")[0].rsplit("/", 1)[-1] == "redis"
    assert image_major(image) == 7


def test_mailpit_uses_the_mailpit_image_and_publishes_its_web_ui(services: dict) -> None:
    mailpit = services["mailpit"]
    assert mailpit["image"].split(":")[0] == "axllent/mailpit"
    assert any(str(port).endswith(":8025") for port in mailpit.get("ports", []))


def test_app_services_build_from_the_one_dockerfile(services: dict) -> None:
    dockerfiles = {name: build_dockerfile(services[name]) for name in APP_SERVICES}
    assert set(dockerfiles.values()) == {DOCKERFILE.resolve()}, dockerfiles
    assert len({services[name].get("image") for name in APP_SERVICES}) == 1


def test_web_runs_gunicorn_with_config_wsgi(services: dict) -> None:
    args = command_args(services["web"]["command"])
    assert args[0] == "gunicorn"
    assert "config.wsgi:application" in args
    assert "0.0.0.0:8000" in command_text(services["web"])


def test_web_publishes_port_8000(services: dict) -> None:
    assert any(str(port).endswith("8000:8000") for port in services["web"]["ports"])


def test_worker_runs_celery_worker_for_config(services: dict) -> None:
    assert command_text(services["worker"]).startswith("celery -A config worker")


def test_beat_runs_celery_beat_for_config(services: dict) -> None:
    assert command_text(services["beat"]).startswith("celery -A config beat")


def test_migrate_runs_manage_py_migrate_before_seeding(services: dict) -> None:
    text = command_text(services["migrate"])
    assert "manage.py migrate" in text
    assert "--noinput" in text
    assert text.index("manage.py migrate") < text.index("manage.py seed_demo")


def test_migrate_does_not_restart(services: dict) -> None:
    # Unquoted `no` would load as the boolean False, which compose rejects.
    assert services["migrate"]["restart"] == "no"


@pytest.mark.parametrize("name", LONG_RUNNING_APP_SERVICES)
def test_long_running_app_services_wait_for_migrate_to_complete(services: dict, name: str) -> None:
    assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}


@pytest.mark.parametrize("name", LONG_RUNNING_APP_SERVICES)
def test_long_running_app_services_wait_for_healthy_redis(services: dict, name: str) -> None:
    assert services[name]["depends_on"]["redis"] == {"condition": "service_healthy"}


def test_migrate_waits_for_healthy_postgres(services: dict) -> None:
    assert services["migrate"]["depends_on"]["postgres"] == {"condition": "service_healthy"}


def test_postgres_healthcheck_uses_pg_isready(services: dict) -> None:
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])


def test_redis_healthcheck_pings(services: dict) -> None:
    assert "redis-cli ping" in " ".join(services["redis"]["healthcheck"]["test"])


def test_web_healthcheck_fetches_the_schema_with_python_urllib(services: dict) -> None:
    check = " ".join(services["web"]["healthcheck"]["test"])
    assert "urllib" in check
    assert "http://localhost:8000/api/v1/schema/" in check
    assert "curl" not in check


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_get_the_required_environment(services: dict, name: str) -> None:
    env = environment(services[name])
    required = ("DATABASE_URL", "REDIS_URL", "EMAIL_URL", "SECRET_KEY", "DEFAULT_FROM_EMAIL", "ALLOWED_HOSTS")
    assert [key for key in required if not env.get(key)] == []
    assert env["DJANGO_ENV"] == "production"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_turn_off_ssl_redirect_without_a_tls_proxy(services: dict, name: str) -> None:
    assert environment(services[name])["SECURE_SSL_REDIRECT"] == "0"


def test_secret_key_is_an_overridable_change_me_placeholder(services: dict) -> None:
    secret = environment(services["web"])["SECRET_KEY"]
    match = re.fullmatch(r"\$\{SECRET_KEY:-(?P<default>[^}]+)\}", secret)
    assert match, secret
    assert match["default"].startswith("change-me-")


def test_allowed_hosts_cover_local_access_and_the_web_service(services: dict) -> None:
    hosts = environment(services["web"])["ALLOWED_HOSTS"].split(",")
    assert {"localhost", "127.0.0.1", "web"} <= set(hosts)


def test_redis_url_points_at_the_redis_service(services: dict) -> None:
    url = urlparse(environment(services["worker"])["REDIS_URL"])
    assert url.scheme == "redis"
    assert url.hostname == "redis"
    assert url.port == 6379


def test_email_url_points_at_mailpit_smtp_port(services: dict) -> None:
    url = urlparse(environment(services["worker"])["EMAIL_URL"])
    assert url.scheme == "smtp"
    assert url.hostname == "mailpit"
    assert url.port == MAILPIT_SMTP_PORT
    mailpit_ports = [str(port).split(":")[-1] for port in services["mailpit"].get("expose", [])]
    assert str(MAILPIT_SMTP_PORT) in mailpit_ports


def test_migrate_runs_as_the_postgres_owner(services: dict) -> None:
    url = urlparse(environment(services["migrate"])["DATABASE_URL"])
    postgres_env = environment(services["postgres"])
    assert url.scheme in {"postgresql", "postgres"}
    assert (url.hostname, url.port or 5432) == ("postgres", 5432)
    assert (url.username, url.password) == (postgres_env["POSTGRES_USER"], postgres_env["POSTGRES_PASSWORD"])
    assert url.path.lstrip("/") == postgres_env["POSTGRES_DB"]
    assert environment(services["migrate"])["DATABASE_APP_ROLE"] == "kabar_app"


@pytest.mark.parametrize("name", ["web", "worker", "beat"])
def test_long_running_services_connect_as_the_app_role_the_init_script_creates(
    services: dict, name: str
) -> None:
    url = urlparse(environment(services[name])["DATABASE_URL"])
    init_scripts = [
        str(mount) for mount in services["postgres"]["volumes"] if "docker-entrypoint-initdb.d" in str(mount)
    ]
    assert init_scripts, "postgres needs the role init script"
    script = (ROOT / init_scripts[0].split(":", 1)[0]).read_text()
    assert url.username == "kabar_app" and url.username != environment(services["postgres"])["POSTGRES_USER"]
    assert f"CREATE ROLE {url.username} LOGIN PASSWORD '{url.password}' NOSUPERUSER NOBYPASSRLS" in script
    assert url.path.lstrip("/") == environment(services["postgres"])["POSTGRES_DB"]


def test_long_running_app_services_share_one_environment(services: dict) -> None:
    environments = [environment(services[name]) for name in ("web", "worker", "beat")]
    assert all(env == environments[0] for env in environments)


def test_postgres_data_lives_in_a_named_volume(compose: dict) -> None:
    mounts = compose["services"]["postgres"]["volumes"]
    names = [str(mount).split(":", 1)[0] for mount in mounts]
    assert any(name in (compose.get("volumes") or {}) for name in names), mounts


def test_dockerfile_default_command_names_existing_modules() -> None:
    args = (dockerfile_instruction("ENTRYPOINT") or []) + (dockerfile_instruction("CMD") or [])
    assert "config.wsgi:application" in args
    assert "0.0.0.0:8000" in " ".join(args)
    assert_modules_exist(args)


@pytest.mark.parametrize("name", APP_SERVICES)
def test_compose_commands_name_existing_modules(services: dict, name: str) -> None:
    assert_modules_exist(command_args(services[name]["command"]))


def test_dockerfile_uses_python_312_slim() -> None:
    assert re.search(r"^FROM\s+python:3\.12-slim\b", DOCKERFILE.read_text(), re.MULTILINE)


def test_dockerfile_installs_dependencies_with_the_constraints_file() -> None:
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    assert re.search(r"pip install\b.*-c constraints\.txt", text)


def test_dockerfile_runs_as_a_non_root_user() -> None:
    users = re.findall(r"^USER\s+(\S+)", DOCKERFILE.read_text(), re.MULTILINE)
    assert users, "no USER instruction"
    assert users[-1] not in {"root", "0", "0:0"}


def test_dockerfile_sets_python_runtime_flags() -> None:
    text = DOCKERFILE.read_text()
    assert re.search(r"PYTHONDONTWRITEBYTECODE=1", text)
    assert re.search(r"PYTHONUNBUFFERED=1", text)


def test_dockerignore_keeps_local_state_out_of_the_build_context() -> None:
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".git", ".venv", "var"} <= ignored
