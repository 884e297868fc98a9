"""A new game: a scenario (its title, summary, states and rounds shown), a seat for each state
(a human team or an AI personality), a seed that is random but shown and editable, so that a
class can replay the same game, the facilitator's PIN (optional, typed hidden), without which
the game opens in the replay viewer only once it is over, and a turn timer (optional: minutes a team
has at the keyboard, kept with the save like `accord play --turn-minutes`)."""

import random
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from game.ai.registry import PERSONALITIES
from game.errors import AccordError
from game.model.scenario import Scenario
from game.scenario.library import DEFAULT_SCENARIO, is_shipped, local_scenarios, shipped_scenarios
from game.scenario.loader import load_scenario
from game.session.clock import minutes
from game.session.pin import MAX_LENGTH, MIN_LENGTH
from game.session.seats import Seat
from game.tui.text import escape
from game.tui.widgets.line_field import FIELD_MOVES, FieldKeys, LineField

HUMAN = "human"
MAX_TYPED = 12
"""The longest turn timer one may type: a number of minutes needs no more."""


@dataclass(frozen=True)
class NewGame:
    scenario: Scenario
    seats: dict[str, Seat]
    seed: int
    pin: str | None = None
    """The facilitator's PIN, which opens the replay before the game is over (None: it opens once over)."""
    turn_minutes: float | None = None
    """A team's time at the keyboard (None: no turn timer)."""


MANDATE = "ai:mandate"
"""The computer plays an organization by its mandate."""


def offered(paths: list[Path]) -> dict[str, Path]:
    """Each file once, by a key: a shipped scenario by its name (`tutorial`), any other by its path."""
    keys: dict[str, Path] = {}
    seen: set[Path] = set()
    for path in paths:
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        keys[path.stem if is_shipped(path) and path.stem not in keys else str(path)] = path
    return keys


def offered_scenarios() -> dict[str, Path]:
    """The shipped scenarios, then the teacher's `./scenarios`, then the files opened before; the
    seed field then takes the chosen scenario's own `seed`, if it has one."""
    from game.session.recent import recent_scenarios

    return offered(shipped_scenarios() + local_scenarios() + recent_scenarios())


def seat_options() -> list[tuple[str, str]]:
    return [("Human team", HUMAN)] + [(f"AI · {name.replace('_', ' ')}", f"ai:{name}") for name in PERSONALITIES]


def org_seat_options() -> list[tuple[str, str]]:
    return [("AI · its mandate", MANDATE), ("Human team", HUMAN)]


def seat_of(value: object) -> Seat:
    text = str(value)
    return Seat.ai(text.removeprefix("ai:")) if text.startswith("ai:") else Seat.human()


def scenario_details(scenario: Scenario) -> str:
    """What the New game list says of a scenario. Names are set apart with ' · ': a name may hold a
    comma ('Council of Europe, GRETA secretariat'), and '2 organizations: A, B, C' was read as three."""
    states = " · ".join(state.name for state in scenario.states)
    orgs = " · ".join(org.name for org in scenario.organizations)
    return (f"[b]{escape(scenario.title)}[/]\n"
            f"{len(scenario.states)} states: {escape(states)}\n"
            + (f"{len(scenario.organizations)} organizations: {escape(orgs)}\n" if orgs else "") +
            f"{scenario.rounds} rounds (a round is a {escape(scenario.round_label)})\n\n"
            f"{escape(scenario.summary.strip())}")


class NewGameScreen(FieldKeys, Screen["NewGame | None"]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "start", "Start", key_display="^s"),
        *FIELD_MOVES,
    ]

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.scenarios: dict[str, Scenario] = {}
        self.problems: dict[str, str] = {}
        self.paths: dict[str, Path] = {}
        for key, path in (offered(sorted(folder.glob("*.yaml"))) if folder else offered_scenarios()).items():
            self.paths[key] = path
            try:
                self.scenarios[key] = load_scenario(path)
            except AccordError as error:
                self.problems[key] = " ".join(error.lines())
        self.chosen: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("[b]New game[/]  choose a scenario, a seat for each state, and a seed", classes="screen-title")
        with Horizontal(id="scenario-row"):
            options = [Option(escape(s.title) + self.where(key), id=key) for key, s in self.scenarios.items()]
            options += [Option(f"✗ {escape(self.paths[key].name)} (cannot be read)", id=key, disabled=True)
                        for key in self.problems]
            yield OptionList(*options, id="scenarios")
            with VerticalScroll(id="scenario-details"):
                yield Static(id="details")
        yield Static("[b]Seats[/]  who plays each state", classes="section-title")
        yield VerticalScroll(id="seats")
        with Horizontal(id="timer-row"):
            yield Label("Turn timer ")
            yield LineField(placeholder="none", max_length=MAX_TYPED, id="turn-minutes", compact=True,
                        tooltip="Minutes each team has at the keyboard; when they run out, its orders stand and "
                                "the screen passes on (T pauses the timer, + adds two minutes). Empty: no timer.")
            yield Label(" [dim]minutes a team at the keyboard (empty: no timer)[/]")
        with Horizontal(id="start-row"):
            yield Label("Seed ")
            yield LineField(str(random.randrange(1, 1_000_000)), type="integer", id="seed", compact=True)
            yield Label("  Facilitator PIN ")
            yield LineField(password=True, max_length=MAX_LENGTH, placeholder="optional", id="pin", compact=True,
                        tooltip="Opens this game in the replay viewer before it is over (the replay shows every "
                                "team's secrets). Without one, the replay opens once the game is over.")
            yield Button("Start ▶", id="start", variant="primary", compact=True)
            yield Button("Back", id="back", compact=True)
        yield Static("", id="new-game-problem", classes="refusal")
        yield Footer()

    def where(self, key: str) -> str:
        """A teacher's own file says where it is: two files may share a title."""
        path = self.paths[key]
        return "" if key == path.stem and is_shipped(path) else f" [dim]({escape(path.name)})[/]"

    def on_mount(self) -> None:
        menu = self.query_one("#scenarios", OptionList)
        keys = list(self.scenarios)
        if keys:
            menu.highlighted = keys.index(DEFAULT_SCENARIO) if DEFAULT_SCENARIO in keys else 0
        menu.focus()

    async def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id in self.scenarios:
            await self.show(event.option.id)

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id in self.scenarios:
            await self.show(event.option.id)
            self.focus_next()

    async def show(self, key: str) -> None:
        """Describe the scenario and lay out a seat for each of its states (awaited, so that a quick
        change of scenario never removes seats that are still being mounted)."""
        if key == self.chosen:
            return
        self.chosen = key
        scenario = self.scenarios[key]
        if scenario.seed is not None:
            self.query_one("#seed", Input).value = str(scenario.seed)
        self.query_one("#details", Static).update(scenario_details(scenario))
        seats = self.query_one("#seats", VerticalScroll)
        await seats.remove_children()
        rows = []
        for state in scenario.states:
            row = Horizontal(
                Label(f"{escape(state.name):<18}", classes="seat-name"),
                Select(seat_options(), value=HUMAN, allow_blank=False, compact=True, id=f"seat-{state.id}"),
                classes="seat-row",
            )
            rows.append(row)
        for org in scenario.organizations:
            rows.append(Horizontal(
                Label(f"{escape(org.id.upper()):<18}", classes="seat-name"),
                Select(org_seat_options(), value=MANDATE, allow_blank=False, compact=True, id=f"seat-{org.id}"),
                classes="seat-row",
            ))
        await seats.mount_all(rows)

    def choice(self) -> NewGame:
        """The game as chosen on the form, or `ValueError` saying what is missing."""
        if self.chosen is None:
            raise ValueError("choose a scenario first")
        scenario = self.scenarios[self.chosen]
        text = self.query_one("#seed", Input).value.strip()
        try:
            seed = int(text)
        except ValueError:
            shown = text if len(text) <= 20 else f"{text[:20]}…"  # 4,301 digits and more are not read
            raise ValueError(f"the seed must be a whole number, not '{shown}'") from None
        if seed < 0:
            raise ValueError("the seed must be 0 or more")
        ids = [state.id for state in scenario.states] + [org.id for org in scenario.organizations]
        seats = {seat: seat_of(self.query_one(f"#seat-{seat}", Select).value) for seat in ids}
        pin = self.query_one("#pin", Input).value.strip() or None
        if pin is not None and not MIN_LENGTH <= len(pin) <= MAX_LENGTH:
            raise ValueError(f"the facilitator PIN has {MIN_LENGTH} to {MAX_LENGTH} characters (or leave it empty)")
        return NewGame(scenario, seats, seed, pin, self.turn_minutes())

    def turn_minutes(self) -> float | None:
        """The turn timer typed, or `ValueError` in the command line's words (`--turn-minutes`)."""
        text = self.query_one("#turn-minutes", Input).value.strip()
        if not text:
            return None
        try:
            minutes(text)
        except ValueError as error:
            raise ValueError(f"turn timer {error}") from None
        return float(text)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "start":
            self.action_start()
        else:
            self.action_back()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        try:
            game = self.choice()
        except ValueError as error:
            self.query_one("#new-game-problem", Static).update(f"✗ {error}")
            return
        self.dismiss(game)

    def action_back(self) -> None:
        self.dismiss(None)
