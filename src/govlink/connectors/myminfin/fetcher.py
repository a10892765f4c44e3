"""The ``myminfin-sim`` fetcher: one listing call and one download per new document.

Every portal answer maps to a :class:`~govlink.plugins.FetchResult`: ``403`` is no mandate,
``429`` throttled (with its ``Retry-After``), ``503`` / ``5xx`` / a timeout / a dropped
connection / a malformed answer unavailable, ``401`` a :class:`~govlink.ConfigurationError`.
A failed download fails the whole fetch, so the watermark never passes a document that was not
stored. The fetcher never retries: the runner does, within the portal's shared limits.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Final

import httpx

from govlink._closing import Closing
from govlink.connectors.http import Secret, parse_retry_after
from govlink.errors import ConfigurationError
from govlink.plugins import (
    FetchedDocument,
    FetcherOptions,
    FetchRequest,
    FetchResult,
)

__all__ = ["TOKEN_ENV", "URL_ENV", "MyMinfinSimFetcher"]

URL_ENV: Final = "GOVLINK_MYMINFIN_SIM_URL"
TOKEN_ENV: Final = "GOVLINK_MYMINFIN_SIM_TOKEN"


class _Failed(Exception):
    def __init__(self, result: FetchResult) -> None:
        super().__init__(result.message)
        self.result = result


class MyMinfinSimFetcher(Closing):
    """A :class:`~govlink.plugins.Fetcher` for the MyMinfin simulator's HTTP API.

    :param base_url: the simulator's URL.
    :param token: its bearer token (kept as a :class:`Secret`).
    :param timeout: seconds per call.
    :param transport: an httpx transport (tests: ``simulator.transport()``).
    """

    name = "myminfin-sim"

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._token = Secret(token)
        self._http = httpx.Client(base_url=base_url, timeout=timeout, transport=transport)

    @classmethod
    def from_options(cls, options: FetcherOptions) -> MyMinfinSimFetcher:
        """Open from the settings ``GOVLINK_MYMINFIN_SIM_URL`` and ``..._TOKEN``.

        :raises ConfigurationError: one of them is missing.
        """
        settings: Mapping[str, str] = options.settings
        url, token = settings.get(URL_ENV, "").strip(), settings.get(TOKEN_ENV, "").strip()
        if not url or not token:
            raise ConfigurationError(
                f"the myminfin-sim fetcher needs {URL_ENV} and {TOKEN_ENV} in its settings"
            )
        return cls(url, token, timeout=options.timeout)

    def __repr__(self) -> str:
        return f"MyMinfinSimFetcher({str(self._http.base_url)!r})"

    def close(self) -> None:
        """Close the HTTP connections."""
        self._http.close()

    def fetch(self, request: FetchRequest) -> FetchResult:
        """List the company's documents since the watermark and download each."""
        params = {} if request.since is None else {"since": request.since.isoformat()}
        try:
            listing = self._get(
                f"/api/enterprises/{request.enterprise_number.compact}/documents", params
            )
            entries = [e for e in _entries(listing) if e["id"] not in request.known]
            documents = tuple(self._download(entry) for entry in entries)
        except _Failed as failed:
            return failed.result
        return FetchResult.ok(documents)

    def _get(self, path: str, params: Mapping[str, str] | None = None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self._token.reveal()}"}
        try:
            response = self._http.get(path, params=params, headers=headers)
        except httpx.TimeoutException:
            raise _Failed(FetchResult.unavailable("the portal did not answer in time")) from None
        except httpx.TransportError as error:
            message = f"the portal connection failed: {type(error).__name__}"
            raise _Failed(FetchResult.unavailable(message)) from None
        status = response.status_code
        if status == 200:
            return response
        if status == 401:
            raise ConfigurationError("the MyMinfin simulator refused the token (401)")
        if status == 403:
            raise _Failed(FetchResult.no_mandate())
        if status == 429:
            raise _Failed(FetchResult.throttled(parse_retry_after(response)))
        if status == 503:
            message = "the portal is in maintenance"
            raise _Failed(FetchResult.unavailable(message, parse_retry_after(response)))
        raise _Failed(FetchResult.unavailable(f"the portal answered {status}"))

    def _download(self, entry: Mapping[str, Any]) -> FetchedDocument:
        response = self._get(f"/api/documents/{entry['id']}")
        return FetchedDocument(
            content=response.content,
            file_name=str(entry["fileName"]),
            kind_label=str(entry["label"]),
            portal_id=str(entry["id"]),
            published_at=datetime.fromisoformat(str(entry["publishedAt"])),
            document_date=date.fromisoformat(str(entry["documentDate"])),
            content_type=response.headers.get("content-type"),
        )


def _entries(response: httpx.Response) -> list[Mapping[str, Any]]:
    try:
        payload = response.json()
        entries = payload["documents"]
        for entry in entries:
            for key in ("id", "label", "fileName", "publishedAt", "documentDate"):
                if not isinstance(entry[key], str):
                    raise TypeError(key)
            datetime.fromisoformat(entry["publishedAt"])
            date.fromisoformat(entry["documentDate"])
    except (ValueError, TypeError, KeyError):
        raise _Failed(FetchResult.unavailable("the portal's answer was malformed")) from None
    return list(entries)
