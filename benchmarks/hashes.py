"""Every round's state hash for a set of games, to prove that an optimization changed nothing.

    python -m benchmarks.hashes > before.json      # on the code before the change
    python -m benchmarks.hashes --compare before.json

The games: the shipped scenarios with nobody acting and with mixed AI tables (which exercise every
kind of order), `mekong` with every bilateral kind of agreement signed in round 1 (the AI signs few
kinds), and a generated 50-state scenario with AI seats. Exit 1 on the first difference.
"""

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.synthetic import generate, write
from game.ai.registry import assign
from game.engine import apply
from game.model.actions import Action, Propose, Respond
from game.model.state import GameState
from game.model.terms import Terms
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.simulation import simulate

AI_SEEDS = (0, 1, 2)
EVERY_KIND = (("mutual_legal_assistance", "myanmar"), ("repatriation_protocol", "myanmar"),
              ("labour_migration_mou", "vietnam"), ("extradition", "myanmar"),
              ("joint_investigation_team", "myanmar"), ("funding", "laos"))
"""Thailand's proposals in `mekong/every-kind`, each to the state that accepts it."""


def every_kind(state: GameState) -> list[tuple[Action, Callable[[str], Exception]]]:
    """Round 1 of `mekong/every-kind`: Thailand proposes each kind, its partner accepts at once.
    Proposal ids are drawn (`diplomacy.ids`), so each is read from the state after its proposal,
    applied here as the session will apply it (by the facilitator)."""
    if state.round != 1:
        return []
    actions: list[Action] = []
    network = sorted(state.networks)[0]
    for kind, partner in EVERY_KIND:
        terms = Terms(network=network) if kind == "joint_investigation_team" else Terms(
            donor="thailand", recipient=partner, amount=2.0, capacity="protection") if kind == "funding" else Terms()
        propose = Propose(state="thailand", agreement=kind, parties=["thailand", partner], terms=terms)
        after = apply(state, propose)
        proposal = next(id_ for id_ in after.proposals if id_ not in state.proposals)
        respond = Respond(state=partner, proposal=proposal, answer="accept")
        state = apply(after, respond)
        actions += [propose, respond]
    return [(action, RuntimeError) for action in actions]


def hashes() -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        synthetic = write(generate(50, 13, 250, rounds=6), Path(folder))
        games = [(name, resolve_scenario(name)) for name in ("tutorial", "mekong", "europe")]
        games.append(("synthetic-50", synthetic))
        mekong = load_scenario(resolve_scenario("mekong"))
        signed = simulate(mekong, 0, orders=every_kind)
        result["mekong/every-kind"] = [r.state_hash for r in signed.reports]
        for name, path in games:
            scenario = load_scenario(path)
            seed = scenario.seed or 0
            result[f"{name}/none"] = [r.state_hash for r in simulate(scenario, seed).reports]
            for ai_seed in AI_SEEDS if name != "synthetic-50" else AI_SEEDS[:1]:
                seats = assign([s.id for s in scenario.states], "mixed", ai_seed,
                               [o.id for o in scenario.organizations])
                played = simulate(scenario, ai_seed, ai=seats)
                result[f"{name}/mixed-{ai_seed}"] = [r.state_hash for r in played.reports]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hashes", description=__doc__.splitlines()[0])
    parser.add_argument("--compare", metavar="FILE", help="compare with hashes written before")
    args = parser.parse_args()
    now = hashes()
    if args.compare is None:
        json.dump(now, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    before = json.loads(Path(args.compare).read_text())
    for game, rounds in before.items():
        if game not in now:
            print(f"{game}: missing now")
            return 1
        for number, (old, new) in enumerate(zip(rounds, now[game], strict=False), start=1):
            if old != new:
                print(f"{game}: round {number} differs ({old[:12]} before, {new[:12]} now)")
                return 1
        if len(rounds) != len(now[game]):
            print(f"{game}: {len(rounds)} rounds before, {len(now[game])} now")
            return 1
    print(f"same hashes: {len(before)} games, {sum(len(r) for r in before.values())} rounds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
