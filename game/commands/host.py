"""`accord host SCENARIO|SAVE [--port P] [--bind ADDR] [--seat ...] [--seed N] [--web]
[--tls-cert FILE --tls-key FILE] [--roles | --roles-file FILE]`: a classroom over the network. One
process owns the game (the same session, log and autosave as the hot seat) and serves each team at its
own machine; it prints a join code per team (per member, with roles) and one for the facilitator.

    accord host tutorial                        the tutorial, on this machine only (127.0.0.1)
    accord host mekong --bind 0.0.0.0 --web     for the room, browsers too
    accord host mekong --bind 0.0.0.0 --tls-cert host.pem --tls-key host.key     the room, over TLS
    accord host saves/tutorial-...json          continue a game: same codes, same round, same address
    accord host europe --bind 0.0.0.0 --roles   each state's team in four roles, a code per member

How a game was hosted (--bind, --port, --web, the TLS files and the roles) is kept beside its codes, so that
`accord host SAVE` comes back where the teams look for it; an option given on the command line wins.
"""

import argparse
import asyncio
import contextlib
import shlex
import signal
import socket
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.commands.play import MANDATE, add_class_options, class_scenario, parse_seat, turn_seconds
from game.commands.start import add_saves_option, is_save, saves_dir
from game.errors import AccordError
from game.net.reading import DEFAULT_READING_MINUTES

if TYPE_CHECKING:
    from game.net.codes import Codes
    from game.net.roles import Split
    from game.net.server import HostTls, RunningHost
    from game.session.session import Session

DEFAULT_PORT = 8470
NAME_COLUMN_MAX = 56
"""The widest the banner's column of team names runs: with its indent and a code, 80 columns."""
LOOPBACK = "127.0.0.1"
EVERYWHERE = ("0.0.0.0", "::", "")


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "host", help="host a game for teams at their own machines (over the network)",
        description="Host a game: teams join from their own terminal (accord join) or browser (--web) with "
                    "the codes printed here; the facilitator joins with the facilitator's code.",
    )
    parser.add_argument("game", metavar="SCENARIO|SAVE",
                        help="a scenario (a file, or the name of a shipped one) for a new game, or a save to continue")
    parser.add_argument("--port", type=int, help=f"the port (default: {DEFAULT_PORT}, or the save's last one; 0: any)")
    parser.add_argument("--bind", metavar="ADDR",
                        help="the address to listen on (default: 127.0.0.1, this machine only, or the save's last "
                             "one; 0.0.0.0: the room)")
    parser.add_argument("--seed", type=int,
                        help="random seed of a new game (default: the scenario's seed, else a random one)")
    parser.add_argument("--seat", action="append", default=[], metavar="ID=human|ai[:PERSONALITY]",
                        help="who plays a state or organization in a new game (as in accord play)")
    parser.add_argument("--web", action=argparse.BooleanOptionalAction, default=None,
                        help="also serve the join screen to browsers at /web/ (default: as the save was hosted last)")
    parser.add_argument("--round-minutes", type=float, metavar="M",
                        help="each round ends after M minutes: teams not ready keep their standing orders and the "
                             "round resolves (the facilitator's console: p pauses the game and the timer, + adds two "
                             "minutes)")
    parser.add_argument("--reading-minutes", type=reading_minutes, metavar="M",
                        help="with --round-minutes: a round's countdown starts once every connected team has "
                             "closed the report of the round before, or after M minutes of reading, whichever "
                             "comes first; 0: the countdown starts as the round opens (default: "
                             f"{DEFAULT_READING_MINUTES:g}, or as the save was hosted last)")
    parser.add_argument("--roles", action=argparse.BooleanOptionalAction, default=None,
                        help="roles within each state's team: a code per member, each for its part of the orders "
                             "(head of government: ready, ratifying treaties; foreign minister: proposals, answers, "
                             "messages, withdrawals, accessions, public statements, pledges, and at summits calling "
                             "one, amendments, votes and signatures; interior minister: the budget for enforcement, "
                             "border, "
                             "intelligence, cyber and labour inspection; social affairs minister: laws and the budget "
                             "for protection and prevention); the team's own code keeps every part (default: as the "
                             "save was hosted last, else no roles)")
    parser.add_argument("--roles-file", metavar="FILE",
                        help="roles from a YAML file instead (role: [action types and capacities], and optionally "
                             "seats: [the seats that play in roles]); implies --roles; see "
                             "docs/teaching/facilitator-guide.md")
    add_class_options(parser)
    parser.add_argument("--tls-cert", metavar="FILE",
                        help="serve HTTPS with this PEM certificate (teams trust it with accord join --ca FILE)")
    parser.add_argument("--tls-key", metavar="FILE", help="the certificate's PEM private key")
    add_saves_option(parser)
    parser.set_defaults(run=run)


def reading_minutes(text: str) -> float:
    """`--reading-minutes`: 0 (no reading time) up to a day, or argparse's one line saying why not."""
    from game.session.clock import MAX_MINUTES

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of minutes") from None
    if not 0 <= value <= MAX_MINUTES:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"'{text}': give 0 (no reading time) up to {MAX_MINUTES} minutes")
    return value


def open_session(args: argparse.Namespace) -> tuple["Session", Path | None]:
    """The session to host, and the save it continues (whose codes it keeps) if any."""
    from game.session.seats import Seat
    from game.session.session import Session, seat_table

    if is_save(args.game):
        if args.seat or args.seed is not None:
            raise AccordError("--seat and --seed are for a new game; a save keeps its own seats and seed")
        if args.rounds is not None:
            raise AccordError("--rounds is for a new game; a save keeps its own number of rounds")
        source = Path(args.game)
        return Session.load(source), source
    from game.commands.play import new_game_seed
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario
    from game.session.recent import remember_opened

    scenario = class_scenario(load_scenario(resolve_scenario(args.game)), args.rounds)
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


def banner(running: "RunningHost", codes: "Codes", source: Path | None, restart: str | None = None,
           warning: str | None = None) -> str:
    from game.model.rounds import round_heading

    session = running.table.session
    scenario = session.scenario
    options = running.options
    address = running.address
    if options.bind in EVERYWHERE:
        address = f"{lan_address() or '<this machine address>'}:{running.port}"
    round_text = ("the game is over" if session.is_over else
                  round_heading(scenario.round_label, session.round, scenario.rounds, scenario.start_year))
    lines = [f"Accord host: {scenario.title} ({scenario.id}, seed {session.seed}), {round_text}"]
    if warning:
        lines += ["", warning, ""]
    if session.paused:
        lines.append("⏸ Paused, as the facilitator left it: orders wait until the console resumes (p).")
    clock = running.table.clock
    if clock is not None:
        lines.append(f"⏱ Round timer: {clock.seconds / 60:g} minutes a round; teams not ready then keep their "
                     "standing orders. The console's p pauses it with the game, + adds two minutes.")
        if running.table.reading_seconds:
            lines.append(f"  Each round's countdown starts once every connected team has closed the last report, "
                         f"or after {running.table.reading_seconds / 60:g} minutes of reading.")
    if session.note:
        lines.append(f"Note: {session.note}")
    elif source is not None:
        lines.append(f"Continuing {source}")
    if session.path is not None:
        from game.net.codes import codes_path

        lines.append(f"Saved after every order in {session.path} (codes in {codes_path(session.path)})")
    target = running.join_target(address)
    lines += ["", "Each team joins from its own terminal and types its own code on the screen (or gives it in "
                  "ACCORD_CODE):", f"  accord join {target}", ""]
    members = running.table.members
    # one column for the names, as wide as the longest (an organization's, 'UN Office on Drugs and
    # Crime (Southeast Asia office)', ran past 24 and pushed its code out of line), within 80 columns
    width = min(NAME_COLUMN_MAX, max(24, *(len(running.table.names[seat_id]) for seat_id in session.seats)))
    for seat_id, seat in session.seats.items():
        name = running.table.names[seat_id]
        if seat_id in members:
            from game.session.seat_reports import role_words

            lines.append(f"  {name}, one code per member:")
            lines += [f"    {role_words(role):<24} {codes.members[seat_id][role]}" for role in members[seat_id]]
            lines.append(f"    {'(the whole team)':<24} {codes.seats[seat_id]}  every part: for a team short of "
                         "members")
            continue
        if len(name) > width:
            name = name[:width - 1].rstrip() + "…"
        lines.append(f"  {name:<{width}} {codes.seats[seat_id] if seat.is_human else str(seat)}")
    lines += ["", f"  {'Facilitator (console)':<{width}} {codes.facilitator}"]
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
    if restart is not None:
        lines.append(f"To continue after a stop (same codes, same address; the options are kept with the codes):\n"
                     f"  {restart}")
    lines.append("Ctrl+C stops the host; everything is saved.")
    return "\n".join(lines)


def listening(args: argparse.Namespace, saved: dict[str, Any]) -> dict[str, Any]:
    """The listening options, and the round timer: each from the command line if given there, else as
    the game was last hosted (kept beside its codes), else the default."""
    def pick(given: Any, key: str, kind: type, default: Any) -> Any:
        if given is not None:
            return given
        value = saved.get(key)
        if kind is bool:
            return value if isinstance(value, bool) else default
        return value if isinstance(value, kind) and not isinstance(value, bool) else default

    port = pick(args.port, "port", int, DEFAULT_PORT)
    return {"bind": pick(args.bind, "bind", str, LOOPBACK), "port": port if 0 <= port <= 65535 else DEFAULT_PORT,
            "web": pick(args.web, "web", bool, False), "tls_cert": pick(args.tls_cert, "tls_cert", str, None),
            "tls_key": pick(args.tls_key, "tls_key", str, None),
            "round_minutes": pick(args.round_minutes, "round_minutes", float, None),
            "reading_minutes": pick(args.reading_minutes, "reading_minutes", float, None)}


def listening_tls(args: argparse.Namespace, listen: dict[str, Any]) -> "HostTls | None":
    """The TLS to serve with (checked now), its files kept as absolute paths in `listen`."""
    cert, key = listen["tls_cert"], listen["tls_key"]
    if cert is not None and args.tls_cert is None and args.tls_key is None \
            and not (Path(cert).is_file() and Path(str(key)).is_file()):
        raise AccordError(f"this game was hosted over TLS with {cert}, which is not there any more: "
                          "give --tls-cert and --tls-key again")
    tls = host_tls(cert, key)
    if tls is not None:
        listen["tls_cert"], listen["tls_key"] = str(Path(cert).resolve()), str(Path(str(key)).resolve())
    return tls


def restart_command(save: Path, listen: dict[str, Any]) -> str:
    """The command that continues this game where the teams look for it (with the `accord` this host
    was started as, `.venv/bin/accord` say)."""
    program = sys.argv[0] if Path(sys.argv[0]).name == "accord" else "accord"
    words = [program, "host", str(save), "--bind", listen["bind"], "--port", str(listen["port"])]
    if listen["web"]:
        words.append("--web")
    if listen["tls_cert"] and listen["tls_key"]:
        words += ["--tls-cert", listen["tls_cert"], "--tls-key", listen["tls_key"]]
    if listen.get("round_minutes"):
        words += ["--round-minutes", f"{listen['round_minutes']:g}"]
        if listen.get("reading_minutes") is not None:
            words += ["--reading-minutes", f"{listen['reading_minutes']:g}"]
    return shlex.join(words)


def roles_split(args: argparse.Namespace, saved: dict[str, Any] | None, session: "Session") -> "Split | None":
    """The split of each team's orders among its members: from --roles-file, the default one with
    --roles, none with --no-roles, else the one the game was last hosted with (kept with its codes)."""
    from game.net.roles import DEFAULT_SPLIT, from_kept, load_split

    if args.roles_file is not None and args.roles is False:
        raise AccordError("--roles-file and --no-roles contradict each other: give one of them")
    split: Split | None
    if args.roles_file is not None:
        split = load_split(Path(args.roles_file))
    elif args.roles is not None:
        split = DEFAULT_SPLIT if args.roles else None
    elif saved is not None:
        split = from_kept(saved, "the roles kept with this game's codes")
    else:
        return None
    if split is not None and split.seats is not None:
        humans = {seat_id for seat_id, seat in session.seats.items() if seat.is_human}
        strangers = sorted(split.seats - humans)
        if strangers:
            raise AccordError(f"{args.roles_file or 'roles'}: error: seats: {', '.join(strangers)} "
                              f"{'is not a human seat' if len(strangers) == 1 else 'are not human seats'} at this "
                              f"table (the human seats: {', '.join(sorted(humans)) or 'none'})")
    return split


def new_codes_warning(save: Path) -> str:
    from game.net.codes import codes_path

    return (f"⚠ NEW CODES: no codes file was found beside {save} ({codes_path(save)} was deleted, or its folder "
            "was): new codes were drawn for this game. The teams' old codes no longer work: give every team "
            "its new code below.")


def was_hosted(session: "Session") -> bool:
    """Whether this game was hosted before (an order came over the network, with its request id, or
    the facilitator paused it): then its teams have codes, and new ones must be said loudly."""
    log = session.document.log
    return session.paused or any(entry.request is not None
                                 for entries in [*(closed.actions for closed in log.rounds), log.open]
                                 for entry in entries)


def run(args: argparse.Namespace) -> int:
    from game.net.codes import codes_for, codes_path, give_members, write_codes
    from game.net.roles import kept
    from game.net.server import HostOptions, serve
    from game.net.table import HostTable

    if args.port is not None and not 0 <= args.port <= 65535:
        raise AccordError(f"--port {args.port}: a port is a number from 1 to 65535 (0: any free one)")
    turn_seconds(args.round_minutes, "--round-minutes")  # a bad timer is refused before a game is made
    session, source = open_session(args)
    if session.warning:
        print(session.warning, file=sys.stderr, flush=True)
    humans = [seat_id for seat_id, seat in session.seats.items() if seat.is_human]
    inherit = source if source is not None and session.path != source else None
    codes = codes_for(session.path, humans, inherit=inherit)
    listen = listening(args, codes.listen)
    tls = listening_tls(args, listen)
    seconds = turn_seconds(listen["round_minutes"], "--round-minutes")
    table = HostTable(session, say=say)
    split = roles_split(args, codes.roles, session)
    drawn = give_members(codes, table.use_roles(split))
    roles_data = kept(split)
    if session.path is not None and (drawn or codes.roles != roles_data):
        codes.roles = roles_data
        write_codes(codes_path(session.path), codes)
    if seconds is not None:
        reading = listen["reading_minutes"]
        table.set_round_timer(seconds, reading=(DEFAULT_READING_MINUTES if reading is None else reading) * 60)
    options = HostOptions(bind=listen["bind"], port=listen["port"], web=listen["web"], tls=tls)
    warning = new_codes_warning(source) if source is not None and codes.drawn and was_hosted(session) else None

    def keep_listening_options() -> None:
        if session.path is not None and codes.listen != listen:
            codes.listen = dict(listen)
            write_codes(codes_path(session.path), codes)

    def ready(running: "RunningHost") -> None:
        listen["port"] = running.port  # the port bound, for --port 0
        keep_listening_options()
        print(banner(running, codes, source, restart=restart_command(session.path, listen)
                     if session.path is not None else None, warning=warning), flush=True)

    if listen["port"]:
        keep_listening_options()  # before anyone can reach the host and read them

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(signum, stop.set)
        await serve(table, codes, options, ready, stop)

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())
    print("\n".join(farewell(session.path, listen)), file=sys.stderr)
    return 0


def farewell(save: Path | None, listen: dict[str, Any]) -> list[str]:
    """What the host prints once stopped: the command to continue on a line of its own, so that a
    facilitator copies it whole ('accord: to continue it: accord host ...' wrapped mid-command)."""
    if save is None:
        return ["accord: host stopped"]
    return [f"accord: host stopped; the game is saved in {save}", "accord: to continue it, run:",
            restart_command(save, listen)]
