"""A team's round report: what happened in its territory, what its choices did, its figures over
the rounds, the agreements that came into force or were breached, and displacement it caused or
received. Only this team's observed figures: the true numbers wait for the final debrief. The data
comes from the table (`game.session.seat_reports`), already filtered for this team."""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.errors import AccordError
from game.model.report import RoundReport
from game.session.seat_reports import OrgRoundReport, StateRoundReport
from game.tui.pledge_lines import broken_this_round
from game.tui.table import Table
from game.tui.text import counted, escape, four_p, num, points_num, pts_text, short, tier_label
from game.tui.views import names_of, network_names
from game.tui.widgets.capacity_text import arrow, capacity_lines, own_points, scaled_line
from game.tui.widgets.chart import REPORT_WIDTH, Series, column_chart, spark_table
from game.tui.widgets.diplomacy_panel import agreement_line
from game.tui.widgets.displacement_text import displacement_lines
from game.tui.widgets.news_panel import events_text
from game.tui.widgets.org_panels import public_records
from game.tui.widgets.wrapped import Wrapped


def lesson_lines(report: RoundReport, label: str) -> list[str]:
    """The round's scripted events first: the idea the round was about, before the figures."""
    ideas = [event.title for event in report.events if event.kind in ("scripted", "injected")]
    if not ideas:
        return []
    return [f"[b]The lesson of this {label}[/]: {escape('; '.join(ideas))}  (in full under News below)", ""]


def report_text(data: StateRoundReport, width: int = REPORT_WIDTH) -> str:
    """`width`: the characters a line may take, which decides how many rounds the figures table writes out."""
    view, report, who = data.view, data.report, data.view.me.id
    names = names_of(view)
    fig = report.states[who]
    label = view.round_label
    lines = [
        *lesson_lines(report, label),
        f"[b]What happened in your territory[/] in {label} {report.round}",
        f"  identified {counted(fig.identified, 'person', 'people')} ({num(fig.detected_in_transit)} in transit, "
        f"{num(fig.identified_in_exploitation)} in exploitation) · assisted {num(fig.assisted)}",
        f"  of the identified: {counted(fig.identified_children, 'child', 'children')} · "
        f"{counted(fig.identified_female, 'woman or girl', 'women and girls')}",
        # each line short enough for 80 columns with a large state's figures (mekong's thousands):
        # a wrapped line lost its indent and read as a new heading
        f"  {counted(fig.migrants_stopped, 'migrant', 'migrants')} stopped ({num(fig.migrants_returned)} sent back)"
        + (f", {num(fig.migrants_diverted)} went around" if fig.migrants_diverted else ""),
        f"  victims: {num(fig.came_forward)} came forward · {num(fig.testimonies)} testified · "
        f"{num(fig.retrafficked)} trafficked again",
        f"  {counted(fig.victims_deported, 'victim', 'victims')} deported"
        + (f" · {counted(fig.labour_inspections, 'victim', 'victims')} found by labour inspectors"
           if fig.labour_inspections else ""),
        f"  prosecutions {num(fig.prosecutions)} · convictions {num(fig.convictions)} · "
        f"recruiters and drivers removed {num(fig.periphery_removed)}",
        # the confiscation law's work, said where it did any: no screen showed what it seized
        *([f"  assets seized from the networks convicted: {round(fig.assets_seized):,} thousand USD,",
           "    paying for more places in victims' services"] if fig.assets_seized >= 0.5 else []),
        f"  victims held here, your estimate: about {num(view.me.victims_estimate.value)} "
        f"({num(view.me.victims_estimate.low)} to {num(view.me.victims_estimate.high)})",
        "    the truth is hidden: an estimate moves with the noise of intelligence,",
        "    not only with what you did",
        "",
    ]
    case = report.cases.get(who, "")
    if case:
        lines += ["[b]One person in these numbers[/] (a composite, drawn from this year's figures)",
                  f"  {escape(case)}", ""]
    lines += [
        "[b]What your choices did[/]",
    ]
    orders = [f"  • you {escape(line)}" for line in data.orders]
    lines += orders or ["  • no new orders: standing ones carried on"]
    entered = ", ".join(view.rules.laws[law].name if law in view.rules.laws else law for law in fig.laws_entered)
    repealed = ", ".join(view.rules.laws[law].name if law in view.rules.laws else law for law in fig.laws_repealed)
    if entered:
        lines.append(f"  ✓ entered into force: {escape(entered)}")
    if repealed:
        lines.append(f"  ✗ repealed: {escape(repealed)}")
    # a pledge this round broke before its due round: the news says so only at the verdict
    for pledge in broken_this_round(view.pledges, who, report.round):
        lines.append(f"  ✗ your pledge to {escape(pledge.text)} is {escape(pledge.status)}")
    own = sum(own_points(fig).values())
    # the budget the team planned with, when the round's events changed it: the allocation was
    # scaled to the new one, and its levels came out below what the confirmation promised
    planned = (f" ({points_num(data.before_budget)} when you planned: this {label}'s events changed it)"
               if abs(data.before_budget - fig.budget) > 1e-9 else "")
    # 'capacities' counts the team's own points: partners' funding comes on top of the budget
    lines.append(f"  budget {points_num(fig.budget)}{planned}: law upkeep {points_num(fig.upkeep)}, capacities "
                 f"{points_num(own)}, agreements {points_num(fig.contributed)}")
    if fig.funding_received:
        lines.append(f"  funding received {points_num(fig.funding_received)}: partners paid it into your capacities "
                     "(below)")
    scaled = scaled_line(data, fig)
    if scaled:
        lines.append(scaled)
    lines += capacity_lines(data, fig)
    tier_now = tier_label(fig.tier)
    tier_move = (f"{tier_label(data.before_tier)} → {tier_now}" if data.before_tier and data.before_tier != fig.tier
                 else f"{tier_now} =")  # 'Tier 2 ● → Tier 2 ●' said an unchanged tier twice
    approval = f"{data.before_approval:.0f}→{fig.approval:.0f}% {arrow(data.before_approval, fig.approval, 0)}"
    lines.append(f"  approval {approval}"
                 f" · political capital {data.before_capital:.1f}→{fig.political_capital:.1f} "
                 f"{arrow(data.before_capital, fig.political_capital)} · {tier_move}")
    if any(line.startswith(("adopted", "proposed", "accepted")) for line in data.orders):
        lines.append(f"    (capital: what your laws and agreements cost this {label} was paid from it, and the "
                     "income at the resolution added to it: the two can cancel out)")
    lines.append(f"  4P: {four_p(fig.scores_4p)}")
    lines += ["", "[b]Agreements[/]"]
    touched = [a for a in view.agreements if who in a.parties or who == a.ended_by]
    news = [a for a in touched if a.signed == report.round or a.ended_round == report.round or a.unpaid]
    lines += [f"  {escape(agreement_line(a, view, names).strip())}" for a in news] or [
        "  none came into force, ended or was breached this " + label]
    lines += ["", "[b]Displacement[/] (trade moved by pressure, or by a fall in demand)"]
    moves = displacement_lines(report.displacement, who, {r.id for r in view.regions if r.controlled_by == who},
                               {**names, **network_names(view)})
    lines += moves or [f"  none caused or received by you this {label}"]
    lines += ["", "[b]News[/]", *events_text(view, report), ""]
    rounds = data.rounds
    lines.append(column_chart(f"People identified in your territory, by {label}", rounds,
                              [float(f.identified) for f in data.figures], label=label, unit="people",
                              start_year=view.start_year))
    lines.append("")
    lines.append(f"[b]Your figures over the {label}s[/] (people, except approval and capital)")
    lines.append(spark_table(rounds, [
        Series("victims (your estimate)", [float(v) for v in data.estimates]),
        Series("identified", [float(f.identified) for f in data.figures]),
        Series("prosecutions", [float(f.prosecutions) for f in data.figures]),
        Series("convictions", [float(f.convictions) for f in data.figures]),
        Series("approval %", [f.approval for f in data.figures]),
        Series("political capital", [f.political_capital for f in data.figures]),
    ], label, view.start_year, width))
    return "\n".join(lines)


def org_report_text(data: OrgRoundReport) -> str:
    """An organization's round: what it spent and on whom, its agreements, the news, the states'
    published records (with any review it revealed)."""
    view, report, who = data.view, data.report, data.view.me.id
    names = names_of(view)
    label = view.round_label
    lines = [*lesson_lines(report, label), f"[b]What you did[/] in {label} {report.round}"]
    figures = report.organizations.get(who)
    if figures is not None:
        lines.append(f"  budget {points_num(figures.budget)} · spent {points_num(figures.spent)}")
        trained = ", ".join(f"{names.get(s, s)} ({c})" for s, c in figures.trained)
        lines.append(f"  trained: {escape(trained) or 'nobody'}")
        reviewed = ", ".join(names.get(s, s) for s in figures.reviewed)
        lines.append(f"  reviewed and published: {escape(reviewed) or 'nobody'}")
        assisted = ", ".join(f"{names.get(s, s)} {pts_text(v)}" for s, v in figures.assisted.items())
        lines.append(f"  victim services funded: {escape(assisted) or 'none'}")
        lines.append(f"  campaigns: {escape(', '.join(short(names.get(r, r)) for r in figures.campaigns)) or 'none'}")
    lines += [f"  • you {escape(line)}" for line in data.orders] or ["  • no orders this " + label]
    lines += ["", "[b]Agreements[/]"]
    touched = [a for a in view.agreements if who in a.parties]
    news = [a for a in touched if a.signed == report.round or a.ended_round == report.round or a.unpaid]
    lines += [f"  {escape(agreement_line(a, view, names).strip())}" for a in news] or [
        f"  none of yours came into force, ended or was breached this {label}"]
    lines += ["", "[b]News[/]", *events_text(view, report), "", "[b]The states[/] (published records)"]
    lines += public_records(view.states, view.me.trust, view.rules, names_of(view), view.round_label)
    return "\n".join(lines)


class RoundReportScreen(Screen[None]):
    """One resolved round's report; ← and → step through the earlier ones, back to this one: a team
    looking back at what an earlier round's choices did."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "close", "Done"),
        Binding("left", "step(-1)", "Earlier report", priority=True),
        Binding("right", "step(1)", "Later report", priority=True),
    ]

    def __init__(self, table: Table, who: str, round_no: int) -> None:
        super().__init__()
        self.table = table
        self.who = who
        self.round = round_no
        self.latest = round_no
        """The round the screen opened on: the last resolved one, so no later report exists."""

    def compose(self) -> ComposeResult:
        try:
            data = self.table.round_report(self.who, self.round)
        except AccordError as error:
            try:  # the scenario's word, as everywhere else ("Report on year 3")
                label = self.table.seat_view(self.who).round_label
            except AccordError:
                label = "round"
            yield Static(f"[b]Report on {label} {self.round}[/]", classes="screen-title")
            yield Wrapped(escape(" ".join(error.lines())), id="report-text")
            yield Footer()
            return
        view = data.view
        # the report body loses four columns to its margins and scroll bar
        text = (org_report_text(data) if isinstance(data, OrgRoundReport)
                else report_text(data, max(REPORT_WIDTH, self.app.size.width - 4)))
        label = view.round_label
        if self.round < self.latest:
            after = f"an earlier report: → for {label} {self.round + 1}"
        elif self.round >= view.rounds:
            after = "the final scores come next"
        else:
            after = f"{label} {self.round + 1} comes next"
        yield Static(f"[b]{escape(view.me.name.upper())}[/] · report on {label} {self.round} of "
                     f"{view.rounds} · {after}", classes="screen-title")
        with VerticalScroll(id="report-body"):
            yield Wrapped(text, id="report-text")  # a wrapped line stays under its own text
        yield Footer()

    def on_mount(self) -> None:
        self._focus_body()

    def _focus_body(self) -> None:
        bodies = self.query("#report-body")
        if bodies:
            bodies.first().focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Earlier and later show in the key bar only where there is such a report."""
        if action == "step":
            wanted = self.round + int(str(parameters[0]))
            return 1 <= wanted <= self.latest
        return True

    async def action_step(self, by: int) -> None:
        wanted = self.round + by
        if not 1 <= wanted <= self.latest:
            return
        self.round = wanted
        await self.recompose()
        self._focus_body()
        self.refresh_bindings()

    def action_close(self) -> None:
        self.dismiss(None)
