"""STORAGES["private"] from the environment: the local folder unless Azure is configured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from triplewin.config.env import Env, EnvError
from triplewin.config.storage import AZURE_BACKEND, LOCAL_BACKEND, private_storage

ROOT = Path("/srv/triplewin/private")


def _entry(**variables: str) -> dict[str, Any]:
    return private_storage(env=Env(variables), local_root=ROOT)


def test_nothing_set_is_the_local_folder() -> None:
    assert _entry() == {"BACKEND": LOCAL_BACKEND, "OPTIONS": {"location": ROOT}}


def test_a_connection_string_is_a_private_container_with_no_signed_addresses() -> None:
    entry = _entry(AZURE_STORAGE_CONNECTION_STRING="AccountName=a;AccountKey=k")
    assert entry["BACKEND"] == AZURE_BACKEND
    options = entry["OPTIONS"]
    assert options["connection_string"] == "AccountName=a;AccountKey=k"
    assert options["azure_container"] == "triplewin-private"
    assert options["expiration_secs"] is None
    assert options["overwrite_files"] is False
    assert options["client_options"]["retry_total"] == 2


def test_an_account_name_and_key_with_a_container() -> None:
    options = _entry(
        AZURE_STORAGE_ACCOUNT_NAME="nhsfiles",
        AZURE_STORAGE_ACCOUNT_KEY="c2VjcmV0",
        AZURE_STORAGE_CONTAINER="agreements",
    )["OPTIONS"]
    assert (options["account_name"], options["account_key"]) == ("nhsfiles", "c2VjcmV0")
    assert options["azure_container"] == "agreements"
    assert "connection_string" not in options


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"AZURE_STORAGE_ACCOUNT_NAME": "nhsfiles"}, "must be set together"),
        ({"AZURE_STORAGE_ACCOUNT_KEY": "c2VjcmV0"}, "must be set together"),
        (
            {"AZURE_STORAGE_CONNECTION_STRING": "x", "AZURE_STORAGE_ACCOUNT_NAME": "y"},
            "not both",
        ),
        ({"AZURE_STORAGE_CONTAINER": "agreements"}, "no Azure account is"),
    ],
)
def test_half_a_configuration_stops_start_up(variables: dict[str, str], message: str) -> None:
    with pytest.raises(EnvError, match=message):
        _entry(**variables)
