"""The balance report of many AI games, as a table for an instructor and as data."""

from dataclasses import asdict
from typing import Any

from game.model.vocabulary import tier_title
from game.report.ordinals import ordinal
from game.session.balance import Balance, Spread


def balance_document(balance: Balance) -> dict[str, Any]:
    return asdict(balance)


def balance_table(balance: Balance) -> str:
    lines = [
        f"{balance.scenario}: {balance.games} games, AI {balance.ai}",
        f"harm averted (victim-rounds): {_spread(balance.harm_averted, '{:,.0f}')}",
        "",
        f"{'state':<14}{'score mean':>11}{'p10':>6}{'p90':>6}{'of':>5}  {'agreements':>10}  tiers (final)",
    ]
    for state_id, state in balance.states.items():
        tiers = ", ".join(f"{tier_title(t)}: {n}" for t, n in state.tiers.items())
        lines.append(
            f"{state_id[:13]:<14}{state.score.mean:>11.2f}{state.score.p10:>6.1f}{state.score.p90:>6.1f}"
            f"{state.max_points:>5}  {state.agreements:>10.1f}  {tiers}"
        )
    seats = len(balance.states)
    lines += ["", "rank among the states by score (games; 1 is first; seats' scores differ in scale, so read a "
                  "seat's rank against its own objectives):"]
    for state_id, state in balance.states.items():
        ranks = ", ".join(f"{_ordinal(rank, seats)} {games}" for rank, games in state.ranks.items())
        lines.append(f"  {state_id}: {ranks}")
    if balance.organizations:
        lines += ["", f"{'organization':<14}{'score mean':>11}{'p10':>6}{'p90':>6}"]
        for org_id, org in balance.organizations.items():
            lines.append(f"{org_id[:13]:<14}{org.score.mean:>11.2f}{org.score.p10:>6.1f}{org.score.p90:>6.1f}")
    lines += ["", "objectives met (games):"]
    seats_objectives = [(seat, state.objectives) for seat, state in balance.states.items()]
    seats_objectives += [(seat, org.objectives) for seat, org in balance.organizations.items()]
    for seat, objectives in seats_objectives:
        parts = ", ".join(f"{o.kind} {o.target} {o.met}/{balance.games}".replace("  ", " ") for o in objectives)
        lines.append(f"  {seat}: {parts or 'no objectives'}")
    if balance.flags:
        lines += ["", "look at these before class:"] + [f"  ! {flag}" for flag in balance.flags]
    if any(len(s.by_personality) > 1 for s in balance.states.values()):
        lines += ["", "score by personality in each seat (mean):"]
        for state_id, state in balance.states.items():
            parts = ", ".join(f"{name} {spread.mean:.2f}" for name, spread in state.by_personality.items())
            lines.append(f"  {state_id}: {parts}")
    return "\n".join(lines)


def _ordinal(rank: int, seats: int) -> str:
    return "last" if rank == seats and seats > 1 else ordinal(rank)


def _spread(spread: Spread, fmt: str) -> str:
    return f"mean {fmt.format(spread.mean)}, 10th percentile {fmt.format(spread.p10)}, 90th {fmt.format(spread.p90)}"
