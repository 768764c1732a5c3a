"""django-storages' Azure backend, with the client options applied however it signs in.

django-storages passes `client_options` to the Azure client only when it signs in with an
account key or a token, not with a connection string; so the Azure SDK's default retries
(backing off 15, 18, then 24 seconds) would keep an uploader waiting four minutes for a
storage that does not answer. Here both ways get the same short retries (ADR 0040).
"""

from __future__ import annotations

from azure.storage.blob import BlobServiceClient
from storages.backends.azure_storage import AzureStorage  # type: ignore[import-untyped]


class PrivateAzureStorage(AzureStorage):
    def _get_service_client(self) -> BlobServiceClient:
        if self.connection_string is not None:
            return BlobServiceClient.from_connection_string(
                self.connection_string, **self.client_options
            )
        client: BlobServiceClient = super()._get_service_client()
        return client
