"""`manage.py check --deploy` is clean under the production environment the README documents."""

from __future__ import annotations

import os
import subprocess
import sys

from triplewin.config.settings import PROJECT_DIR

# The README's "Production" example, with a made-up key and host.
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x7Gq-not-a-real-key-but-long-and-varied-9dK2pLmN4vB8zR1tY6wQ3eS5uJ0hF",
    "ALLOWED_HOSTS": "triplewin.example.nhs.uk",
    "CSRF_TRUSTED_ORIGINS": "https://triplewin.example.nhs.uk",
    "BEHIND_TLS_PROXY": "true",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
}


def _check_deploy(extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in PRODUCTION}
    environment.pop("PYTEST_CURRENT_TEST", None)
    # Set by the browser tests' live server in the same process; production never sets it.
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    environment.update(extra)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_documented_production_environment_passes_check_deploy() -> None:
    result = _check_deploy(PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "WARNINGS" not in result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_check_deploy_would_notice_a_missing_setting() -> None:
    result = _check_deploy({**PRODUCTION, "SECURE_HSTS_SECONDS": "0"})
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout
