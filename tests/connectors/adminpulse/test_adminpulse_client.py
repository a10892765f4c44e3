"""The AdminPulse client: errors, paging guards, documents/add, settings, OAuth, no leaks."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

import httpx
import pytest

from govlink.connectors.adminpulse.client import (
    AdminPulseClient,
    DocumentFields,
    DocumentUpload,
)
from govlink.connectors.adminpulse.source import AdminPulseSource
from govlink.connectors.http import OAuth2Bearer, OAuth2Settings, RetryPolicy, Secret
from govlink.errors import (
    ConfigurationError,
    ConnectorError,
    DeliveryUncertain,
    FatalConnectorError,
    GovlinkError,
    RetriableConnectorError,
)
from govlink.testing._loopback import LoopbackServer
from govlink.testing.adminpulse import AdminPulseSimulator, Fault
from govlink.testing.clock import ScaledClock

Serve = Callable[..., tuple[AdminPulseSimulator, LoopbackServer]]
Connect = Callable[..., AdminPulseClient]
KEY = "ap-live-4f1d2c3b5a6978"


def test_a_refused_key_is_a_configuration_error_saying_what_to_check(
    serve: Serve, connect: Connect
) -> None:
    _, server = serve(relations=[])
    with pytest.raises(ConfigurationError) as caught:
        list(connect(server, key=KEY).relations())
    error = caught.value
    assert (error.method, error.path, error.status) == ("GET", "/relations", 401)
    assert "GOVLINK_ADMINPULSE_API_KEY" in str(error)
    assert "scopes" in str(error)


def test_404_and_400_are_fatal_with_method_path_and_status(
    serve: Serve, connect: Connect, data_10k: dict[str, Any]
) -> None:
    _, server = serve(relations=data_10k["relations"][:3])
    client = connect(server)
    with pytest.raises(FatalConnectorError) as missing:
        list(connect(server, base_url=f"{server.url}/v9").users())
    assert (missing.value.method, missing.value.path, missing.value.status) == (
        "GET",
        "/v9/users",
        404,
    )
    with pytest.raises(FatalConnectorError) as refused:
        client.documents_add(
            DocumentUpload(content=b"x", file_name="x.pdf", relation_identifier="APR9")
        )
    assert (refused.value.method, refused.value.path, refused.value.status) == (
        "POST",
        "/documents/add",
        400,
    )
    assert "page=" not in str(missing.value)


def _replaying(pages: Callable[[int], Any]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=pages(int(request.url.params["page"])))

    return handler


@pytest.mark.parametrize(
    "pages",
    [
        lambda page: [{"id": "a"}, {"id": "b"}],  # a bare array ignoring ?page
        lambda page: {"results": [{"id": str(page)}], "currentPage": 0, "pageCount": 9},
        lambda page: {"results": [{"id": "x"}], "pageCount": 10**6},  # a page repeated forever
    ],
    ids=["bare-repeat", "wrong-current-page", "repeated-envelope"],
)
def test_a_page_sequence_that_repeats_fails_loudly(
    connect: Connect, pages: Callable[[int], Any]
) -> None:
    with LoopbackServer(_replaying(pages)) as server, pytest.raises(FatalConnectorError) as caught:
        list(connect(server, page_size=2).relations())
    assert caught.value.code == "connector.pagination"


def test_documents_add_sends_the_multipart_form(serve: Serve, connect: Connect) -> None:
    simulator, server = serve(relations=[{"id": "1", "uniqueIdentifier": "APR00001"}])
    upload = DocumentUpload(
        content=b"%PDF-1.7 body",
        file_name="btw-2026-q1.pdf",
        relation_identifier="APR00001",
        document_date=date(2026, 4, 20),
        tag_names=("BTW", "2026"),
        document_type="13",
        task_id="task-7",
    )
    answer = connect(server).documents_add(upload)
    assert answer == {"id": "doc-1", "fileName": "btw-2026-q1.pdf"}
    (document,) = simulator.documents
    assert document.content == b"%PDF-1.7 body"
    assert document.file_name == "btw-2026-q1.pdf"
    assert document.content_type == "application/pdf"
    assert document.fields == {
        "fileName": ("btw-2026-q1.pdf",),
        "relationIdentifier": ("APR00001",),
        "documentDate": ("20042026",),
        "documentType": ("13",),
        "taskId": ("task-7",),
        "tagNames": ("BTW,2026",),
    }
    repeated = DocumentFields(tag_separator=None, relation="relationId")
    connect(server).documents_add(
        DocumentUpload(content=b"x", file_name="y.pdf", tag_names=("A", "B")), fields=repeated
    )
    assert simulator.documents[1].fields["tagNames"] == ("A", "B")
    assert "PDF" not in repr(upload)


@pytest.mark.parametrize(
    ("fault", "calls", "error"),
    [
        (Fault.SERVER_ERROR, 1, RetriableConnectorError),
        (Fault.DROP, 1, DeliveryUncertain),  # sent, no answer: it may have arrived
        (Fault.RATE_LIMIT, 2, RetriableConnectorError),
    ],
)
def test_documents_add_is_retried_only_when_safe(
    serve: Serve, connect: Connect, fault: Fault, calls: int, error: type[Exception]
) -> None:
    simulator, server = serve(faults={fault: 1}, fault_paths=("/documents/add",))
    client = connect(server, retry=RetryPolicy(max_retries=1))
    with pytest.raises(error):
        client.documents_add(DocumentUpload(content=b"x", file_name="x.pdf"))
    assert simulator.count("/documents/add") == calls


def test_documents_add_goes_through_after_a_429(serve: Serve, connect: Connect) -> None:
    simulator, server = serve(faults={Fault.RATE_LIMIT: 2}, fault_paths=("/documents/add",))
    client = connect(server)
    for name in ("a.pdf", "b.pdf"):
        client.documents_add(DocumentUpload(content=b"x", file_name=name))
    assert [d.file_name for d in simulator.documents] == ["a.pdf", "b.pdf"]
    assert simulator.count("/documents/add") == 3


CLIENT_SECRET = "oauth-client-secret-93kd"
REDIRECT = "https://office.example/adminpulse/callback"


def _oauth(
    simulator: AdminPulseSimulator, server: LoopbackServer, tokens: list[Mapping[str, Any]]
) -> OAuth2Bearer:
    """An OAuth credential registered with the simulator and authorised through its flow."""
    simulator.register_client("govlink-test", CLIENT_SECRET, REDIRECT)
    settings = OAuth2Settings(
        connector="adminpulse",
        client_id="govlink-test",
        client_secret=Secret(CLIENT_SECRET),
        authorize_url=f"{server.url}/oauth/authorize",
        token_url=f"{server.url}/oauth/token",
        redirect_url=REDIRECT,
        client_auth="client_secret_post",
    )
    auth = OAuth2Bearer(settings, on_token=tokens.append)
    _authorise(auth)
    return auth


def _authorise(auth: OAuth2Bearer) -> None:
    url, state = auth.authorization_url()
    consent = httpx.get(url)
    assert consent.status_code == 302
    callback = consent.headers["location"]
    assert callback.startswith(REDIRECT)
    assert f"state={state}" in callback
    auth.exchange_code(callback)


def test_oauth_code_flow_refreshes_and_reports_revocation(
    serve: Serve, clock: ScaledClock, data_10k: dict[str, Any]
) -> None:
    simulator, server = serve(relations=data_10k["relations"][:10], api_keys=())
    tokens: list[Mapping[str, Any]] = []
    auth = _oauth(simulator, server, tokens)
    client = AdminPulseClient(auth, base_url=server.url, clock=clock)
    assert len(list(client.relations())) == 10
    simulator.expire_tokens()
    assert len(list(client.relations())) == 10
    assert len(tokens) == 2
    assert tokens[0]["access_token"] != tokens[1]["access_token"]
    simulator.revoke()
    with pytest.raises(ConfigurationError, match="OAuth refresh_token refused"):
        list(client.relations())
    client.close()
    auth.close()


def test_oauth_from_env_starts_from_a_refresh_token(
    serve: Serve, clock: ScaledClock, data_10k: dict[str, Any]
) -> None:
    simulator, server = serve(relations=data_10k["relations"][:5], api_keys=())
    tokens: list[Mapping[str, Any]] = []
    _oauth(simulator, server, tokens).close()
    env = {
        "GOVLINK_ADMINPULSE_URL": server.url,
        "GOVLINK_ADMINPULSE_CLIENT_ID": "govlink-test",
        "GOVLINK_ADMINPULSE_CLIENT_SECRET": CLIENT_SECRET,
        "GOVLINK_ADMINPULSE_TOKEN_URL": f"{server.url}/oauth/token",
        "GOVLINK_ADMINPULSE_REFRESH_TOKEN": tokens[-1]["refresh_token"],
    }
    with AdminPulseClient.from_env(env, clock=clock) as client:
        assert len(list(client.relations())) == 5
    with pytest.raises(ConfigurationError, match="GOVLINK_ADMINPULSE_CLIENT_SECRET"):
        AdminPulseClient.from_env({"GOVLINK_ADMINPULSE_CLIENT_ID": "x"})


def test_settings_pick_the_url_and_refuse_what_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(ConfigurationError, match="GOVLINK_ADMINPULSE_API_KEY"):
        AdminPulseClient.from_env({})
    with pytest.raises(ConfigurationError, match="not an http"):
        AdminPulseClient.from_env(
            {"GOVLINK_ADMINPULSE_API_KEY": KEY, "GOVLINK_ADMINPULSE_URL": "ftp://x"}
        )
    with AdminPulseClient.from_env({"GOVLINK_ADMINPULSE_API_KEY": KEY}) as default:
        assert "https://api.adminpulse.be" in repr(default)
    monkeypatch.setenv("GOVLINK_ADMINPULSE_URL", "http://127.0.0.1:9")  # never read
    with AdminPulseClient.from_env({"GOVLINK_ADMINPULSE_API_KEY": KEY}) as not_environ:
        assert "https://api.adminpulse.be" in repr(not_environ)
    url = {"GOVLINK_ADMINPULSE_URL": "http://127.0.0.1:9"}
    with AdminPulseClient.from_env({"GOVLINK_ADMINPULSE_API_KEY": KEY} | url) as from_settings:
        assert "127.0.0.1:9" in repr(from_settings)
    with AdminPulseClient.from_env(
        {"GOVLINK_ADMINPULSE_API_KEY": KEY}, base_url="http://10.0.0.1"
    ) as argument:
        assert "10.0.0.1" in repr(argument)


def _texts(error: BaseException) -> Iterator[str]:
    yield str(error)
    yield repr(error)
    if isinstance(error, ConnectorError):
        yield error.body
        yield repr(vars(error))


@pytest.mark.slow
def test_credentials_never_leak(
    serve: Serve,
    connect: Connect,
    clock: ScaledClock,
    data_10k: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    faults = dict.fromkeys(Fault, 7)
    simulator, server = serve(**data_10k, api_keys=(KEY,), faults=faults, stall_seconds=1.0)
    texts: list[str] = []
    source = AdminPulseSource(connect(server, key=KEY))
    records = list(source.records())
    texts += [repr(source), repr(records[0]), repr(connect(server, key=KEY))]
    failures: list[Callable[[], object]] = [
        lambda: list(connect(server, key=KEY + "-revoked").relations()),
        lambda: list(connect(server, key=KEY, base_url=f"{server.url}/nope").users()),
        lambda: connect(server, key=KEY, retry=RetryPolicy(max_retries=0)).documents_add(
            DocumentUpload(content=KEY.encode(), file_name=f"{KEY}.pdf", relation_identifier=KEY)
        ),
    ]
    tokens: list[Mapping[str, Any]] = []
    auth = _oauth(simulator, server, tokens)
    oauth_client = AdminPulseClient(auth, base_url=server.url, clock=clock)
    list(oauth_client.users())
    simulator.revoke()
    failures.append(lambda: list(oauth_client.users()))
    for failure in failures:
        with pytest.raises(GovlinkError) as caught:
            failure()
        texts += list(_texts(caught.value))
    texts += [repr(auth), repr(oauth_client)]
    texts += [record.getMessage() for record in caplog.records]
    texts += [str(record.args) for record in caplog.records]
    secrets = [KEY, CLIENT_SECRET]
    secrets += [t[name] for t in tokens for name in ("access_token", "refresh_token")]
    assert len(caplog.records) > 10
    for text in texts:
        for secret in secrets:
            assert secret not in text
    oauth_client.close()
    auth.close()
