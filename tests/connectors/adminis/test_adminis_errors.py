"""Admin-IS error semantics and credential hygiene, over real loopback sockets."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from govlink.connectors.adminis.client import AdminisClient, AdminisConfig, ApiLimits
from govlink.connectors.adminis.filters import field
from govlink.connectors.http import RetryPolicy, Secret
from govlink.errors import (
    ConfigurationError,
    ConnectorError,
    FatalConnectorError,
    GovlinkError,
    RetriableConnectorError,
)
from govlink.testing._loopback import LoopbackServer
from govlink.testing.adminis import AdminisSimulator, ApiSettings, Fault, sample_data
from govlink.testing.clock import ScaledClock

_DATA = sample_data(120, seed=11)


@pytest.fixture
def serve(clock: ScaledClock, api_key: str) -> Iterator[Any]:
    """Start a simulator on 127.0.0.1 and give a client for it (closed afterwards)."""
    opened: list[Any] = []

    def start(key: str = api_key, path: str = "", **options: Any) -> AdminisClient:
        simulator = AdminisSimulator(options.pop("data", _DATA), api_key=api_key, clock=clock,
                                     **options)  # fmt: skip
        server = LoopbackServer(simulator).start()
        config = AdminisConfig(base_url=server.url + path, api_key=Secret(key), timeout=2)
        client = AdminisClient(config, clock=clock, retry=RetryPolicy(max_retries=2))
        client.simulator = simulator  # type: ignore[attr-defined]
        opened.extend([client, server])
        return client

    yield start
    for thing in opened:
        thing.close()


def test_no_rights_for_an_endpoint_is_a_configuration_error_naming_it(serve: Any) -> None:
    client = serve(denied={"customeraddresses"})
    with pytest.raises(ConfigurationError) as caught:
        list(client.rows("customeraddresses"))
    error = caught.value
    assert error.status == 403
    assert "'customeraddresses'" in error.message
    assert "No valid configuration for token" in error.message
    assert "No valid configuration for token" in error.body
    assert error.path == "/api/v1/customeraddresses"
    assert client.simulator.statuses[403] == 1  # not retried


def test_nothing_found_is_an_empty_result(serve: Any) -> None:
    client = serve()
    assert list(client.rows("customers", field("CustomerId").eq(-1))) == []
    assert (
        list(client.rows("taskflow/tasks/3/data", datefrom="2020-01-01", dateto="2020-12-31")) == []
    )


def test_another_404_is_a_configuration_error(serve: Any) -> None:
    client = serve(path="/wrong/prefix")
    with pytest.raises(ConfigurationError) as caught:
        client.limits()
    assert caught.value.status == 404
    assert "GOVLINK_ADMINIS_URL" in caught.value.message
    assert "does not exist" in caught.value.message


def test_a_wrong_key_names_the_setting(serve: Any, api_key: str) -> None:
    client = serve(key="not-the-key")
    with pytest.raises(ConfigurationError) as caught:
        client.limits()
    assert "GOVLINK_ADMINIS_API_KEY" in caught.value.message
    assert "not-the-key" not in str(caught.value) + caught.value.path + repr(caught.value)
    assert caught.value.path == "/api/v1/token/***"


def test_a_filter_that_cannot_be_split_further_fails(serve: Any) -> None:
    client = serve(max_url_length=60)
    with pytest.raises(FatalConnectorError) as caught:
        list(client.rows("customers", field("CustomerId").in_([1001, 1002])))
    assert caught.value.status == 414
    assert client.simulator.statuses[414] == 2  # the pair, then its first half alone


def test_a_bad_filter_is_a_fatal_error_with_the_servers_message(serve: Any) -> None:
    client = serve()
    with pytest.raises(FatalConnectorError) as caught:
        list(client.rows("customers", field("NoSuchField").eq(1)))
    assert caught.value.status == 400
    assert "Admin-IS says: Invalid filter: unknown field(s): NoSuchField" in caught.value.message


@pytest.mark.parametrize("broken", ["loop", "foreign"])
def test_broken_next_links_stop_loudly(serve: Any, broken: str) -> None:
    client = serve(settings=ApiSettings(max_records_per_page=10), broken_links=broken)
    with pytest.raises(FatalConnectorError) as caught:
        list(client.rows("customers"))
    assert caught.value.code == "connector.pagination"


def test_persistent_server_errors_are_retriable_errors(serve: Any) -> None:
    client = serve(faults={Fault.SERVER_ERROR: 1.0})
    with pytest.raises(RetriableConnectorError) as caught:
        client.limits()
    assert caught.value.status == 500
    assert "Internal server error" in caught.value.message


def test_an_unreachable_server_says_what_to_check(clock: ScaledClock) -> None:
    server = LoopbackServer(lambda request: httpx.Response(200)).start()
    url = server.url
    server.close()
    config = AdminisConfig(base_url=url, api_key=Secret("k"), timeout=1)
    client = AdminisClient(config, clock=clock, retry=RetryPolicy(max_retries=1))
    with client, pytest.raises(RetriableConnectorError) as caught:
        client.limits()
    assert caught.value.status is None
    assert "GOVLINK_ADMINIS_URL" in caught.value.message


def test_a_token_refused_twice_in_a_row_is_a_configuration_error(serve: Any) -> None:
    client = serve(token_ttl=10**6)
    client.limits()
    simulator = client.simulator
    original = simulator._token_valid
    simulator._token_valid = lambda request, now: False  # every token is refused at once
    with pytest.raises(ConfigurationError) as caught:
        list(client.rows("customers"))
    simulator._token_valid = original
    assert caught.value.status == 401
    assert simulator.exchanges == 2  # the first token, and one renewal: then it gives up


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"MaxRecordsPerPage": 500, "DefaultRecordsPerPage": 100, "RateLimit": 90}, (500, 90)),
        ({"DefaultRecordsPerPage": 100}, (100, 60)),
        ({"MaxRecordsPerPage": "0", "RateLimit": "x"}, (None, 60)),
        ({}, (None, 60)),
    ],
)
def test_apisettings_fallbacks(body: dict[str, Any], expected: tuple[int | None, int]) -> None:
    limits = ApiLimits.from_json(body)
    assert (limits.per_page, limits.rate_limit) == expected


def test_without_per_page_the_server_default_applies(serve: Any) -> None:
    client = serve(settings=ApiSettings(default_records_per_page=7, max_records_per_page=0))
    client._limits = ApiLimits(per_page=None, rate_limit=600)
    pages = list(client.pages("customers"))
    assert [len(p) for p in pages[:-1]] == [7] * (len(pages) - 1)
    assert sum(len(p) for p in pages) == len(_DATA.customers)


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("crm.firm.be:2100", "https://crm.firm.be:2100"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
        ("https://crm.firm.be:2100/api/v1/", "https://crm.firm.be:2100"),
        ("https://crm.firm.be/consult?x=1", "https://crm.firm.be/consult"),
    ],
)
def test_base_urls_are_normalised(typed: str, url: str) -> None:
    assert AdminisConfig(base_url=typed, api_key=Secret("k")).base_url == url


@pytest.mark.parametrize("typed", ["ftp://crm.firm.be", "https://", "::::", ""])
def test_bad_base_urls_are_configuration_errors(typed: str) -> None:
    with pytest.raises(ConfigurationError, match="GOVLINK_ADMINIS_URL"):
        AdminisConfig(base_url=typed, api_key=Secret("k"))


def test_credentials_never_leak(serve: Any, api_key: str, caplog: pytest.LogCaptureFixture) -> None:
    """Key and tokens stay out of logs (DEBUG, httpx included), errors, reprs and bodies."""
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    faults = {Fault.EXPIRE_TOKENS: 0.2, Fault.SERVER_ERROR: 0.1, Fault.THROTTLE: 0.1}
    client = serve(faults=faults, token_ttl=30, seed=4)
    rows = list(client.rows("customers"))
    assert len(rows) == len(_DATA.customers)
    texts += [repr(client), repr(client.config), repr(client._auth), repr(client._session)]
    for start in (
        lambda: serve(key=api_key + "-wrong").limits(),
        lambda: list(serve(denied={"customers"}).rows("customers")),
        lambda: serve(path="/nope").limits(),
        lambda: serve(faults={Fault.DROP: 1.0}).limits(),
    ):
        with pytest.raises(ConnectorError) as caught:
            start()
        error = caught.value
        assert isinstance(error, GovlinkError)
        texts += [str(error), repr(error), error.path, error.body, repr(error.__dict__)]
    texts += [record.getMessage() for record in caplog.records]
    texts += [str(record.args) for record in caplog.records]
    assert any("token/***" in text for text in texts)  # the exchange was logged, masked
    secrets = [api_key, quote(api_key, safe=""), *client.simulator.issued]
    assert len(secrets) > 3
    for text in texts:
        for secret in secrets:
            assert secret not in text
