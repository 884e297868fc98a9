"""`accord host SCENARIO|SAVE [--port P] [--bind ADDR] [--seat ...] [--seed N] [--web]
[--tls-cert FILE --tls-key FILE]`: a classroom over the network. One process owns the game (the same
session, log and autosave as the hot seat) and serves each team at its own machine; it prints a join
code per team and one for the facilitator.

    accord host tutorial                        the tutorial, on this machine only (127.0.0.1)
    accord host mekong --bind 0.0.0.0 --web     for the room, browsers too
    accord host mekong --bind 0.0.0.0 --tls-cert host.pem --tls-key host.key     the room, over TLS
    accord host saves/tutorial-...json          continue a game: same codes, same round
"""

import argparse
import asyncio
import contextlib
import signal
import socket
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from game.commands.play import MANDATE, parse_seat
from game.commands.start import add_saves_option, saves_dir
from game.errors import AccordError

if TYPE_CHECKING:
    from game.net.codes import Codes
    from game.net.server import HostTls, RunningHost
    from game.session.session import Session

DEFAULT_PORT = 8470
EVERYWHERE = ("0.0.0.0", "::", "")


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "host", help="host a game for teams at their own machines (over the network)",
        description="Host a game: teams join from their own terminal (accord join) or browser (--web) with "
                    "the codes printed here; the facilitator joins with the facilitator's code.",
    )
    parser.add_argument("game", metavar="SCENARIO|SAVE",
                        help="a scenario (a file, or the name of a shipped one) for a new game, or a save to continue")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"the port (default: {DEFAULT_PORT}; 0: any)")
    parser.add_argument("--bind", default="127.0.0.1", metavar="ADDR",
                        help="the address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0: the room)")
    parser.add_argument("--seed", type=int,
                        help="random seed of a new game (default: the scenario's seed, else a random one)")
    parser.add_argument("--seat", action="append", default=[], metavar="ID=human|ai[:PERSONALITY]",
                        help="who plays a state or organization in a new game (as in accord play)")
    parser.add_argument("--web", action="store_true", help="also serve the join screen to browsers at /web/")
    parser.add_argument("--tls-cert", metavar="FILE",
                        help="serve HTTPS with this PEM certificate (teams trust it with accord join --ca FILE)")
    parser.add_argument("--tls-key", metavar="FILE", help="the certificate's PEM private key")
    add_saves_option(parser)
    parser.set_defaults(run=run)


def is_save(text: str) -> bool:
    path = Path(text)
    return path.name.endswith((".json", ".json.gz")) and path.is_file()


def open_session(args: argparse.Namespace) -> tuple["Session", Path | None]:
    """The session to host, and the save it continues (whose codes it keeps) if any."""
    from game.session.seats import Seat
    from game.session.session import Session, seat_table

    if is_save(args.game):
        if args.seat or args.seed is not None:
            raise AccordError("--seat and --seed are for a new game; a save keeps its own seats and seed")
        source = Path(args.game)
        return Session.load(source), source
    from game.commands.play import new_game_seed
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario
    from game.session.recent import remember_opened

    scenario = load_scenario(resolve_scenario(args.game))
    organizations = frozenset(org.id for org in scenario.organizations)
    seats = {org: Seat.ai(MANDATE) for org in sorted(organizations)}
    seats.update(parse_seat(text, organizations) for text in args.seat)
    seat_table(scenario, seats)
    seed = new_game_seed(args.seed, scenario)
    remember_opened(resolve_scenario(args.game))
    return Session.new(scenario, seed, seats, saves_dir(args)), None


def host_tls(cert: str | None, key: str | None) -> "HostTls | None":
    """The certificate and key to serve TLS with, both or neither, checked before anything starts."""
    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise AccordError("--tls-cert and --tls-key go together: give the certificate and its private key")
    from game.net.server import HostTls
    from game.net.tls import server_context

    return HostTls(cert, server_context(cert, key))


def lan_address() -> str | None:
    """This machine's address on the local network, for the join line (no packet is sent)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))
        address: str = probe.getsockname()[0]
        return None if address.startswith("127.") else address
    return None


def say(text: str) -> None:
    print(f"{time.strftime('%H:%M:%S')}  {text}", flush=True)


def banner(running: "RunningHost", codes: "Codes", source: Path | None) -> str:
    session = running.table.session
    scenario = session.scenario
    options = running.options
    address = running.address
    if options.bind in EVERYWHERE:
        address = f"{lan_address() or '<this machine address>'}:{running.port}"
    round_text = ("the game is over" if session.is_over else
                  f"{scenario.round_label} {session.round} of {scenario.rounds}")
    lines = [f"Accord host: {scenario.title} ({scenario.id}, seed {session.seed}), {round_text}"]
    if session.paused:
        lines.append("⏸ Paused, as the facilitator left it: orders wait until the console resumes (p).")
    if session.note:
        lines.append(f"Note: {session.note}")
    elif source is not None:
        lines.append(f"Continuing {source}")
    if session.path is not None:
        from game.net.codes import codes_path

        lines.append(f"Saved after every order in {session.path} (codes in {codes_path(session.path)})")
    target = running.join_target(address)
    lines += ["", "Each team joins from its own terminal with its own code:",
              f"  accord join {target} --code CODE", ""]
    for seat_id, seat in session.seats.items():
        name = running.table.names[seat_id]
        lines.append(f"  {name:<24} {codes.seats[seat_id] if seat.is_human else str(seat)}")
    lines += ["", f"  {'Facilitator (console)':<24} {codes.facilitator}",
              f"  accord join {target} --code {codes.facilitator}"]
    if options.web:
        scheme = "https" if options.tls else "http"
        lines.append(f"\nBrowsers: {scheme}://{address}/web/ (the team types its code there)")
    if options.tls is not None:
        lines.append(f"\nServing HTTPS with {options.tls.cert}: give teams that file for --ca, unless a certificate "
                     "authority their machines trust signed it.")
    elif options.bind in EVERYWHERE:
        lines.append("\n⚠ Listening on every network interface, without TLS: the codes are the only protection. "
                     "Use the class's own network, keep the facilitator's code to yourself, or serve TLS "
                     "(--tls-cert, --tls-key).")
    else:
        lines.append(f"\nListening on {options.bind} only: --bind 0.0.0.0 serves the room.")
    lines.append("Ctrl+C stops the host; everything is saved, and `accord host SAVE` continues with the same codes.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from game.net.codes import codes_for
    from game.net.server import HostOptions, serve
    from game.net.table import HostTable

    if not 0 <= args.port <= 65535:
        raise AccordError(f"--port {args.port}: a port is a number from 1 to 65535 (0: any free one)")
    tls = host_tls(args.tls_cert, args.tls_key)
    session, source = open_session(args)
    humans = [seat_id for seat_id, seat in session.seats.items() if seat.is_human]
    inherit = source if source is not None and session.path != source else None
    codes = codes_for(session.path, humans, inherit=inherit)
    table = HostTable(session, say=say)
    options = HostOptions(bind=args.bind, port=args.port, web=args.web, tls=tls)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(signum, stop.set)
        await serve(table, codes, options, lambda running: print(banner(running, codes, source), flush=True), stop)

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())
    print(f"accord: host stopped; the game is saved in {session.path}", file=sys.stderr)
    return 0
