"""Relations to raw records: field map, candidates, responsible, skips, template filter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given

from govlink import InvalidRecord, ValidRecord, validate
from govlink.connectors.adminpulse.client import AdminPulseClient
from govlink.connectors.adminpulse.mapping import RelationMapping, UserDirectory
from govlink.connectors.adminpulse.settings import mapping_from_env, window_from_env
from govlink.connectors.adminpulse.source import NOT_IN_TEMPLATE, AdminPulseSource
from govlink.connectors.adminpulse.templates import TaskWindow, template_relations
from govlink.errors import ConfigurationError, SourceError
from govlink.testing._loopback import LoopbackServer
from govlink.testing.adminpulse import AdminPulseSimulator
from govlink.testing.strategies import enterprise_numbers

Serve = Callable[..., tuple[AdminPulseSimulator, LoopbackServer]]
Connect = Callable[..., AdminPulseClient]
USERS = UserDirectory.from_users(
    [{"id": "u1", "email": "an@office.example"}, {"id": "u2", "name": "no e-mail"}]
)
RELATION: dict[str, Any] = {
    "id": "rel-1",
    "uniqueIdentifier": "APR00001",
    "name": "Acme BV",
    "legalForm": "BV",
    "code": "K001",
    "vatNumber": "BE 0403.019.261",
    "email": "info@acme.example",
    "language": "Nederlands",
    "type": "Company",
    "status": "Customer",
    "address": {"street": "Kerkstraat", "houseNumber": "1", "postalCode": "9000", "city": "Gent"},
    "profiles": [
        {"profileName": "Vennoot", "userId": "u2"},
        {"profileName": "verantwoordelijke", "userId": "u1", "userName": "An"},
    ],
    "futureField": {"nested": [1, 2]},
}


def test_a_relation_maps_to_company_fields_and_keeps_everything() -> None:
    record = RelationMapping().to_record(RELATION, USERS)
    result = validate(record)
    assert isinstance(result, ValidRecord)
    company = result.company
    assert company.enterprise_number.compact == "0403019261"
    assert (company.name, company.legal_form, company.customer_code) == ("Acme BV", "BV", "K001")
    assert (company.email, company.language, company.responsible) == (
        "info@acme.example",
        "nl",
        "an@office.example",
    )
    assert (company.street, company.house_number, company.postal_code, company.city) == (
        "Kerkstraat",
        "1",
        "9000",
        "Gent",
    )
    assert str(record.ref) == "adminpulse record APR00001"
    assert record.raw["futureField"] == {"nested": [1, 2]}
    assert RelationMapping().skip_reason(RELATION) is None


@given(enterprise_numbers(), enterprise_numbers())
def test_two_different_valid_numbers_make_the_record_invalid(first: Any, second: Any) -> None:
    relation = RELATION | {"vatNumber": first.vat, "companyNumber": second.formatted}
    result = validate(RelationMapping().to_record(relation, USERS))
    if first == second:
        assert isinstance(result, ValidRecord)
    else:
        assert isinstance(result, InvalidRecord)
        assert result.codes == ("enterprise_number.conflict",)


def test_a_fallback_number_field_and_a_configured_name_are_read() -> None:
    relation = {k: v for k, v in RELATION.items() if k != "vatNumber"}
    fallback = validate(
        RelationMapping().to_record(relation | {"enterpriseNumber": "0403019261"}, USERS)
    )
    assert isinstance(fallback, ValidRecord)
    custom = mapping_from_env({"GOVLINK_ADMINPULSE_FIELD_ENTERPRISE_NUMBER": "kboNumber"})
    mapped = validate(custom.to_record(relation | {"kboNumber": "0403.019.261"}, USERS))
    assert isinstance(mapped, ValidRecord)
    missing = validate(RelationMapping().to_record(relation, USERS))
    assert isinstance(missing, InvalidRecord)
    assert missing.codes == ("enterprise_number.missing",)


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"type": "Person"}, "person"),
        ({"status": "prospect"}, "status prospect"),
        ({"status": "ownCompany"}, "status ownCompany"),
        ({"type": "soleProprietor"}, None),
        ({"type": None, "status": None}, None),
    ],
)
def test_skip_reasons(changes: dict[str, Any], reason: str | None) -> None:
    assert RelationMapping().skip_reason(RELATION | changes) == reason


def test_responsible_needs_a_known_user_with_an_email() -> None:
    mapping = RelationMapping()
    only_u2 = RELATION | {"profiles": [{"profileName": "Responsible", "userId": "u2"}]}
    assert mapping.responsible(only_u2, USERS) is None
    assert mapping.responsible(RELATION | {"profiles": "junk"}, USERS) is None
    assert "responsible" not in mapping.to_record(only_u2, USERS).fields


def test_settings_override_the_mapping_and_the_window() -> None:
    mapping = mapping_from_env(
        {
            "GOVLINK_ADMINPULSE_STATUSES": "customer, prospect",
            "GOVLINK_ADMINPULSE_STATUS_FIELD": "relationStatus",
            "GOVLINK_ADMINPULSE_FIELD_EMAIL": "invoiceEmail,email",
        }
    )
    assert mapping.imported_statuses == {"customer", "prospect"}
    assert mapping.status_field == "relationStatus"
    assert mapping.fields["email"] == ("invoiceEmail", "email")
    assert mapping.fields["name"] == ("name", "displayName")
    with pytest.raises(ConfigurationError, match="names no field"):
        mapping_from_env({"GOVLINK_ADMINPULSE_FIELD_SHOE_SIZE": "x"})
    window = window_from_env(
        {"GOVLINK_ADMINPULSE_TASKS_FROM": "2026-01-01"}, today=date(2026, 5, 1)
    )
    assert window == TaskWindow(start=date(2026, 1, 1), end=date(2027, 12, 31))
    with pytest.raises(ConfigurationError, match="YYYY-MM-DD"):
        window_from_env({"GOVLINK_ADMINPULSE_TASKS_UNTIL": "31/12/2026"})


WINDOW = TaskWindow(start=date(2026, 1, 1), end=date(2026, 12, 31))


def test_template_filter_keeps_the_clients_with_a_task_of_the_template(
    serve: Serve, connect: Connect, data_10k: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    relations = data_10k["relations"][:300]
    simulator, server = serve(
        relations=relations, users=data_10k["users"], tasks=data_10k["tasks"][:300]
    )
    source = AdminPulseSource(connect(server), template=" jaarrekening ", window=WINDOW)
    seen = [r.ref.record_id for r in source.records()]
    expected = [
        r["uniqueIdentifier"]
        for i, r in enumerate(relations)
        if i % 3 == 0 and r["type"] != "person" and r["status"] == "customer"
    ]
    assert seen == expected
    assert source.skipped[NOT_IN_TEMPLATE] > 0
    assert "approximated through the tasks due between 2026-01-01 and 2026-12-31" in caplog.text
    assert simulator.count("/tasks") == 1
    (task_call,) = [c for c in simulator.calls if c.path == "/tasks"]
    assert task_call.params["deadlineFrom"] == "01012026"
    assert task_call.params["deadlineUntil"] == "31122026"


def test_template_filter_respects_the_window_and_names_known_templates(
    serve: Serve, connect: Connect, data_10k: dict[str, Any]
) -> None:
    _, server = serve(tasks=data_10k["tasks"][:30])
    client = connect(server)
    narrow = TaskWindow(start=date(2026, 1, 1), end=date(2026, 1, 31))
    in_january = template_relations(client, "Jaarrekening", window=narrow)
    assert in_january == {
        t["relationUniqueIdentifier"]
        for t in data_10k["tasks"][:30]
        if t["templateName"] == "Jaarrekening" and t["deadline"].startswith("2026-01")
    }
    with pytest.raises(SourceError, match="templates seen: BTW, Jaarrekening"):
        template_relations(client, "Vennootschapsbelasting", window=WINDOW)


@pytest.mark.parametrize(
    "placeholder", ["BTW-nummer in aanvraag", "N° TVA en cours", "VAT number applied for"]
)
def test_a_vat_placeholder_has_its_own_reason(placeholder: str) -> None:
    relation = RELATION | {"vatNumber": placeholder}
    result = validate(RelationMapping().to_record(relation, USERS))
    assert isinstance(result, InvalidRecord)
    assert result.codes == ("enterprise_number.placeholder",)
    beside = RELATION | {"vatNumber": placeholder, "companyNumber": "0403.019.261"}
    assert isinstance(validate(RelationMapping().to_record(beside, USERS)), ValidRecord)
