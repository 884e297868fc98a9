"""Roles within a team (`accord host --roles`): which member of a seat may give which order.

With five students at one keyboard most of them watch; with roles, each member joins with a code of
their own and gives their part of the team's orders. The split is one table, `DEFAULT_PARTS`: each
role and the action types and allocation fields (capacities) that are its part. An action type in no
role's part falls to `DEFAULT_ROLE`, the foreign minister (new kinds of diplomacy land there until a
line here says otherwise); each capacity must be in exactly one part.

A budget (`allocate`) spans several roles' fields: a member sets its own fields, and every other
field keeps its standing value (what the state allocates now), so that the interior minister's
budget never undoes the social affairs minister's. The host rewrites the member's order to that
whole budget before the rules see it, and logs it so: a replay needs no roles. A member that tries
to change another role's field (a value unlike the standing one) is refused with the role and part
named, rather than silently ignored, so that nobody believes they set what they did not; a field sent
at its standing value is no change, so a full budget form with only one's own fields touched passes
(a member's own client sends its own fields only).

Roles are a matter of the host's table, not of the engine: the game's states and hashes are those
of the same orders given by one player. A seat with no roles (an organization by default, every seat
when roles are off) plays with its one code, every order open to it, as before.

A class can change the split with a YAML (or JSON) file, `accord host SCENARIO --roles FILE`:

    head_of_government: [ready]
    foreign_minister: [propose, respond, withdraw, message, accede]
    interior_minister: [enforcement, border, intelligence, cyber, labour_inspection]
    social_affairs_minister: [protection, prevention, adopt_law, repeal_law]
    seats: [aldmark, korvia]        # optional: the seats that play in roles (default: every state)

Role ids are lower-case words joined by `_`, read as words on the screens ('interior minister').
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from game.errors import AccordError
from game.model.actions import INSTRUMENTS, Action, Allocate
from game.model.vocabulary import CAPACITIES
from game.session.seat_reports import role_words

HEAD = "head_of_government"
FOREIGN = "foreign_minister"
INTERIOR = "interior_minister"
SOCIAL = "social_affairs_minister"

DEFAULT_PARTS: dict[str, tuple[str, ...]] = {
    HEAD: ("ready", "ratify"),
    FOREIGN: ("propose", "respond", "withdraw", "message", "accede", "convene", "monitor", "call_summit", "amend",
              "vote", "sign", "statement", "pledge"),
    INTERIOR: ("enforcement", "border", "intelligence", "cyber", "labour_inspection", "train"),
    SOCIAL: ("protection", "prevention", "adopt_law", "repeal_law", "assist", "campaign"),
}
"""Each role's part: action types and allocation fields. Add a new action type to a role with one word
here; one in no part goes to `DEFAULT_ROLE`."""
DEFAULT_ROLE = FOREIGN
"""The role of any action type no part names."""
ALLOCATE = "allocate"
"""Not a part of its own: a budget is split by its fields (`CAPACITIES`)."""
MOST_LETTERS = 40
"""Letters in a role's id (a save keeps it with each order, in at most 64)."""
UNCHANGED = 0.05
"""Points within which another role's field counts as sent at its standing value: a form shows
points to one decimal, so a standing 3.33 comes back as 3.3 without anyone changing it."""


ORDER_WORDS: dict[str, str] = {
    "ready": "ending the team's turn", "propose": "proposals", "respond": "answers to proposals",
    "withdraw": "withdrawing from agreements", "message": "messages", "accede": "acceding to conventions",
    "adopt_law": "adopting laws", "repeal_law": "repealing laws", "train": "training", "monitor": "monitoring",
    "assist": "assistance", "campaign": "campaigns", "convene": "convening negotiations",
    "statement": "public statements", "pledge": "pledges", "call_summit": "calling summits",
    "chair_summit": "chairing summits", "amend": "amendments at summits", "vote": "votes at summits",
    "sign": "signing treaties", "ratify": "ratifying treaties",
}
"""An order's kind as a student reads it in a refusal; a kind not here reads as its type's words."""
STATES_ONLY = ("allocate", "adopt_law", "repeal_law", "accede")


def order_words(kind: str) -> str:
    return ORDER_WORDS.get(kind, kind.replace("_", " "))


def action_types() -> tuple[str, ...]:
    """Every action type a seat may give (the facilitator's `inject` is no team's)."""
    union = get_args(get_args(Action)[0])
    types = [get_args(model.model_fields["type"].annotation)[0] for model in union]
    return tuple(t for t in types if t != "inject")


class RolesError(AccordError):
    """A roles file that cannot be used: one line naming the file and what is wrong."""


class OutsidePart(AccordError):
    """An order from a member outside its role's part (the host answers 403, nothing recorded)."""


@dataclass(frozen=True)
class Split:
    """Who gives what within a team: role -> its part (action types and capacities), and the seats
    that play in roles (None: every state seat)."""

    parts: dict[str, frozenset[str]]
    default: str = DEFAULT_ROLE
    seats: frozenset[str] | None = None
    _owner: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for role, part in self.parts.items():
            for item in part:
                self._owner[item] = role

    @property
    def roles(self) -> list[str]:
        return list(self.parts)

    def plays_in_roles(self, seat: str, states: Iterable[str]) -> bool:
        return seat in self.seats if self.seats is not None else seat in set(states)

    def owner(self, item: str) -> str:
        """The role whose part an action type or capacity is."""
        return self._owner.get(item, self.default)

    def allows(self, role: str, item: str) -> bool:
        return self.owner(item) == role

    def fields(self, role: str) -> list[str]:
        """The capacities of a budget that are `role`'s."""
        return [capacity for capacity in CAPACITIES if self.owner(capacity) == role]

    def part_words(self, role: str, organization: bool = False) -> str:
        """`role`'s part in words, for a refusal and the team's screen: the orders a state's member
        may give (an organization's, with `organization`)."""
        kinds = [t for t in action_types() if t != ALLOCATE and self.owner(t) == role
                 and (t not in STATES_ONLY if organization else t not in INSTRUMENTS)]
        words = [order_words(t) for t in kinds]
        fields = [] if organization else self.fields(role)
        if fields:
            words.append("the budget for " + ", ".join(f.replace("_", " ") for f in fields))
        return ", ".join(words) or "nothing (every order is another role's)"

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {role: sorted(part) for role, part in self.parts.items()}
        if self.seats is not None:
            data["seats"] = sorted(self.seats)
        return data

    # --- an order from a member --------------------------------------------------------------------

    def order(self, role: str, action: Action, standing: Mapping[str, float], organization: bool = False) -> Action:
        """The order to apply when `role` sends `action`: itself, or for a budget the whole budget with
        `role`'s fields from it and the others at their `standing` values. `OutsidePart` if it is not
        `role`'s to give."""
        if not isinstance(action, Allocate):
            if not self.allows(role, action.type):
                raise OutsidePart(f"you are the {role_words(role)}: this order ({order_words(action.type)}) is "
                                  f"the {role_words(self.owner(action.type))}'s part, not yours (your part: "
                                  f"{self.part_words(role, organization)})")
            return action
        mine = set(self.fields(role))
        if not mine:
            raise OutsidePart(f"you are the {role_words(role)}: the budget is not your part "
                              f"(your part: {self.part_words(role, organization)})")
        changed = [capacity for capacity, points in action.budget.items()
                   if capacity not in mine and abs(points - standing.get(capacity, 0.0)) > UNCHANGED]
        if changed:
            owners = sorted({role_words(self.owner(c)) for c in changed})
            raise OutsidePart(f"you are the {role_words(role)}: the budget for "
                              f"{', '.join(c.replace('_', ' ') for c in changed)} is the {' and '.join(owners)}'s "
                              f"part, not yours (your part: {self.part_words(role)})")
        budget = {c: float(standing.get(c, 0.0)) for c in CAPACITIES if c not in mine}
        given: dict[str, float] = {str(c): v for c, v in action.budget.items()}
        budget.update({c: float(given.get(c, 0.0)) for c in CAPACITIES if c in mine})
        budget = {c: v for c, v in budget.items() if v > 0}
        return Allocate.model_validate({"state": action.state, "round": action.round, "budget": budget})


DEFAULT_SPLIT = Split({role: frozenset(part) for role, part in DEFAULT_PARTS.items()})


def split_from_data(data: object, name: str) -> Split:
    """A split from a roles file's data (see the module), or `RolesError` naming what is wrong."""
    if not isinstance(data, dict) or not data:
        raise RolesError(f"{name}: error: a roles file maps each role to its part, e.g. "
                         "'interior_minister: [enforcement, border]'")
    known = set(action_types()) - {ALLOCATE}
    seats: frozenset[str] | None = None
    parts: dict[str, frozenset[str]] = {}
    seen: dict[str, str] = {}
    for role, part in data.items():
        if role == "seats":
            if not isinstance(part, list) or not all(isinstance(s, str) for s in part):
                raise RolesError(f"{name}: error: seats: a list of seat ids, e.g. [aldmark, korvia]")
            seats = frozenset(part)
            continue
        if not isinstance(role, str) or not role.replace("_", "").isalpha() or not role.islower() \
                or len(role) > MOST_LETTERS:
            raise RolesError(f"{name}: error: '{role}': a role is lower-case words joined by '_', at most "
                             f"{MOST_LETTERS} letters, e.g. interior_minister")
        if not isinstance(part, list) or not all(isinstance(item, str) for item in part):
            raise RolesError(f"{name}: error: {role}: a list of action types and capacities, e.g. [ready]")
        for item in part:
            if item not in known and item not in CAPACITIES:
                raise RolesError(f"{name}: error: {role}: '{item}' is neither an action type "
                                 f"({', '.join(sorted(known))}) nor a capacity ({', '.join(CAPACITIES)})")
            if item in seen:
                raise RolesError(f"{name}: error: {role}: '{item}' is already the {seen[item]}'s part; "
                                 "give each order to one role")
            seen[item] = role
        parts[role] = frozenset(part)
    if len(parts) < 2:
        raise RolesError(f"{name}: error: name at least two roles (one role is a team without roles)")
    unowned = [c for c in CAPACITIES if c not in seen]
    if unowned:
        raise RolesError(f"{name}: error: the budget for {', '.join(unowned)} is in no role's part; "
                         "give each capacity to one role")
    default = DEFAULT_ROLE if DEFAULT_ROLE in parts else next(iter(parts))
    return Split(parts, default, seats)


DEFAULT_KEPT = {"split": "default"}
"""How the codes file keeps the default split: by name, so a host restarted by a newer Accord uses its
table (with the action types added since in their roles), not a copy of the old one."""


def kept(split: Split | None) -> dict[str, Any] | None:
    """`split` as the codes file keeps it (None: no roles)."""
    if split is None:
        return None
    return dict(DEFAULT_KEPT) if split == DEFAULT_SPLIT else split.to_data()


def from_kept(data: dict[str, Any], name: str) -> Split:
    """The split a codes file kept (`kept`), or `RolesError`."""
    return DEFAULT_SPLIT if data == DEFAULT_KEPT else split_from_data(data, name)


def load_split(path: Path) -> Split:
    """A roles file (YAML or JSON), or `RolesError` in one line."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RolesError(f"{path}: error: cannot read it: {getattr(error, 'strerror', None) or error}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        raise RolesError(f"{path}{where}: error: not YAML: {getattr(error, 'problem', None) or error}") from None
    return split_from_data(data, str(path))
