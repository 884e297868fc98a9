"""A state's dashboard: budget, capacities, approval, political capital, tier, 4P, trust, laws,
the last published figures, and the team's private objectives and brief."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from game.engine.scoring import lowest_approval
from game.model.scenario import KeepApproval
from game.model.view import PlayerView
from game.tui.dues import dues_warnings, gives_way, scaled_room
from game.tui.text import (
    PENDING,
    bar,
    capacity_label,
    escape,
    four_p,
    item_lines,
    next_tier_text,
    num,
    objective_text,
    points_num,
    pts_text,
    tier_markup,
)
from game.tui.views import catalogue_names, names_of
from game.tui.widgets.wrapped import Wrapped


def law_names(view: PlayerView, laws: list[str]) -> str:
    return ", ".join(view.rules.laws[law].name if law in view.rules.laws else law for law in laws)


def dashboard_text(view: PlayerView, width: int = 78) -> str:
    """`width`: the cells the text has; the Trust line is broken between its items to it (at 78
    whatever the terminal, it wrapped early on a wide one and too late on a narrow one)."""
    me = view.me
    names = names_of(view)
    label = view.round_label
    upkeep = me.budget - me.available
    allocated = sum(me.allocation.values())
    # the points the capacities get, as the budget tab and the end-of-turn question say and the
    # engine funds: an announced cut scales the allocation down, and one given before a cut gives
    # way to the agreements (the rows showed the points typed, beside warnings that they would not be)
    room = scaled_room(view, allocated)
    if room is None:
        room = gives_way(view, allocated)
    factor = room / allocated if room is not None and allocated > 0 else 1.0
    news = [f"[b]This {label}[/]: {escape(item.title)}  (n: the news)" for item in view.announced]
    lines = [
        *news, *([""] if news else []),
        # two lines: on one, a budget with agreements owed ran past 80 columns and the figure owed
        # wrapped alone onto the next line
        f"[b]Budget[/] {pts_text(me.budget)} − law upkeep {points_num(upkeep)} = {points_num(me.available)} free",
        f"  allocated {points_num(allocated)} · owed to agreements {points_num(me.committed)}",
        # the team sees at once that its standing allocation no longer fits (a law's upkeep, a new
        # agreement's dues): the warning waited on the Budget tab and the end-of-turn question
        *[f"  [b]{escape(line)}[/] (b: Budget)"
          for line in dues_warnings(view, allocated, in_full=False, standing=True)],
        f"[b]Political capital[/] {me.political_capital:.1f} · [b]Approval[/] {me.approval:.0f}% · "
        f"[b]Corruption[/] {me.corruption:.2f}",
        f"[b]Assessment[/] {tier_markup(me.tier)} · 4P: {four_p(me.scores_4p)}",
        *([f"  {next_tier_text(me.tier, sum(me.scores_4p.values()), me.next_tier_at)}"]
          if me.next_tier_at is not None else []),
        "",
        "[b]Capacities[/] (level 0-10)      " + (f"allocated this {label}" if factor == 1.0 else
                                                  f"get this {label}, scaled down from {points_num(allocated)}"),
    ]
    for capacity, level in me.capacities.items():
        points = me.allocation.get(capacity, 0.0) * factor
        lines.append(f"  {capacity_label(capacity):<13} {bar(level)} {level:4.1f}   {pts_text(points, 5)}")
    pending = [f"{PENDING} {law_names(view, [law])} (in force from {label} {when})"
               for law, when in me.pending_laws.items()]
    repeals = [f"✗ {law_names(view, [law])} (being repealed)" for law in me.pending_repeals]
    lines += [
        "",
        f"[b]Laws in force[/] ✓ {escape(law_names(view, me.laws)) or 'none'}",
        *[f"  {escape(line)}" for line in pending + repeals],
        *item_lines("[b]Trust[/] (0 to 1, from their record with you): ",
                    [f"{names.get(other, other)} {value:.2f}" for other, value in me.trust.items()], width),
        # before the first resolution nothing is published: '0 prosecutions' read as Thailand's record
        f"[b]Last {label} published[/] identified {num(me.identified)} · prosecutions {num(me.prosecutions)} · "
        f"convictions {num(me.convictions)}" if view.round > 1 else
        f"[b]Published figures[/] none yet: the first come at the end of {label} 1",
        f"[b]Victims in your territory[/] (your estimate) about {num(me.victims_estimate.value)} "
        f"(range {num(me.victims_estimate.low)} to {num(me.victims_estimate.high)}; it moves with the noise of "
        "intelligence, not only with what you did)",
        "",
        "[b]Your objectives[/] (private)",
        *[f"  • {escape(objective_text(objective, names | catalogue_names(view), label))}{missed(objective, view)}"
          for objective in me.objectives],
        "",
        "[b]Your brief[/] (private)",
        escape(" ".join(me.brief.split())),
    ]
    return "\n".join(lines)


class Dashboard(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Wrapped(id="dashboard-text")

    def show(self, view: PlayerView) -> None:
        # laid out at the width the text has, again whenever it changes
        self.query_one("#dashboard-text", Wrapped).update(lambda width: dashboard_text(view, width))


def missed(objective: object, view: PlayerView) -> str:
    """A keep_approval objective already lost says so: a student read 'keep approval at 53% or more
    every year' after approval had fallen to 51%, with no sign it could no longer be met."""
    if not isinstance(objective, KeepApproval) or view.me.lowest_approval >= objective.at_least:
        return ""
    return f" ✗ missed: approval fell to {lowest_approval(view.me.lowest_approval, objective.at_least)}%"
