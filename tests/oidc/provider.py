"""Starts the real OpenID Connect provider (tests/oidc/server.mjs) as a separate process."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SERVER = Path(__file__).with_name("server.mjs")
ROOT = SERVER.parents[2]
CLIENT_ID = "triplewin"
CLIENT_SECRET = "triplewin-local-test-secret"
EMAIL_DOMAIN = "sso.example"


@dataclass(frozen=True)
class RunningProvider:
    issuer: str
    client_id: str = CLIENT_ID
    client_secret: str = CLIENT_SECRET
    email_domain: str = EMAIL_DOMAIN


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(*, redirect_uris: list[str]) -> Iterator[RunningProvider]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "oidc-provider").exists():
        pytest.fail("The test OpenID Connect provider needs node and `npm install` (make test).")
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    env = {
        "PATH": "/usr/bin:/bin",
        "PORT": str(port),
        "ISSUER": issuer,
        "REDIRECT_URIS": ",".join(redirect_uris),
        "EMAIL_DOMAIN": EMAIL_DOMAIN,
    }
    process = subprocess.Popen(
        [node, str(SERVER)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(  # noqa: S310 (our own server on loopback)
                    f"{issuer}/.well-known/openid-configuration", timeout=2
                ):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    pytest.fail(f"The test OpenID Connect provider did not start:\n{output}")
                time.sleep(0.2)
        yield RunningProvider(issuer=issuer)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
