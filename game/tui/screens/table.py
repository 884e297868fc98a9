"""The table: the game's base screen, which decides who comes to the screen next.

It shows only what the whole class may see (the seats, who is ready, the round), and drives the
hot-seat cycle: AI seats act at once, then each human team in turn behind a handoff, then the
round resolves and each team reads its report behind a handoff again, then the next round; at the
end, the scores. Every step starts from the session, so a continued save resumes where it was.
"""

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.errors import AccordError
from game.model.report import RoundReport
from game.model.rounds import round_heading
from game.session.session import Session
from game.tui import turns
from game.tui.screens.handoff import HandoffScreen
from game.tui.screens.notice import ConfirmScreen
from game.tui.table import LocalTable
from game.tui.text import clip, escape, seat_words, short

if TYPE_CHECKING:
    from game.tui.app import AccordApp


NAME_WIDTH = 30
"""The widest a seat's name runs on the table screen: with its seat words and mark, 80 columns."""


class TableScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next", "Continue"),
        Binding("q", "leave", "Quit to title"),
    ]

    def __init__(self, session: Session, resumed: bool = False) -> None:
        super().__init__()
        self.session = session
        self.resumed = resumed
        """A save continued or loaded: its last round's reports may not all have been read."""
        self.table = LocalTable(session)
        """What the teams' screens read and submit through: this session, one seat at a time."""
        self.last_team: str | None = None
        self.reports_to_show: list[str] = []
        self.report: RoundReport | None = None

    @property
    def accord(self) -> "AccordApp":

        return cast("AccordApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="table-box"):
            yield Static(id="table-title", classes="screen-title")
            yield Static(id="table-status")
            yield Static("Press Enter to continue.", id="table-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.show_status()
        self.call_after_refresh(self.begin)

    def begin(self) -> None:
        if self.reports_unread():
            self.report = self.session.reports[-1]
            self.reports_to_show = turns.human_seats(self.session)
            self.show_next_report()
        else:
            self.advance()

    def reports_unread(self) -> bool:
        """Whether a continued game opens with every team's report on the last round: no team has
        given an order since it resolved. Which reports were read is not saved, and quitting while
        the reports went round (at China's report, after Thailand's) then continuing went straight
        to the next round, China's report unread."""
        session = self.session
        if not self.resumed or session.is_over or not session.reports:
            return False
        humans = set(turns.human_seats(session))
        return not any(submitted.by in humans for submitted in session.submitted())

    def show_status(self) -> None:
        session = self.session
        scenario = session.scenario
        label = scenario.round_label
        names = turns.names(session)
        if session.is_over:
            where = f"The game is over: {scenario.rounds} {label}s played."
        else:
            where = f"{round_heading(label, session.round, scenario.rounds, scenario.start_year)}: orders are open."
        self.query_one("#table-title", Static).update(f"[b]{escape(scenario.title)}[/]   {where}")
        ready = set(session.ready_seats())
        lines = ["[b]The table[/]"]
        rows = []
        for state_id, seat in session.seats.items():
            who = seat_words(seat.is_human, seat.personality).replace("AI ", "AI · ", 1)
            if turns.is_organization(session, state_id):
                who += " (organization)"
            mark = "✓ ready" if state_id in ready else ("… to play" if not session.is_over else "")
            # an organization's name with its gloss ('UN Office on Drugs and Crime (Southeast Asia
            # office)') ran past 80 columns and wrapped its seat and mark onto a line of their own
            rows.append((clip(short(names[state_id]), NAME_WIDTH), who, mark))
        name_width = max(20, *(len(name) for name, _, _ in rows))
        who_width = max(24, *(len(who) for _, who, _ in rows))
        lines += [f"  {escape(name.ljust(name_width))} {who:<{who_width}} {mark}" for name, who, mark in rows]
        if session.path is not None:
            lines.append(f"\nAutosaved after every order in {escape(str(session.path))}")
        self.query_one("#table-status", Static).update("\n".join(lines))

    # --- the cycle -----------------------------------------------------------------------------

    def action_next(self) -> None:
        if self.reports_to_show:
            self.show_next_report()
        else:
            self.advance()

    def advance(self) -> None:
        """Take the game one step on: the next team, the resolution, or the end."""
        session = self.session
        self.show_status()
        if session.is_over:
            self.accord.push_screen(
                HandoffScreen("the facilitator", "The game is over",
                              "The final scores reveal every team's results and the hidden truth: show them "
                              "to the whole class.", private=False),
                self.after_final_handoff)
            return
        try:
            if turns.ai_to_play(session):
                session.play_ai()
            team = turns.next_team(session, self.last_team)
            if team is None:
                self.resolve()
                return
        except AccordError as error:
            self.accord.notice(" ".join(error.lines()), title="The round could not go on")
            return
        names = turns.names(session)
        scenario = session.scenario
        headline = round_heading(scenario.round_label, session.round, scenario.rounds, scenario.start_year)
        purpose = ("Your turn: choose your instruments and diplomacy, then press r when you are ready."
                   if turns.is_organization(session, team) else
                   "Your turn: set your budget, laws and diplomacy, then press r when you are ready.")
        news = [item.title for item in self.table.seat_view(team).announced]
        if news:
            headline += " · this " + session.scenario.round_label + ": " + "; ".join(news)
            purpose += " Read this " + session.scenario.round_label + "'s news first (n)."
        self.accord.push_screen(HandoffScreen(short(names[team]), headline, purpose),
                                lambda answer: self.after_turn_handoff(team, answer))

    def after_turn_handoff(self, team: str, answer: str | None) -> None:
        if answer == "go":
            from game.tui.screens.org_team import OrgScreen
            from game.tui.screens.team import TeamScreen

            kind = OrgScreen if turns.is_organization(self.session, team) else TeamScreen
            screen = kind(self.table, team)
            screen.can_pass = len(turns.human_seats(self.session)) > 1
            self.accord.push_screen(screen, lambda result: self.after_turn(team, result))
        elif answer == "quit":
            self.action_leave()
        else:
            self.show_status()

    def after_turn(self, team: str, result: str | None) -> None:
        self.last_team = team
        if result == "quit":
            self.accord.to_title()
            return
        self.advance()

    def resolve(self) -> None:
        try:
            self.report = self.session.resolve()
        except AccordError as error:
            self.accord.notice(" ".join(error.lines()), title="The round could not be resolved")
            return
        self.last_team = None
        self.reports_to_show = turns.human_seats(self.session)
        self.show_status()
        self.show_next_report()

    def show_next_report(self) -> None:
        if not self.reports_to_show or self.report is None:
            self.reports_to_show = []
            self.advance()
            return
        team = self.reports_to_show[0]
        names = turns.names(self.session)
        label = self.session.scenario.round_label
        headline = f"{label.capitalize()} {self.report.round} is resolved"
        purpose = f"Your report on {label} {self.report.round}: what happened and what your choices did."
        self.accord.push_screen(HandoffScreen(short(names[team]), headline, purpose),
                                lambda answer: self.after_report_handoff(team, answer))

    def after_report_handoff(self, team: str, answer: str | None) -> None:
        if answer == "go" and self.report is not None:
            from game.tui.screens.round_report import RoundReportScreen

            def shown(_: object) -> None:
                if self.reports_to_show and self.reports_to_show[0] == team:
                    self.reports_to_show.pop(0)
                self.show_next_report()

            self.accord.push_screen(RoundReportScreen(self.table, team, self.report.round), shown)
        elif answer == "quit":
            self.action_leave()
        else:
            self.show_status()

    def after_final_handoff(self, answer: str | None) -> None:
        if answer == "go":
            from game.tui.screens.final import FinalScreen

            self.accord.push_screen(FinalScreen(self.session))
        elif answer == "quit":
            self.accord.to_title()
        else:
            self.show_status()

    def action_leave(self) -> None:
        def leave(yes: bool | None) -> None:
            if yes:
                self.accord.to_title()

        self.accord.push_screen(
            ConfirmScreen("Quit to the title screen? Everything submitted is saved: choose "
                          "'Continue the latest game' to go on from here.", title="Quit the game"),
            leave)
