"""The handoff state machine: states, legal transitions, and the one UPDATE that moves them.

```
requested ──claim──▶ active ──close/end──▶ closed ──rate──▶ rated
    ▲  │                │
    │  └──cancel──▶ cancelled
    └──release / mentor silent──┘
```
Every transition is a single conditional UPDATE (`WHERE id = ? AND state = ?`), so when two
mentors press Claim at once exactly one UPDATE changes a row and the other sees zero.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

REQUESTED, ACTIVE, CLOSED, RATED, CANCELLED = "requested", "active", "closed", "rated", "cancelled"
OPEN = (REQUESTED, ACTIVE)

TRANSITIONS: dict[str, tuple[str, str]] = {
    "claim": (REQUESTED, ACTIVE),
    "release": (ACTIVE, REQUESTED),
    "close": (ACTIVE, CLOSED),
    "cancel": (REQUESTED, CANCELLED),
    "rate": (CLOSED, RATED),
}


class IllegalTransition(Exception):
    """A transition name that the machine does not have."""


def transition(db: Database, handoff_id: int, name: str, **changes: Any) -> bool:
    """Apply a named transition if the handoff is in its source state; True when it won."""
    if name not in TRANSITIONS:
        raise IllegalTransition(name)
    source, target = TRANSITIONS[name]
    columns = {"state": target, **changes}
    assignments = ", ".join(f"{column} = ?" for column in columns)
    cursor = db.execute(
        f"UPDATE handoffs SET {assignments} WHERE id = ? AND state = ?",
        [*columns.values(), handoff_id, source],
    )
    return cursor.rowcount == 1
