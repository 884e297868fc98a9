"""TLS for a host that serves a room: on a shared network anyone can read plain HTTP, join codes
included, and a code read is a team's private brief and orders taken. With a certificate and its key
(`accord host --tls-cert --tls-key`) the host speaks HTTPS and WSS; a team's machine trusts the
host's certificate as its system does, or as `accord join --ca FILE` tells it (a self-signed one).
"""

import ssl
from pathlib import Path
from urllib.parse import urlsplit

from game.errors import AccordError

LOOPBACK_NAMES = frozenset({"127.0.0.1", "::1", "localhost"})


def server_context(cert: str, key: str) -> ssl.SSLContext:
    """The host's side, or `AccordError` naming the file that is missing or wrong."""
    for flag, path in (("--tls-cert", cert), ("--tls-key", key)):
        if not Path(path).is_file():
            raise AccordError(f"{flag} {path}: no such file")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(cert, key)
    except (ssl.SSLError, ValueError) as error:
        reason = getattr(error, "reason", None) or str(error)
        raise AccordError(f"--tls-cert {cert} and --tls-key {key}: not a PEM certificate and its private key "
                          f"({reason})") from None
    return context


def client_context(base: str, ca: str | None) -> ssl.SSLContext | None:
    """A team's side for the host at `base` (a URL): None for plain HTTP. `ca` is a certificate to
    trust beside the system's; on this machine's own loopback (a browser's session, started by the
    host itself) that certificate alone is checked, not the name in it."""
    if not base.startswith("https://"):
        if ca is not None:
            raise AccordError(f"--ca is for a host served over TLS: give its address as https://{base.split('://')[-1]}")
        return None
    if ca is not None and not Path(ca).is_file():
        raise AccordError(f"--ca {ca}: no such file")
    try:
        context = ssl.create_default_context(cafile=ca)
    except ssl.SSLError as error:
        raise AccordError(f"--ca {ca}: not a PEM certificate ({error.reason or error})") from None
    if ca is not None and urlsplit(base).hostname in LOOPBACK_NAMES:
        context.check_hostname = False
    return context
