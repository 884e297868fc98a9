"""`accord replay SAVE`: the replay viewer, or any moment of a saved game printed, or a what-if branch.

    accord replay SAVE                              the replay viewer (in a terminal; else as --text)
    accord replay SAVE --text                       the last moment: round, phase, actions, messages
    accord replay SAVE --round 3                    round 3's orders, in the order they came, and its outcome
    accord replay SAVE --round 3 --phase resolved   just after round 3 resolved
    accord replay SAVE --round 3 --as korvia        what Korvia's team saw with round 3's orders in (JSON)
    accord replay SAVE --round 3 --truth            the facilitator's whole truth then (JSON)
    accord replay SAVE --round 3 --branch           a new save reopening round 3: "what if...?"

A game that is not over replays only for the facilitator: its PIN (or, for a hosted game, the
facilitator's join code) is asked at the terminal, or read from ACCORD_FACILITATOR_PIN; without
either (`accord pin SAVE` sets a PIN), it replays once it is over.
"""

import argparse
import sys
from pathlib import Path

from game import jsontext


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "replay", help="show a moment of a saved game, or branch from it",
        description="Show any moment of a saved game (a round and a phase), a team's view or the whole truth "
                    "then, or start a new save from that moment. A game that is not over replays only for the "
                    "facilitator: its PIN is asked at the terminal (or read from ACCORD_FACILITATOR_PIN); a game "
                    "without one (set it with accord pin SAVE) replays once it is over.",
    )
    parser.add_argument("save", metavar="SAVE", help="a save file (.json or .json.gz)")
    parser.add_argument("--round", type=int, help="the round (default: the last one)")
    parser.add_argument("--phase", choices=("orders", "resolved", "over"), default=None,
                        help="orders (the round open; the default with --round), resolved (just after it), "
                             "over (the end)")
    parser.add_argument("--step", type=int, help="in the orders phase: how many of the round's actions (default all)")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--as", dest="who", metavar="STATE", help="print that state's view as JSON")
    shown.add_argument("--truth", action="store_true", help="print the whole truth as JSON")
    shown.add_argument("--text", action="store_true",
                       help="print the moment instead of opening the viewer (the default without a terminal)")
    shown.add_argument("--branch", action="store_true",
                       help="start a new save reopening --round, keeping --step of its actions (default none)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.commands.pin import given_pin
    from game.net.codes import facilitator_code_check
    from game.report.describe import describe
    from game.session.facilitator import replay_is_open, unlock
    from game.session.replay import Replay
    from game.session.seat_reports import role_words

    replay = Replay(args.save)
    if replay.warning:
        print(replay.warning, file=sys.stderr)
    if not replay_is_open(replay.document):  # a game in progress: the facilitator's PIN (or code) first
        code = facilitator_code_check(Path(args.save))
        known = replay.document.facilitator is not None or code is not None
        unlock(replay.document, given_pin(args.save) if known else None, code)
    flags = (args.round, args.phase, args.step, args.who)
    if all(flag is None for flag in flags) and not (args.truth or args.branch or args.text):
        from game.tui import has_terminal, run_app

        if has_terminal():
            return run_app(Path(args.save).parent, replay=replay)
    last_round, last_phase = replay.positions()[-1]
    number = args.round if args.round is not None else last_round
    if args.branch:
        branch = replay.branch(number, keep=args.step or 0)
        print(f"branched {branch.path} from {args.save} at round {number}, keeping {args.step or 0} of its actions")
        return 0
    phase = args.phase or ("orders" if args.round is not None else last_phase)
    moment = replay.seek(number, phase, args.step)
    if args.who:
        print(jsontext.model_text(moment.view(args.who), indent=1))
        return 0
    if args.truth:
        jsontext.dump(moment.truth(), sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    label = replay.document.scenario.round_label
    scenario = replay.document.scenario
    names = {state.id: state.name.split(" (")[0] for state in scenario.states} | {
        org.id: org.name.split(" (")[0] for org in scenario.organizations}
    # each seat by its name as the screens show it, without its gloss: "ilo: …" read as an id
    print(f"{args.save}: {label} {moment.round}, {moment.phase}; state hash {moment.hash[:12]}…")
    if replay.note:
        print(f"note: {replay.note}")
    for index, submitted in enumerate(moment.actions, 1):
        by = names.get(submitted.by, submitted.by) if submitted.by else "facilitator"
        if submitted.role:
            by += f" ({role_words(submitted.role)})"
        why = f"  ({submitted.reason})" if submitted.reason else ""
        print(f"  {index:>3}. {by}: {describe(submitted.data, replay.document.world)}{why}")
    if not moment.actions:
        print("  no actions")
    if moment.round <= replay.rounds_played:
        report = replay.report(moment.round)
        print(f"  resolved: {report.victims_total:,} people in exploitation (true); "
              + ", ".join(f"{names.get(s, s)} identified {f.identified:,}" for s, f in report.states.items()))
    for note in replay.document.annotations.get(moment.round, []):
        print(f"  note: {note}")
    return 0
