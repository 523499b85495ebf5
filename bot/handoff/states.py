"""The handoff state machine: its states and the only moves between them.

```
requested ──claim──▶ active ──close/end──▶ closed ──rate──▶ rated
    ▲  │                │
    │  └──cancel──▶ cancelled
    └──release / mentor silent / mentor left──┘
```
Every move is a single conditional UPDATE (`WHERE id = ? AND state = ?`, in
`HandoffRepo.move`), so when two mentors press Claim at once exactly one wins.
"""

from __future__ import annotations

REQUESTED, ACTIVE, CLOSED, RATED, CANCELLED = "requested", "active", "closed", "rated", "cancelled"
OPEN = (REQUESTED, ACTIVE)

TRANSITIONS: dict[str, tuple[str, str]] = {
    "claim": (REQUESTED, ACTIVE),
    "release": (ACTIVE, REQUESTED),
    "close": (ACTIVE, CLOSED),
    "cancel": (REQUESTED, CANCELLED),
    "rate": (CLOSED, RATED),
}
_MOVES = {pair: name for name, pair in TRANSITIONS.items()}


class IllegalTransition(Exception):
    """A move the machine does not have."""


def check(source: str, target: str) -> str:
    """The name of the move from `source` to `target`; raises when there is none."""
    try:
        return _MOVES[(source, target)]
    except KeyError:
        raise IllegalTransition(f"{source} -> {target}") from None
