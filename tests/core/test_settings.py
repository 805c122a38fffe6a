"""Settings from the environment: strict parsers, and refusal to run with weak secrets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from laborlens.env import ConfigError, env_bool, env_int, env_secret, parse_database_url

ROOT = Path(__file__).resolve().parents[2]


def run_django(env: dict[str, str], code: str = "import django; django.setup(); print('started')"):
    base = {key: value for key, value in os.environ.items()
            if not key.startswith(("LABORLENS_", "DATABASE_URL", "DJANGO_"))}
    base.update({"DJANGO_SETTINGS_MODULE": "laborlens.settings",
                 "DATABASE_URL": "sqlite:////tmp/laborlens-settings-test.sqlite3", **env})
    return subprocess.run([sys.executable, "-c", code], env=base, capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


STRONG = {
    "LABORLENS_SECRET_KEY": "k8Jq2-vN0pL7xR4tY9wE1zU6iO3aS5dF8gH2jK4lQ7mN0bV3cX6zP9oI1uY4tR7e",
    "LABORLENS_FIELD_KEYS": "sCuTi0Ry6qzz6D1KJaZ5sHbUa2Z1LjQqUzf6tQmW6Tg=",
    "LABORLENS_BLIND_INDEX_KEY": "Bq7Wm2Xn9Lp4Rt6Yv8Zc1Ad3Fg5Hj7Kl9Qw2Er4Ty6Ui8Op0As2Df4Gh6Jk8Lz0X",
    "LABORLENS_AUDIT_KEY": "Zx1Cv2Bn3Mq4Wd5Ef6Rg7Th8Yj9Uk0Il1Op2As3Df4Gh5Jk6Lm7Nb8Vc9Xz0Qa1W",
    "LABORLENS_AUDIT_SIGNING_KEY": "3q2-7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs=",
    "LABORLENS_ALLOWED_HOSTS": "laborlens.example.org",
    "LABORLENS_CACHE_URL": "redis://127.0.0.1:6379/15",
}


def test_production_starts_with_strong_secrets():
    result = run_django(STRONG)
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.parametrize("missing", sorted(STRONG))
def test_production_refuses_a_missing_secret(missing):
    env = {key: value for key, value in STRONG.items() if key != missing}
    result = run_django(env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_refuses_a_weak_secret_key():
    result = run_django({**STRONG, "LABORLENS_SECRET_KEY": "changeme"})
    assert result.returncode != 0 and "shorter than" in result.stderr


def test_production_refuses_the_demo_keys():
    from laborlens import settings as production

    result = run_django({**STRONG, "LABORLENS_SECRET_KEY": production.DEMO_SECRET_KEY})
    assert result.returncode != 0 and "demo" in result.stderr


def test_production_refuses_the_demo_or_a_malformed_audit_signing_key():
    from laborlens import settings as production

    result = run_django({**STRONG, "LABORLENS_AUDIT_SIGNING_KEY": production.DEMO_AUDIT_SIGNING_KEY})
    assert result.returncode != 0 and "demo" in result.stderr
    result = run_django({**STRONG, "LABORLENS_AUDIT_SIGNING_KEY": "bm90IGEga2V5"})
    assert result.returncode != 0 and "Ed25519" in result.stderr


def test_secrets_can_come_from_files(tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text(STRONG["LABORLENS_SECRET_KEY"] + "\n")
    env = {key: value for key, value in STRONG.items() if key != "LABORLENS_SECRET_KEY"}
    result = run_django({**env, "LABORLENS_SECRET_KEY_FILE": str(secret_file)})
    assert result.returncode == 0, result.stderr


def test_demo_loader_refuses_outside_demo_mode():
    result = run_django(STRONG, "import django; django.setup(); from laborlens.cli import main; "
                                "import sys; sys.exit(main(['demo-load']))")
    assert result.returncode == 2 and "LABORLENS_DEMO=1" in result.stderr


def test_bad_field_key_is_named():
    result = run_django({**STRONG, "LABORLENS_FIELD_KEYS": "not-a-key"})
    assert result.returncode != 0 and "Fernet" in result.stderr


def test_env_bool_is_strict():
    assert env_bool("X", environ={"X": "yes"}) is True
    assert env_bool("X", environ={"X": "0"}) is False
    assert env_bool("X", True, environ={}) is True
    with pytest.raises(ConfigError):
        env_bool("X", environ={"X": "maybe"})


def test_env_int_is_strict():
    assert env_int("N", 5, environ={"N": "7"}) == 7
    with pytest.raises(ConfigError):
        env_int("N", 5, environ={"N": "seven"})
    with pytest.raises(ConfigError):
        env_int("N", 5, maximum=10, environ={"N": "11"})


def test_env_secret_refuses_both_forms(tmp_path):
    with pytest.raises(ConfigError):
        env_secret("S", environ={"S": "a", "S_FILE": str(tmp_path / "x")})
    with pytest.raises(ConfigError):
        env_secret("S", environ={"S_FILE": str(tmp_path / "missing")})


def test_database_urls(tmp_path):
    sqlite = parse_database_url("sqlite:///var/x.sqlite3", tmp_path)
    assert sqlite.engine.endswith("sqlite3") and sqlite.name == str(tmp_path / "var/x.sqlite3")
    absolute = parse_database_url("sqlite:////tmp/y.sqlite3", tmp_path)
    assert absolute.name == "/tmp/y.sqlite3"
    pg = parse_database_url("postgres://app:p%40ss@db.internal:5433/laborlens?sslmode=require", tmp_path)
    assert (pg.user, pg.password, pg.host, pg.port, pg.name) == ("app", "p@ss", "db.internal", "5433", "laborlens")
    assert dict(pg.options) == {"sslmode": "require"}
    for bad in ["mysql://x/y", "postgres://host/", "sqlite://", "postgres://h/db?evil=1"]:
        with pytest.raises(ConfigError):
            parse_database_url(bad, tmp_path)


def test_production_refuses_a_cache_url_that_is_not_redis():
    result = run_django({**STRONG, "LABORLENS_CACHE_URL": "memcached://127.0.0.1:11211"})
    assert result.returncode != 0 and "LABORLENS_CACHE_URL" in result.stderr


def test_production_uses_redis_for_the_shared_cache():
    result = run_django(STRONG, "import django; django.setup(); from django.conf import settings; "
                                "print(settings.CACHES['default']['BACKEND'])")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("redis.RedisCache")


def test_database_url_passes_libpq_options_and_several_hosts(tmp_path):
    pg = parse_database_url(
        "postgres://app:pw@db1.internal:5432,db2.internal:5433/laborlens"
        "?sslmode=verify-full&sslcert=/etc/pg/client.crt&sslkey=/etc/pg/client.key"
        "&target_session_attrs=read-write", tmp_path)
    django = pg.as_django()
    assert django["HOST"] == "db1.internal,db2.internal" and django["PORT"] == "5432,5433"
    assert django["OPTIONS"] == {"sslmode": "verify-full", "sslcert": "/etc/pg/client.crt",
                                 "sslkey": "/etc/pg/client.key",
                                 "target_session_attrs": "read-write"}
    v6 = parse_database_url("postgres://u@[2001:db8::1]:5432/db", tmp_path)
    assert (v6.host, v6.port) == ("2001:db8::1", "5432")
    for bad in ["postgres://h1:5432,h2/db", "postgres://h:port/db", "postgres://h/db?sslmod=x"]:
        with pytest.raises(ConfigError):
            parse_database_url(bad, tmp_path)


def test_server_side_cursors_can_be_disabled_for_pgbouncer():
    code = ("import django; django.setup(); from django.conf import settings; "
            "print(settings.DATABASES['default'].get('DISABLE_SERVER_SIDE_CURSORS', False))")
    env = {**STRONG, "DATABASE_URL": "postgres://app@pgbouncer:6432/laborlens",
           "LABORLENS_DB_DISABLE_SERVER_SIDE_CURSORS": "1"}
    result = run_django(env, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
    assert run_django({**env, "LABORLENS_DB_DISABLE_SERVER_SIDE_CURSORS": "0"}, code).stdout.strip() == "False"


def test_multi_host_url_connects_to_the_host_that_answers():
    """libpq skips a host that refuses and uses the next (real PostgreSQL on 127.0.0.1)."""
    import psycopg

    pg = parse_database_url("postgres://postgres@127.0.0.1:1,127.0.0.1:5432/postgres"
                            "?connect_timeout=3&target_session_attrs=any", ROOT)
    config = pg.as_django()
    try:
        with psycopg.connect(host=config["HOST"], port=config["PORT"], user=config["USER"],
                             dbname=config["NAME"], **config["OPTIONS"]) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    except psycopg.OperationalError as error:
        pytest.skip(f"no PostgreSQL on 127.0.0.1:5432: {error}")
