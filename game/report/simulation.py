"""A simulated game as data (`--json`) and as a readable table a round."""

from dataclasses import asdict
from typing import Any

from game.ai.driver import AiMove
from game.model.report import RoundReport
from game.model.rounds import round_name
from game.model.state import GameState
from game.report.describe import effect_sentence, event_words, world_names
from game.report.displacement_words import because, what_moved
from game.report.summits import summit_data
from game.report.text import of_points
from game.session.simulation import Simulation


def simulation_document(sim: Simulation) -> dict[str, Any]:
    return {
        "scenario": sim.scenario.id,
        "seed": sim.seed,
        "seats": sim.seats,
        "rounds": [{**_round(report, [m for m in sim.moves if m.round == report.round]),
                    **pledges_of_round(sim.final, report.round),
                    "summits": [summit_data(s) for s in sim.summits.get(report.round, [])]}
                   for report in sim.reports],
        "summits": [summit_data(s) for s in sim.final.summits.values()],
        "agreements": [
            {"id": a.id, "kind": a.kind, "parties": a.parties, "status": a.status, "signed": a.signed,
             "ends": a.ends, "ended_round": a.ended_round, "ended_by": a.ended_by,
             "terms": a.terms.model_dump(mode="json", exclude_defaults=True)}
            for a in sim.final.agreements.values()
        ],
        "final": {
            "victim_rounds": sim.score.victim_rounds,
            "baseline_victim_rounds": sim.score.baseline_victim_rounds,
            "harm_averted": sim.score.harm_averted,
            "scores": {state_id: asdict(score) for state_id, score in sim.score.states.items()},
            "organization_scores": {org_id: asdict(score) for org_id, score in sim.score.organizations.items()},
        },
    }


def pledges_of_round(final: GameState, number: int) -> dict[str, Any]:
    """The round's public statements, and the pledges made in it or falling due in it, each with its
    verdict as it stood at the end of the round (None while not yet due)."""
    return {
        "statements": [{"seat": s.seat, "text": s.text} for s in final.statements if s.round == number],
        "pledges": [{"seat": p.seat, "kind": p.kind, "text": p.text, "made": p.made, "due": p.due,
                     "kept": p.kept if p.due <= number else None}
                    for p in final.pledges if number in (p.made, p.due)],
    }


def _round(report: RoundReport, moves: list[AiMove]) -> dict[str, Any]:
    return {
        "round": report.round,
        "moves": [
            {"state": m.state, "personality": m.personality,
             "action": m.action.model_dump(mode="json", exclude_none=True), "reason": m.reason}
            for m in moves
        ],
        "state_hash": report.state_hash,
        "victims_total": report.victims_total,
        "states": {
            state_id: {
                "victims_exploited": f.victims_exploited,
                "inflow": f.inflow,
                "recruited": f.recruited,
                "arrived": f.arrived,
                "detected_in_transit": f.detected_in_transit,
                "identified": f.identified,
                "escaped": f.escaped,
                "prosecutions": f.prosecutions,
                "convictions": f.convictions,
                "assisted": f.assisted,
                "migrants_stopped": f.migrants_stopped,
                "migrants_returned": f.migrants_returned,
                "victims_deported": f.victims_deported,
                "migrants_diverted": f.migrants_diverted,
                "recruited_diverted": f.recruited_diverted,
                "recruited_returned": f.recruited_returned,
                "came_forward": f.came_forward,
                "testimonies": f.testimonies,
                "re_trafficked": f.retrafficked,
                "moved_on": f.moved_on,
                "labour_inspections": f.labour_inspections,
                "identified_children": f.identified_children,
                "identified_female": f.identified_female,
                "case": report.cases.get(state_id, ""),
                "tier": f.tier,
                "scores_4p": f.scores_4p,
                "approval": round(f.approval, 2),
                "political_capital": round(f.political_capital, 2),
                "budget": f.budget,
                "spent": {k: round(v, 2) for k, v in f.spent.items()},
                "capacities": {k: round(v, 3) for k, v in f.capacities.items()},
                "laws": f.laws,
                "laws_entered": f.laws_entered,
                "laws_repealed": f.laws_repealed,
                "contributed": round(f.contributed, 2),
                "funding_received": round(f.funding_received, 2),
                "assets_seized": round(f.assets_seized, 1),
            }
            for state_id, f in report.states.items()
        },
        "networks": {
            network_id: {
                "active": n.active,
                "capital": round(n.capital, 1),
                "seized": round(n.seized, 1),
                "core": n.core,
                "periphery": n.periphery,
                "tau": round(n.tau, 4),
                "victims": n.victims,
                "routes": [{"path": r.path, "form": r.form, "flow": r.flow} for r in n.routes],
            }
            for network_id, n in report.networks.items()
        },
        "organizations": {org_id: asdict(figures) for org_id, figures in report.organizations.items()},
        "events": [asdict(event) for event in report.events],
        "displacement": [asdict(move) for move in report.displacement],
    }


def people_count(count: int, one: str) -> str:
    """`1 victim`, `3 victims`: the table read '1 victims' and '1 migrants'."""
    return f"{count:,} {one if count == 1 else one + 's'}"


def simulation_table(sim: Simulation) -> str:
    label = sim.scenario.round_label
    names = world_names(sim.final.world)
    titles = [spec.name for spec in sim.final.world.agreements.values()]
    lines = [f"{sim.scenario.title} — seed {sim.seed}, {len(sim.reports)} {label}s", ""]
    header = f"{'state':<14}{'victims':>9}{'inflow':>8}{'recruit':>8}{'ident.':>7}{'pros.':>6}{'conv.':>6}" \
             f"{'tier':>5}{'approval':>9}{'budget':>7}"
    for report in sim.reports:
        name = round_name(label, report.round, sim.scenario.start_year)
        lines.append(f"{name[0].upper() + name[1:]}: {report.victims_total:,} people in exploitation (true)")
        for event in report.events:
            lines.append(f"  event: {event_words(event.title, event.kind, names, label, titles)}")
            lines += [f"    {effect_sentence(effect, names)}" for effect in event.effects]
        lines.append("  " + header)
        for state_id, f in report.states.items():
            lines.append(
                f"  {state_id[:13]:<14}{f.victims_exploited:>9,}{f.inflow:>8,}{f.recruited:>8,}{f.identified:>7,}"
                f"{f.prosecutions:>6,}{f.convictions:>6,}{_tier(f.tier):>5}{f.approval:>9.1f}{f.budget:>7.1f}"
            )
            if f.migrants_stopped or f.victims_deported:
                lines.append(f"  {'':<14}borders stopped {people_count(f.migrants_stopped, 'migrant')} "
                             f"({f.migrants_returned:,} returned) and deported "
                             f"{people_count(f.victims_deported, 'victim')} "
                             f"beside {people_count(f.detected_in_transit, 'victim')} found in transit"
                             + (f"; {f.migrants_diverted:,} went around them with smugglers" if f.migrants_diverted
                                else ""))
        for network_id, n in report.networks.items():
            if not n.active:
                continue
            flow = sum(r.flow for r in n.routes)
            lines.append(f"  network {network_id}: flow {flow:,} on {len(n.routes)} route(s), "
                         f"core {n.core}, periphery {n.periphery}, online {n.tau:.0%}")
        for org_id, o in report.organizations.items():
            done = [f"trained {names.get(target, target)} ({capacity})" for target, capacity in o.trained]
            done += [f"reviewed {names.get(target, target)}" for target in o.reviewed]
            done += [f"assisted {names.get(target, target)} ({points:g})" for target, points in o.assisted.items()]
            done += [f"campaigned in {names.get(region, region)}" for region in o.campaigns]
            lines.append(f"  organization {names.get(org_id, org_id)}: spent {o.spent:g} of {o.budget:g}"
                         + (f": {', '.join(done)}" if done else ""))
        for move in report.displacement:
            onto = " -> ".join(names.get(r, r) for r in move.opened) if move.opened else "nowhere"
            pressed = names.get(move.pressure_region or "", move.pressure_region or "nowhere")
            verb = "moved some trade off" if move.cause == "site" else "left"
            lines.append(f"  displaced: {names.get(move.network, move.network)} {verb} "
                         f"{' -> '.join(names.get(r, r) for r in move.dropped)} ({what_moved(move, label)}, "
                         f"{because(move, pressed)}) for {onto}")
        lines.append("")
    score = sim.score
    lines.append(f"Victim-{label}s: {score.victim_rounds:,.0f} against {score.baseline_victim_rounds:,.0f} "
                 f"with nobody acting: harm averted {score.harm_averted:,.0f}")
    for state_id, mine in score.states.items():
        lines.append(f"  {state_id}: score {mine.score:.2f} ({mine.points:g}/{mine.max_points} objective points, "
                     f"tier points {mine.tier_points:.2f}, own victim-rounds {mine.own_victim_rounds:,.0f} "
                     f"against {mine.own_baseline_victim_rounds:,.0f})")
        for result in mine.objectives:
            mark = "met" if result.met else "not met"
            lines.append(f"    [{mark}] {result.description} ({result.earned:g} {of_points(result.points)})")
    for org_id, theirs in score.organizations.items():
        lines.append(f"  {org_id}: {theirs.points:g}/{theirs.max_points} objective points")
        for result in theirs.objectives:
            mark = "met" if result.met else "not met"
            lines.append(f"    [{mark}] {result.description} ({result.earned:g} {of_points(result.points)})")
    return "\n".join(lines)


def _tier(tier: str) -> str:
    return "2WL" if tier == "2WL" else tier
