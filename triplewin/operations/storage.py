"""The private file storage (signed agreements), whichever backend settings give it.

Callers take it from here rather than building one, so `STORAGES["private"]` alone decides
whether files go to the local folder or to Azure Blob Storage (ADR 0040).
"""

from __future__ import annotations

from azure.core.exceptions import AzureError
from django.core.files.storage import Storage, storages

ALIAS = "private"

# What a storage backend raises when it cannot do what was asked: the local disk's errors, and
# the Azure SDK's (refused credentials, a timeout, a service that does not answer).
STORAGE_ERRORS: tuple[type[Exception], ...] = (OSError, AzureError)

UNAVAILABLE = (
    "The file could not be stored just now, so nothing was saved. Try again in a few "
    "minutes; if it keeps happening, tell the service desk."
)


def private_storage() -> Storage:
    """Files only the access-checked views read; never given a public address."""
    return storages[ALIAS]
