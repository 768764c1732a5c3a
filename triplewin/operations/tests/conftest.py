"""A real Azurite (the Azure Blob Storage emulator, npm `azurite`) for the stored-file tests.

One Azurite per test session (per xdist worker), on a free port, with its data in a temporary
folder and an account key made for the session; each test gets its own private container and
points STORAGES["private"] at it through the same settings code production uses.
"""

from __future__ import annotations

import base64
import dataclasses
import os
import secrets
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from azure.storage.blob import BlobServiceClient, ContainerClient

from triplewin.agreement.tests.conftest import in_setup, parties, pcn
from triplewin.config.env import Env
from triplewin.config.storage import private_storage

__all__ = ["in_setup", "parties", "pcn"]

PROJECT_DIR = Path(__file__).resolve().parents[3]
AZURITE = PROJECT_DIR / "node_modules" / ".bin" / "azurite-blob"
ACCOUNT = "triplewintest"
START_TIMEOUT = 30.0


@dataclasses.dataclass(frozen=True)
class Azurite:
    port: int
    key: str
    process: subprocess.Popen[bytes]

    def connection_string(self, *, key: str | None = None, port: int | None = None) -> str:
        return (
            f"DefaultEndpointsProtocol=http;AccountName={ACCOUNT};"
            f"AccountKey={key or self.key};"
            f"BlobEndpoint=http://127.0.0.1:{port or self.port}/{ACCOUNT};"
        )

    @property
    def service(self) -> BlobServiceClient:
        return BlobServiceClient.from_connection_string(self.connection_string())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_it_answers(azurite: Azurite, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if azurite.process.poll() is not None:
            pytest.fail(f"Azurite stopped on start-up:\n{log.read_text()}")
        try:
            azurite.service.get_service_properties(timeout=2)
        except Exception:  # not answering yet, whatever the reason
            time.sleep(0.2)
        else:
            return
    pytest.fail(f"Azurite did not answer within {START_TIMEOUT:.0f} seconds:\n{log.read_text()}")


@pytest.fixture(scope="session")
def azurite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Azurite]:
    if not AZURITE.exists():
        pytest.fail("node_modules/.bin/azurite-blob is missing: run `npm ci` (make does).")
    location = tmp_path_factory.mktemp("azurite")
    log = location / "azurite.log"
    key = base64.b64encode(secrets.token_bytes(64)).decode()
    port = _free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [
                str(AZURITE),
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                str(port),
                "--location",
                str(location),
                "--skipApiVersionCheck",
                "--disableProductStyleUrl",
            ],
            env={**os.environ, "AZURITE_ACCOUNTS": f"{ACCOUNT}:{key}"},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    running = Azurite(port=port, key=key, process=process)
    try:
        _wait_until_it_answers(running, log)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def azure_entry(connection_string: str, container: str) -> dict[str, Any]:
    """STORAGES["private"] as settings make it from the environment variables."""
    env = Env(
        {"AZURE_STORAGE_CONNECTION_STRING": connection_string, "AZURE_STORAGE_CONTAINER": container}
    )
    return private_storage(env=env, local_root=Path("/nonexistent"))


@pytest.fixture
def container(azurite: Azurite) -> Iterator[ContainerClient]:
    """A new private container (no public access) for one test, removed after it."""
    client = azurite.service.create_container(f"private-{uuid.uuid4().hex[:12]}")
    try:
        yield client
    finally:
        client.delete_container()


@pytest.fixture
def on_azure(settings: Any, azurite: Azurite, container: ContainerClient) -> ContainerClient:
    """The private storage is the test's Azurite container."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": azure_entry(azurite.connection_string(), container.container_name),
    }
    return container


def blobs(container: ContainerClient) -> dict[str, bytes]:
    return {
        blob.name: container.download_blob(blob.name).readall() for blob in container.list_blobs()
    }
