"""Who sits at each state: a human team or an AI personality.

Only the personality's name is stored; the strategies themselves live in `game.ai`, so a save stays
readable whatever AI players exist, and a seat can later be filled from another machine.
"""

from dataclasses import dataclass
from typing import Any, Literal

SeatKind = Literal["human", "ai"]


@dataclass(frozen=True, slots=True)
class Seat:
    kind: SeatKind = "human"
    personality: str | None = None
    """For an AI seat, the name of its personality (e.g. `cooperative`, `free_rider`)."""

    def __post_init__(self) -> None:
        if self.kind not in ("human", "ai"):
            raise ValueError(f"a seat is 'human' or 'ai', not {self.kind!r}")
        if self.kind == "ai" and not self.personality:
            raise ValueError("an AI seat needs a personality")
        if self.kind == "human" and self.personality is not None:
            raise ValueError("a human seat has no personality")

    @classmethod
    def human(cls) -> "Seat":
        return cls("human")

    @classmethod
    def ai(cls, personality: str) -> "Seat":
        return cls("ai", personality)

    @property
    def is_human(self) -> bool:
        return self.kind == "human"

    def to_data(self) -> dict[str, Any]:
        return {"kind": self.kind} if self.personality is None else {"kind": self.kind, "personality": self.personality}

    def __str__(self) -> str:
        return "human" if self.personality is None else f"ai ({self.personality})"
