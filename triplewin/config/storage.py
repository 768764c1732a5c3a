"""Where the private files (signed agreements) are kept: one STORAGES entry, chosen by env.

The local folder is the default, so a checkout works with nothing set. Azure Blob Storage is
used when a connection string, or an account name and key, is given (ADR 0040), through
django-storages' AzureStorage (`triplewin.operations.azure`). The container
is private and no signed address is ever made (`expiration_secs` None): the app streams each
file itself after its own access check.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from triplewin.config.env import Env, EnvError

AZURE_BACKEND = "triplewin.operations.azure.PrivateAzureStorage"
LOCAL_BACKEND = "django.core.files.storage.FileSystemStorage"
DEFAULT_CONTAINER = "triplewin-private"


def local_storage(root: Path) -> dict[str, Any]:
    """A STORAGES entry for a folder on this machine."""
    return {"BACKEND": LOCAL_BACKEND, "OPTIONS": {"location": root}}


def private_storage(*, env: Env, local_root: Path) -> dict[str, Any]:
    """The STORAGES["private"] entry for this environment."""
    connection_string = env.optional_str("AZURE_STORAGE_CONNECTION_STRING")
    account_name = env.optional_str("AZURE_STORAGE_ACCOUNT_NAME")
    account_key = env.optional_str("AZURE_STORAGE_ACCOUNT_KEY")
    container = env.optional_str("AZURE_STORAGE_CONTAINER")
    if connection_string and (account_name or account_key):
        raise EnvError(
            "Set either AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_NAME with "
            "AZURE_STORAGE_ACCOUNT_KEY, not both."
        )
    if bool(account_name) != bool(account_key):
        raise EnvError(
            "AZURE_STORAGE_ACCOUNT_NAME and AZURE_STORAGE_ACCOUNT_KEY must be set together."
        )
    if not connection_string and not account_name:
        if container:
            raise EnvError(
                "AZURE_STORAGE_CONTAINER is set but no Azure account is: set "
                "AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT_NAME and _KEY."
            )
        return local_storage(local_root)
    options: dict[str, Any] = {
        "azure_container": container or DEFAULT_CONTAINER,
        # No SAS addresses: a file leaves storage only through the access-checked view.
        "expiration_secs": None,
        # A stored name is never reused: a second upload with the same name gets a new one.
        "overwrite_files": False,
        # Seconds the service may take over one request.
        "timeout": 20,
        # Two quick retries (after about 1 and 3 seconds) rather than the SDK's four minutes
        # of back-off, so an uploader hears of an outage in seconds; short connection and
        # read timeouts for the same reason.
        "client_options": {
            "retry_total": 2,
            "initial_backoff": 1,
            "increment_base": 2,
            "connection_timeout": 5,
            "read_timeout": 30,
        },
    }
    if connection_string:
        options["connection_string"] = connection_string
    else:
        options["account_name"] = account_name
        options["account_key"] = account_key
    return {"BACKEND": AZURE_BACKEND, "OPTIONS": options}
