"""Strict parsers for settings read from the environment.

Bad values fail loudly at start-up (healthchecks' envbool / envint habit). Secrets can
also come from a file named by ``NAME_FILE`` so that they never appear in a process list.
No Django import: the settings module and the CLI both use this.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class ConfigError(ValueError):
    """A setting in the environment is missing or malformed."""


def env_str(name: str, default: str = "", environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    return environ.get(name, default).strip()


def env_bool(name: str, default: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    if name not in environ:
        return default
    word = environ[name].strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigError(f"{name}={environ[name]!r} is not a boolean; use 1/0, true/false, yes/no or on/off")


def env_int(
    name: str,
    default: int,
    minimum: int | None = None,
    maximum: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    environ = os.environ if environ is None else environ
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number") from None
    if minimum is not None and value < minimum:
        raise ConfigError(f"{name}={value} is below the minimum {minimum}")
    if maximum is not None and value > maximum:
        raise ConfigError(f"{name}={value} is above the maximum {maximum}")
    return value


def env_list(name: str, default: str = "", environ: Mapping[str, str] | None = None) -> list[str]:
    return [item.strip() for item in env_str(name, default, environ).split(",") if item.strip()]


def env_choice(name: str, choices: tuple[str, ...], default: str, environ: Mapping[str, str] | None = None) -> str:
    """One of ``choices`` (lower-cased); anything else fails loudly at start-up."""
    value = env_str(name, default, environ).lower() or default
    if value not in choices:
        raise ConfigError(f"{name}={value!r} is not one of {', '.join(choices)}")
    return value


def env_secret(name: str, environ: Mapping[str, str] | None = None) -> str:
    """Read NAME, or the contents of the file named by NAME_FILE; never both."""
    environ = os.environ if environ is None else environ
    direct = environ.get(name, "").strip()
    file_name = environ.get(f"{name}_FILE", "").strip()
    if direct and file_name:
        raise ConfigError(f"set {name} or {name}_FILE, not both")
    if file_name:
        path = Path(file_name)
        if not path.is_file():
            raise ConfigError(f"{name}_FILE={file_name!r} is not a readable file")
        return path.read_text(encoding="utf-8").strip()
    return direct


def weak_secret_reason(value: str, min_length: int = 50) -> str | None:
    """Why a secret is too weak to run with, or None when it is acceptable."""
    if not value:
        return "it is missing"
    if len(value) < min_length:
        return f"it is shorter than {min_length} characters"
    if len(set(value)) < 10:
        return "it has fewer than 10 distinct characters"
    if value.startswith(("django-insecure", "demo-only")):
        return "it is a development or demo value"
    return None


@dataclass(frozen=True)
class DatabaseConfig:
    engine: str
    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""
    options: tuple[tuple[str, str], ...] = ()

    def as_django(self) -> dict[str, object]:
        config: dict[str, object] = {"ENGINE": self.engine, "NAME": self.name}
        if self.engine.endswith("postgresql"):
            config.update(
                USER=self.user,
                PASSWORD=self.password,
                HOST=self.host,
                PORT=self.port,
                OPTIONS=dict(self.options),
                CONN_MAX_AGE=60,
                CONN_HEALTH_CHECKS=True,
                ATOMIC_REQUESTS=False,
            )
        else:
            # WAL lets readers run beside a writer; IMMEDIATE avoids lock upgrade deadlocks.
            config["OPTIONS"] = {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            }
        return config


# libpq connection parameters a DATABASE_URL query string may carry (passed to OPTIONS).
LIBPQ_OPTIONS = frozenset({
    "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "sslcrl", "sslcrldir",
    "sslnegotiation", "sslsni", "ssl_min_protocol_version", "ssl_max_protocol_version",
    "channel_binding", "gssencmode", "krbsrvname", "require_auth", "passfile",
    "connect_timeout", "application_name", "target_session_attrs", "load_balance_hosts",
    "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count",
    "tcp_user_timeout", "options",
})


def _split_netloc(netloc: str) -> tuple[str, str, str, str]:
    """user, password, hosts, ports; hosts and ports comma-separated for libpq multi-host
    (``postgres://u@db1:5432,db2:5433/name?target_session_attrs=read-write``)."""
    credentials, _, hostlist = netloc.rpartition("@")
    user, _, password = credentials.partition(":")
    hosts: list[str] = []
    ports: list[str] = []
    for item in hostlist.split(","):
        if item.startswith("["):  # [IPv6]:port
            host, _, rest = item[1:].partition("]")
            port = rest.lstrip(":")
        else:
            host, _, port = item.partition(":")
        if port and not port.isdigit():
            raise ConfigError(f"DATABASE_URL port {port!r} is not a number")
        hosts.append(unquote(host))
        ports.append(port)
    if len(hosts) > 1 and any(ports) and not all(ports):
        raise ConfigError("DATABASE_URL with several hosts: give every host a port, or none")
    return unquote(user), unquote(password), ",".join(hosts), ",".join(p for p in ports if p)


def parse_database_url(url: str, base_dir: Path) -> DatabaseConfig:
    """``sqlite:///relative/or/absolute.sqlite3`` or ``postgres://user:pw@host:port/name``,
    with libpq options in the query string and several ``host:port`` for failover."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        raw_path = unquote(parts.path)
        if not raw_path or raw_path == "/":
            raise ConfigError("DATABASE_URL for SQLite needs a file path, e.g. sqlite:///var/laborlens.sqlite3")
        # sqlite:///var/x.db is relative to the project; sqlite:////abs/x.db is absolute.
        relative = raw_path[1:]
        path = Path(relative) if relative.startswith("/") else base_dir / relative
        return DatabaseConfig(engine="django.db.backends.sqlite3", name=str(path))
    if parts.scheme in {"postgres", "postgresql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ConfigError("DATABASE_URL for PostgreSQL needs a database name after the host")
        options = tuple(
            (key, values[-1]) for key, values in sorted(parse_qs(parts.query).items())
        )
        unknown = sorted({key for key, _ in options} - LIBPQ_OPTIONS)
        if unknown:
            raise ConfigError(f"DATABASE_URL has unknown options: {', '.join(unknown)} "
                              f"(libpq options accepted: {', '.join(sorted(LIBPQ_OPTIONS))})")
        user, password, hosts, ports = _split_netloc(parts.netloc)
        return DatabaseConfig(
            engine="django.db.backends.postgresql",
            name=name,
            user=user,
            password=password,
            host=hosts,
            port=ports,
            options=options,
        )
    raise ConfigError(
        f"DATABASE_URL scheme {parts.scheme!r} is not supported; use sqlite:/// or postgres://"
    )
