"""``govlink companies list|set|archive|restore`` and the import's "only on the platform" list,
through the real CLI against real SQLite files."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest

from govlink.testing.cli import run, run_json
from govlink.testing.documents import sample_pdf

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CLIENTS = str(EXAMPLES / "clients.xlsx")
LEFT = ["0254369038", "0377826777", "0807453536", "0930911275"]  # only on the platform
MATCHING = "0481483254"  # Boulangerie Dubois SRL, in both workbooks
NO_RESPONSIBLE = "0239518140"


@pytest.fixture
def store(tmp_path: Path, platform_store: Callable[..., Path]) -> str:
    return str(platform_store(tmp_path / "govlink.db", "--yes"))


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d{4}\.\d{3}\.\d{3}", text)


def test_the_only_on_the_platform_list_offers_a_command_that_archives_them(store: str) -> None:
    preview = run("import", CLIENTS, "--store", store)
    assert preview.exit_code == 0, preview.stderr
    hint = next(line for line in preview.stdout.splitlines() if "companies archive" in line)
    command = shlex.split(hint.split(": ", 1)[1])
    assert command[:3] == ["govlink", "companies", "archive"]
    assert [n.replace(".", "") for n in command[3:]] == LEFT
    archived = run(*command[1:], "--store", store)
    assert archived.exit_code == 0, archived.stderr
    assert _numbers(archived.stdout) == _numbers(hint) * 2  # one line each, then the undo
    assert f"Undo with: govlink companies restore {' '.join(_numbers(hint))}" in archived.stdout
    again = run("import", CLIENTS, "--store", store)
    assert "Only on the platform (0)" in again.stdout
    assert "4 archived companies are not listed (govlink companies list --archived)" in again.stdout
    assert "companies archive" not in again.stdout


def test_archived_companies_are_left_out_of_only_on_the_platform(store: str) -> None:
    before = run_json("import", CLIENTS, "--store", store)
    assert [c["enterprise_number"] for c in before["only_in_platform"]] == LEFT
    assert before["archived"] == []
    assert run("companies", "archive", LEFT[0], LEFT[2], "--store", store).exit_code == 0
    after = run_json("import", CLIENTS, "--store", store)
    assert [c["enterprise_number"] for c in after["only_in_platform"]] == [LEFT[1], LEFT[3]]
    assert after["counts"]["only_in_platform"] == 2
    assert after["archived"] == [LEFT[0], LEFT[2]]
    assert after["token"] != before["token"]
    restored = run_json("companies", "restore", LEFT[0], "--store", store)
    assert restored == {"restored": [LEFT[0]], "unchanged": []}
    assert run_json("import", CLIENTS, "--store", store)["archived"] == [LEFT[2]]


def test_an_archived_client_back_in_the_import_matches_with_a_warning(store: str) -> None:
    assert run("companies", "archive", MATCHING, "--store", store).exit_code == 0
    document = run_json("import", CLIENTS, "--store", store)
    assert MATCHING in [m["enterprise_number"] for m in document["matching"]]
    warnings = [w for w in document["warnings"] if w["code"] == "company.archived"]
    assert [w["enterprise_number"] for w in warnings] == [MATCHING]
    assert "govlink companies restore 0481.483.254" in warnings[0]["message"]
    applied = run_json("import", CLIENTS, "--store", store, "--apply", "--overwrite", "email")
    assert MATCHING in [u["enterprise_number"] for u in applied["applied"]["updated"]]
    listed = run_json("companies", "list", "--archived", "--store", store)["companies"]
    assert [(c["enterprise_number"], c["email"]) for c in listed] == [
        (MATCHING, "contact@boulangerie-dubois.be")
    ]


def test_list_shows_active_companies_and_archived_ones_apart(store: str) -> None:
    everyone = run_json("companies", "list", "--store", store)["companies"]
    assert all(c["archived_at"] is None for c in everyone)
    archived = run_json("companies", "archive", LEFT[1], LEFT[0], LEFT[1], "--store", store)
    assert archived == {"archived": [LEFT[0], LEFT[1]], "unchanged": []}
    twice = run("companies", "archive", LEFT[0], "--store", store)
    assert twice.stdout == "already archived: 0254.369.038 Glaswerken Bogaerts NV\n"
    active = run_json("companies", "list", "--store", store)["companies"]
    assert len(active) == len(everyone) - 2
    gone = run_json("companies", "list", "--archived", "--store", store)["companies"]
    assert [c["enterprise_number"] for c in gone] == LEFT[:2]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT.*\+00:00", c["archived_at"]) for c in gone)
    table = run("companies", "list", "--archived", "--store", store, "--all")
    assert "Archived companies" in table.stdout
    assert "Glaswerken Bogaerts NV" in table.stdout
    restored = run("companies", "restore", LEFT[0], LEFT[2], "--store", store)
    assert restored.stdout.splitlines() == [
        "restored: 0254.369.038 Glaswerken Bogaerts NV",
        "not archived: 0807.453.536 Zeepziederij Vandamme BV",
    ]


def test_set_completes_the_responsible_with_warnings_for_doubtful_values(store: str) -> None:
    first = run("companies", "set", "0239.518.140", "--responsible", "Sofie", "--store", store)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == "0239.518.140 Immo Dewaele NV: responsible (none) → sofie\n"
    assert first.stderr.startswith("warning (responsible.not_email): ")
    typo = run_json(
        "companies", "set", NO_RESPONSIBLE, "--responsible", "sofie.claes@kantor-demo.be",
        "--store", store,
    )  # fmt: skip
    assert [w["code"] for w in typo["warnings"]] == ["responsible.unknown"]
    fixed = run_json(
        "companies", "set", NO_RESPONSIBLE, "--responsible", "Sofie.Claes@kantoor-demo.be",
        "--name", "Immo Dewaele NV", "--store", store,
    )  # fmt: skip
    assert fixed["changed"] == [
        {
            "field": "responsible",
            "before": "sofie.claes@kantor-demo.be",
            "after": "sofie.claes@kantoor-demo.be",
        }
    ]
    assert fixed["warnings"] == []
    assert fixed["company"]["responsible"] == "sofie.claes@kantoor-demo.be"
    listed = run_json("companies", "list", "--store", store, "--search", "dewaele")["companies"]
    assert listed[0]["responsible"] == "sofie.claes@kantoor-demo.be"
    same = run("companies", "set", NO_RESPONSIBLE, "--name", "Immo Dewaele NV", "--store", store)
    assert same.stdout == "0239.518.140 Immo Dewaele NV: nothing to change\n"


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (("set", "0403.019.261", "--name", "X"), 1, "not on the platform: 0403.019.261"),
        (("set", NO_RESPONSIBLE, "--name", " "), 1, "name: the company name is missing"),
        (("set", NO_RESPONSIBLE), 2, "give --responsible EMAIL and/or --name NAME"),
        (("set", "12345", "--name", "X"), 2, "'12345' is not a valid enterprise number"),
        (("archive", LEFT[0], "0403.019.261"), 1, "not on the platform: 0403.019.261"),
        (("restore", "0403.019.262"), 2, "Invalid value for 'NUMBERS...'"),
        (("archive",), 2, "Missing argument 'NUMBERS...'"),
    ],
    ids=["unknown", "blank-name", "nothing", "bad-number", "archive-unknown", "bad", "none"],
)
def test_bad_input_is_one_line_and_writes_nothing(
    store: str, args: tuple[str, ...], status: int, message: str
) -> None:
    before = run_json("companies", "list", "--store", store)
    result = run("companies", *args, "--store", store)
    assert result.exit_code == status
    assert result.stderr.startswith("govlink: error: ")
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert run_json("companies", "list", "--store", store) == before


def test_an_archived_company_gets_no_outbox_entry_and_its_queue_waits(
    store: str, tmp_path: Path
) -> None:
    assert run("sink", "enable", "adminpulse", "--store", store).exit_code == 0
    files = []
    for serial in (1, 2):
        path = tmp_path / f"aanslag-{serial}.pdf"
        path.write_bytes(sample_pdf(serial))
        files.append(path)

    def ingest(path: Path) -> list[str]:
        document = run_json(
            "documents", "ingest", str(path), "--company", LEFT[0], "--kind", "payment",
            "--store", store,
        )  # fmt: skip
        queued: list[str] = document["stored"][0]["queued_for"]
        return queued

    assert ingest(files[0]) == ["adminpulse"]
    assert run("companies", "archive", LEFT[0], "--store", store).exit_code == 0
    assert ingest(files[1]) == []
    # the entry queued before the archive waits: push neither sends it nor waits for it (no
    # sink is even opened, so no AdminPulse settings are needed)
    pushed = run_json("push", "--store", store)
    assert pushed == {"pushed": 0, "held": [], "failed": [], "pending": 1}
    assert run_json("push", "--status", "--store", store)["counts"]["pending"] == 1
