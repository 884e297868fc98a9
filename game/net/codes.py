"""Join codes: one per seat and one for the facilitator, random, hard to guess and easy to type.

A code is 16 characters of Crockford's base 32 (80 random bits from `secrets`), shown in groups of
four: `7HQ4-M2XD-9KTB-P3RW`. Students type it, often on a projector's word, so the alphabet leaves out
the letters that read like digits (I, L, O, U) and reading is forgiving: case, spaces and dashes do
not count, and O, I and L read as 0, 1 and 1. 80 bits with a rate limit on the host is far beyond
guessing within a class (token_urlsafe gives more bits but mixes cases and symbols a class cannot
dictate).

Codes are kept beside the save, in `<save stem>.codes` (not `.json`, so that no save list takes it
for a game), written atomically and readable by the owner only, so a host restarted on the same save
keeps the same codes and the teams' clients reconnect with what they have. Comparing a code is done in
constant time against every code, so a response's timing tells nothing about which codes exist.

With roles within a team (`accord host --roles`, `game.net.roles`) each seat that plays in roles has
also a code per role (`members`: seat -> role -> code), and the file keeps the split the host used
(`roles`), so that a host restarted on the save brings the same roles back. A member's code grants
its seat and its role; the seat's own code still grants the whole team (every part).
"""

import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game import jsontext
from game.errors import AccordError
from game.session.store import write_atomically

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16
GROUP = 4
KIND = "accord-codes"
FACILITATOR = "facilitator"
"""The role of the facilitator's code (no seat has this id: seats are the scenario's states and
organizations, and `Codes` refuses a seat of that name)."""
_READS_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i:i + GROUP] for i in range(0, LENGTH, GROUP))


def normalize(text: str) -> str:
    """A code as typed -> its canonical characters: upper case, no spaces or dashes, O/I/L read as digits."""
    return "".join(ch for ch in text.upper().translate(_READS_AS) if ch not in " -\t")


class CodesError(AccordError):
    pass


@dataclass
class Codes:
    facilitator: str
    seats: dict[str, str] = field(default_factory=dict)
    """Seat id -> its code."""
    listen: dict[str, Any] = field(default_factory=dict)
    """How the host last listened (bind, port, web, tls_cert, tls_key), so that `accord host SAVE`
    comes back where the teams' clients and browsers look for it."""
    members: dict[str, dict[str, str]] = field(default_factory=dict)
    """Seat -> role -> the code of the member playing that role (`game.net.roles`)."""
    roles: dict[str, Any] | None = None
    """The split of orders among roles the host last used (`game.net.roles.kept`), None: no roles."""
    active: dict[str, list[str]] = field(default_factory=dict, compare=False)
    """Seat -> the roles whose codes this host accepts now (kept codes of roles not in use are not)."""
    drawn: bool = field(default=False, compare=False)
    """Drawn now, none being found: a game continued with new codes must say so loudly."""

    @classmethod
    def new(cls, seat_ids: list[str]) -> "Codes":
        if FACILITATOR in seat_ids:
            raise CodesError(f"a seat cannot be called '{FACILITATOR}': that name is the facilitator's")
        return cls(new_code(), {seat: new_code() for seat in seat_ids}, drawn=True)

    def role(self, given: str) -> str | None:
        """The seat id (or `FACILITATOR`) that `given` grants, or None."""
        held = self.holder(given)
        return held[0] if held is not None else None

    def holder(self, given: str) -> tuple[str, str | None] | None:
        """(the seat id or `FACILITATOR`, the member's role or None for the seat's own code) that
        `given` grants, or None. Every code is compared, each in constant time, whatever matches, so
        the time taken does not depend on which one does."""
        wanted = normalize(given).encode()
        found: tuple[str, str | None] | None = None
        every: list[tuple[str, str | None, str]] = [(FACILITATOR, None, self.facilitator)]
        every += [(seat, None, code) for seat, code in self.seats.items()]
        every += [(seat, role, self.members[seat][role]) for seat, roles in self.active.items() for role in roles
                  if role in self.members.get(seat, {})]
        for seat, role, code in every:
            if hmac.compare_digest(wanted, normalize(code).encode()) and found is None:
                found = (seat, role)
        return found

    def to_text(self) -> str:
        data: dict[str, Any] = {"kind": KIND, "facilitator": self.facilitator, "seats": self.seats}
        if self.listen:
            data["listen"] = self.listen
        if self.members:
            data["members"] = self.members
        if self.roles is not None:
            data["roles"] = self.roles
        return jsontext.dumps(data, indent=1) + "\n"

    @classmethod
    def from_text(cls, text: str, name: str) -> "Codes":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise CodesError(f"{name}: error: not a codes file ({error.msg} at line {error.lineno}); "
                             "remove it to draw new codes") from None
        if not isinstance(data, dict) or data.get("kind") != KIND:
            raise CodesError(f"{name}: error: not an Accord codes file; remove it to draw new codes")
        seats = data.get("seats")
        facilitator = data.get("facilitator")
        if not isinstance(facilitator, str) or not isinstance(seats, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in seats.items()):
            raise CodesError(f"{name}: error: the codes file is damaged; remove it to draw new codes")
        listen = data.get("listen")
        members = data.get("members", {})
        if not isinstance(members, dict) or not all(
                isinstance(roles, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in roles.items())
                for roles in members.values()):
            raise CodesError(f"{name}: error: the codes file's members are damaged; remove it to draw new codes")
        roles = data.get("roles")
        return cls(facilitator, dict(seats), dict(listen) if isinstance(listen, dict) else {},
                   {seat: dict(codes) for seat, codes in members.items()}, roles if isinstance(roles, dict) else None)


def codes_path(save: Path) -> Path:
    """Where a save's codes live: beside it, `<stem>.codes`."""
    stem = save.name.removesuffix(".gz").removesuffix(".json")
    return save.with_name(f"{stem}.codes")


def codes_for(save: Path | None, seat_ids: list[str], *, inherit: Path | None = None,
              members: dict[str, list[str]] | None = None) -> Codes:
    """The codes of the game saved at `save`: those already kept beside it (or beside `inherit`, the
    save it continues), with a new code for any seat that has none, and for any role of `members`
    (seat -> its roles, when the host splits teams into roles) that has none; written back when
    anything is new. A game kept in memory (`save` None) draws codes that last as long as the host."""
    sources = [p for p in (save, inherit) if p is not None]
    codes: Codes | None = None
    for source in sources:
        path = codes_path(source)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        except OSError as error:
            raise CodesError(f"{path}: error: cannot read it: {error.strerror or error}") from None
        codes = Codes.from_text(text, str(path))
        break
    changed = codes is None or (save is not None and inherit is not None and not codes_path(save).exists())
    if codes is None:
        codes = Codes.new(seat_ids)
    for seat in seat_ids:
        if seat not in codes.seats:
            codes.seats[seat] = new_code()
            changed = True
    changed = give_members(codes, members or {}) or changed
    if save is not None and changed:
        write_codes(codes_path(save), codes)
    return codes


def give_members(codes: Codes, members: dict[str, list[str]]) -> bool:
    """Accept the codes of `members` (seat -> roles) from now on, drawing one for each role that has
    none; whether any was drawn (then the file is to be written)."""
    changed = False
    for seat, roles in members.items():
        kept = codes.members.setdefault(seat, {})
        for role in roles:
            if role not in kept:
                kept[role] = new_code()
                changed = True
    codes.active = {seat: list(roles) for seat, roles in members.items()}
    return changed


def facilitator_code_check(save: Path) -> Callable[[str], bool] | None:
    """For a hosted game's save, whether a typed code is its facilitator's (which also opens the
    game's replay before it is over: `game.session.facilitator`); None without a readable codes file."""
    path = codes_path(save)
    try:
        codes = Codes.from_text(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError, CodesError):
        return None
    return lambda given: codes.role(given) == FACILITATOR


def write_codes(path: Path, codes: Codes) -> None:
    """Readable by the owner only: a code is a key to a team's seat."""
    write_atomically(path, codes.to_text().encode(), mode=0o600)
