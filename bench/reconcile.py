"""Benchmark: validate + reconcile 100k source rows against 100k platform companies.

Source rows follow the Excel template (enterprise_number, name, email, language,
responsible_email); the numbers are spelled messily. Half of the rows are on the platform, a
tenth of those differ in a field, 2% of the rows are invalid. The floor is python-stdnum's
``stdnum.be.vat.is_valid`` on the same 100k number spellings, timed in the same run.

    python bench/reconcile.py [--rows 100000] [--repeat 5] [--profile]

Prints the best of ``--repeat`` runs (CPU seconds) for the floor, the enterprise-number parser
alone, validation alone and validate + reconcile, each with its ratio to the floor. Seeded: every
run builds the same data.

It also prints a bare loop, for diagnosis: the least any Python validator must do per row (the
number parsed, the four text fields normalised and checked for unsafe characters, the e-mail
and language checked, a tuple per row, a platform lookup, one sort), with no ``Company``, no
warning, no ``Match`` and no diff. It is not govlink's result (it loses the reasons); it shows
how much of the ratio is left for the objects a reconcile returns.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import random
import time
from collections.abc import Callable

from stdnum.be import vat

from govlink import (
    Company,
    EnterpriseNumber,
    InvalidEnterpriseNumber,
    RawRecord,
    SourceRef,
    Validator,
    reconcile,
)
from govlink.domain import is_valid, normalize
from govlink.domain.text_safety import has_unsafe_characters

SEED = 20260101
TARGET_SECONDS = 1.0
TARGET_RATIO = 2.0

_LANGUAGES = [("nl", "nl"), ("NL", "nl"), ("Nederlands", "nl"), ("fr", "fr"), ("Français", "fr")]
_LANGUAGES += [("F", "fr"), ("de", "de"), ("en", "en")]
_WORDS = ["Bakkerij", "Garage", "Studio", "Bouw", "Immo", "Consult", "Transport", "Apotheek"]


def _number(first8: int) -> str:
    return f"{first8:08d}{97 - first8 % 97:02d}"


def _spell(rnd: random.Random, digits: str) -> object:
    """One messy spelling of ``digits``, as sources deliver them."""
    short = digits[1:]
    choices: list[object] = [
        digits,
        f"{digits[:4]}.{digits[4:7]}.{digits[7:]}",
        f"BE {digits[:4]} {digits[4:7]} {digits[7:]}",
        f"BE{digits}",
        f"be {digits}",
        f"{digits[:4]}/{digits[4:7]}/{digits[7:]}",
    ]
    if digits[0] == "0":
        choices += [f"BE (0){short}", short, int(short), float(short), f"{short}.0"]
    return rnd.choice(choices)


def build(rows: int, seed: int = SEED) -> tuple[list[RawRecord], list[Company], list[object]]:
    """The source rows, the platform companies and the number spellings of the rows."""
    rnd = random.Random(seed)
    numbers = [_number(n) for n in rnd.sample(range(2_000_000, 20_000_000), rows * 3 // 2)]
    shared = set(numbers[: rows // 2])
    platform: list[Company] = []
    records: list[RawRecord] = []
    for row, digits in enumerate(numbers[:rows], start=2):
        label, language = rnd.choice(_LANGUAGES)
        name = f"{rnd.choice(_WORDS)} {rnd.choice(_WORDS)} {row}"
        email, responsible = f"info{row}@example.be", f"colleague{row % 12}@firm.be"
        fields: dict[str, object] = {
            "enterprise_number": _spell(rnd, digits),
            "name": name,
            "email": email,
            "language": label,
            "responsible": responsible,
        }
        if rnd.random() < 0.02:
            fields[rnd.choice(["enterprise_number", "email"])] = rnd.choice(["0417.497.107", "x@"])
        records.append(RawRecord(fields=fields, ref=SourceRef(source="bench", row=row)))
        if digits in shared:
            changed = rnd.random() < 0.10
            platform.append(
                Company(
                    enterprise_number=EnterpriseNumber.from_trusted(digits),
                    name=f"Old name {row}" if changed else name,
                    email=email,
                    language=language,
                    responsible=responsible,
                )
            )
    for digits in numbers[rows:]:
        platform.append(
            Company(enterprise_number=EnterpriseNumber.from_trusted(digits), name=f"P {digits}")
        )
    rnd.shuffle(records)
    rnd.shuffle(platform)
    return records, platform, [r.fields["enterprise_number"] for r in records]


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds of CPU time of this process.

    CPU time rather than wall time: other jobs on a shared 2-core machine would otherwise decide
    the figure. On an idle machine the two agree.
    """
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def bare_loop(records: list[RawRecord], platform: dict[str, tuple[str | None, ...]]) -> int:
    """The least per-row work of a Python validator (see the module docstring); the rows kept."""
    kept: list[tuple[object, ...]] = []
    text, email, language = normalize.text, normalize.email, normalize.language
    for record in records:
        fields = record.fields
        try:
            number = EnterpriseNumber(fields.get("enterprise_number")).compact
        except InvalidEnterpriseNumber:
            continue
        name, mail, label, responsible = texts = [
            " ".join(value.split()) if type(value) is str else text(value) or ""
            for value in (
                fields.get("name"),
                fields.get("email"),
                fields.get("language"),
                fields.get("responsible"),
            )
        ]
        if has_unsafe_characters("".join(texts)):
            continue
        row = (number, name, email(mail), language(label), responsible)
        if platform.get(number) != row[1:]:
            kept.append(row)
    kept.sort()
    return len(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one run")
    args = parser.parse_args()

    records, platform, spellings = build(args.rows)
    diff = reconcile(records, platform)
    print(
        f"rows {len(records)}, platform {len(platform)}: only in source "
        f"{len(diff.only_in_source)}, only on platform {len(diff.only_in_platform)}, matching "
        f"{len(diff.matching)} ({len(diff.changed)} changed), invalid {len(diff.invalid)}"
    )
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(reconcile, records, platform)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)

    validator = Validator()
    floor = best_of(args.repeat, lambda: [vat.is_valid(s) for s in spellings])  # type: ignore[arg-type]
    parse = best_of(args.repeat, lambda: [is_valid(s) for s in spellings])
    valid = best_of(args.repeat, lambda: [validator(r) for r in records])
    ours = best_of(args.repeat, lambda: reconcile(records, platform))
    values = {
        c.enterprise_number.compact: (c.name, c.email, c.language, c.responsible) for c in platform
    }
    bare = best_of(args.repeat, lambda: bare_loop(records, values))
    gc.disable()  # diagnosis only: how much of the figure is the cyclic garbage collector
    try:
        no_gc = best_of(args.repeat, lambda: reconcile(records, platform))
    finally:
        gc.enable()
    ratio = ours / floor
    n = len(spellings)
    print(f"floor: stdnum.be.vat.is_valid x {n}     {floor:.3f} s")
    print(f"EnterpriseNumber parse x {n}           {parse:.3f} s  ({parse / floor:.2f} x floor)")
    print(f"validate x {n} (Company per row)       {valid:.3f} s  ({valid / floor:.2f} x floor)")
    print(f"validate + reconcile                    {ours:.3f} s  ({ratio:.2f} x floor)")
    print(f"  same with the GC off (diagnosis only) {no_gc:.3f} s  ({no_gc / floor:.2f} x floor)")
    print(f"bare loop, no objects (diagnosis only)  {bare:.3f} s  ({bare / floor:.2f} x floor)")
    print(f"targets: reconcile <= {TARGET_SECONDS} s, ratio <= {TARGET_RATIO}: ", end="")
    print("met" if ours <= TARGET_SECONDS and ratio <= TARGET_RATIO else "MISSED")


if __name__ == "__main__":
    main()
