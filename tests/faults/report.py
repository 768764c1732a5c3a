"""The fault report: one row per injected fault, printed as a table by `make faults`.

Each fault test appends what it did, what the user saw, and what was lost and doubled (both
must be nothing) to a JSON-lines file; `python -m tests.faults.report` prints the table. A
file rather than pytest's own reporting, so rows from parallel workers are all kept.
"""

from __future__ import annotations

import json
import os
import sys
import textwrap
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPORT = Path(os.environ.get("FAULTS_REPORT", ROOT / "var" / "faults" / "report.jsonl"))


@dataclass(frozen=True)
class Row:
    fault: str
    done: str
    user_saw: str
    lost: str
    doubled: str
    database: str


def add(row: Row) -> None:
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    with REPORT.open("a") as out:
        out.write(json.dumps(asdict(row)) + "\n")


def _cell(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def table(rows: list[Row]) -> str:
    heads = ("Fault", "What was done", "What the user saw", "Lost", "Doubled", "Database")
    widths = (24, 38, 38, 10, 10, 10)
    lines = []
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    for cells in [
        heads,
        *[(r.fault, r.done, r.user_saw, r.lost, r.doubled, r.database) for r in rows],
    ]:
        wrapped = [_cell(c, w) for c, w in zip(cells, widths, strict=True)]
        lines.append(rule)
        for i in range(max(len(w) for w in wrapped)):
            lines.append(
                "| "
                + " | ".join(
                    (col[i] if i < len(col) else "").ljust(w)
                    for col, w in zip(wrapped, widths, strict=True)
                )
                + " |"
            )
    lines.append(rule)
    return "\n".join(lines)


def main() -> int:
    if not REPORT.exists():
        print("No fault was injected: run `make faults`.")
        return 1
    rows = [Row(**json.loads(line)) for line in REPORT.read_text().splitlines() if line]
    print(table(rows))
    bad = [r for r in rows if r.lost != "nothing" or r.doubled != "nothing"]
    print(f"{len(rows)} faults injected; {len(bad)} lost or doubled something.")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
