"""`accord join HOST:PORT [--code CODE] [--ca FILE]`: play one team's screens (or open the
facilitator's console) from this machine, fed by a host started with `accord host`.

    accord join 192.168.1.20:8470           asks for the code on the screen (nobody else sees it)
    ACCORD_CODE=7HQ4-M2XD-9KTB-P3RW accord join 192.168.1.20:8470      the code from the environment
    accord join https://192.168.1.20:8470 --ca host.pem                a host serving TLS

A code on the command line (`--code`) can be read by every user of the machine with `ps`: on a
shared machine, type it on the screen or give it in `ACCORD_CODE`.
"""

import argparse
import os

CODE_VARIABLE = "ACCORD_CODE"
"""The environment variable a join code may come in: unlike a command line, not readable by others."""


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "join", help="join a hosted game from this machine (a team, or the facilitator's console)",
        description="Join a game hosted with `accord host`: a team's code opens its screens (a team member's "
                    "code, with `accord host --roles`, the team's screens for that member's part of the orders), "
                    "the facilitator's code the console. The code is asked for on the screen, or read from the "
                    f"{CODE_VARIABLE} environment variable; --code also works, but other users of this machine can "
                    "read a command line (ps).",
    )
    parser.add_argument("address", metavar="HOST:PORT", help="the host, as `accord host` prints it")
    parser.add_argument("--code", help=f"your join code (default: ${CODE_VARIABLE}, else type it on the screen; "
                                       "a code given here is visible to other users in ps)")
    parser.add_argument("--ca", metavar="FILE",
                        help="trust this certificate for an https:// host (the one its facilitator gave you)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.errors import AccordError
    from game.net.client import base_url, connect
    from game.net.tls import client_context
    from game.tui import has_terminal

    client_context(base_url(args.address), args.ca)  # a malformed address or certificate is said first
    if not has_terminal() and not os.environ.get("TEXTUAL_DRIVER"):  # textual-serve draws in a browser instead
        raise AccordError("accord join needs a terminal to draw the game in")
    code = args.code or os.environ.pop(CODE_VARIABLE, "").strip() or None  # not passed on to children
    remote = connect(args.address, code, args.ca) if code else None
    from game.tui.join import JoinApp

    app = JoinApp(args.address, remote, args.ca)
    try:
        app.run()
    finally:
        if remote is not None:
            remote.close()
    return app.return_code or 0
