"""`accord join HOST:PORT [--code CODE] [--ca FILE]`: play one team's screens (or open the
facilitator's console) from this machine, fed by a host started with `accord host`.

    accord join 192.168.1.20:8470 --code 7HQ4-M2XD-9KTB-P3RW
    accord join 127.0.0.1:8470              asks for the code on the screen
    accord join https://192.168.1.20:8470 --ca host.pem --code ...     a host serving TLS
"""

import argparse
import os


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "join", help="join a hosted game from this machine (a team, or the facilitator's console)",
        description="Join a game hosted with `accord host`: a team's code opens its screens, the facilitator's "
                    "code the console. Without --code, the code is asked for on the screen.",
    )
    parser.add_argument("address", metavar="HOST:PORT", help="the host, as `accord host` prints it")
    parser.add_argument("--code", help="your join code (default: type it on the screen)")
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
    remote = connect(args.address, args.code, args.ca) if args.code else None
    from game.tui.join import JoinApp

    app = JoinApp(args.address, remote, args.ca)
    try:
        app.run()
    finally:
        if remote is not None:
            remote.close()
    return app.return_code or 0
