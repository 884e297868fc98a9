"""What a run measures: the sizes and repeats of a full run, or of a quick one for CI."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Size:
    states: int
    networks: int
    routes: int
    rounds: int

    @property
    def name(self) -> str:
        return f"{self.states} states, {self.networks} networks, {self.routes} routes"


@dataclass(frozen=True, slots=True)
class Plan:
    quick: bool
    round_games: dict[str, int]
    """Games played per scenario to time its rounds (every round of each game is one sample)."""
    medium: Size
    large: Size
    """The large scenario: round resolution, and the game behind save, load, verify, seek and memory."""
    ai_games: int
    balance_games: int
    jobs: int
    save_repeats: int
    seek_samples: int
    tui_repeats: int
    net_clients: int = 40
    """Simulated teams playing one round against a host (`benchmarks.net_load`)."""


FULL = Plan(
    quick=False,
    round_games={"tutorial": 30, "mekong": 20, "medium": 3, "large": 2},
    medium=Size(50, 13, 250, 10),
    large=Size(200, 50, 1000, 20),
    ai_games=20, balance_games=1000, jobs=2, save_repeats=5, seek_samples=40, tui_repeats=5,
)

QUICK = Plan(
    quick=True,
    round_games={"tutorial": 3, "mekong": 2, "medium": 1, "large": 1},
    medium=Size(20, 5, 100, 5),
    large=Size(40, 10, 200, 5),
    ai_games=3, balance_games=20, jobs=2, save_repeats=2, seek_samples=5, tui_repeats=1, net_clients=10,
)

TARGET_LARGE = Size(200, 50, 1000, 20)
"""The large scenario the issue's targets speak of; a smaller one is reported, not judged."""
