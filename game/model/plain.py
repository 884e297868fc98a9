"""A validation error in a sentence, for the people who typed the input: `the budget for border
must be 0 or more (you gave -1)` rather than pydantic's `allocate.budget.border: Input should be
greater than or equal to 0`. Forms, the network and the command line all parse actions through
`Session.parse_action`, which words its refusals with this."""

import math
from collections.abc import Callable
from typing import Any, get_args

from pydantic import ValidationError

from game.model.actions import Action

ACTION_TYPES: tuple[str, ...] = tuple(str(kind.model_fields["type"].default) for kind in get_args(get_args(Action)[0]))
"""Every order's `type`, in the order the union lists them: the first step of an error's path."""


def plain_error(error: ValidationError) -> str:
    """The first problem of `error` as one sentence naming the field, what it must be, and the value given."""
    first = error.errors()[0]
    kind, ctx = first["type"], first.get("ctx") or {}
    parts = [part for part in first["loc"] if part not in ACTION_TYPES and part != "[key]"]
    key_error = "[key]" in first["loc"]
    subject = _subject(parts)
    given = first.get("input")
    if kind == "union_tag_invalid":
        return f"'{ctx.get('tag')}' is not an order; the orders are {', '.join(ACTION_TYPES)}"
    if kind == "union_tag_not_found":
        return f"the order has no type; the orders are {', '.join(ACTION_TYPES)}"
    if kind == "missing":
        return f"{subject} is missing"
    if kind == "extra_forbidden":
        return f"'{parts[-1] if parts else '?'}' is not part of this order"
    if key_error and kind in ("literal_error", "enum"):
        return f"'{given}' is not one of {_expected(ctx)}, in {_subject(parts[:-1])}"
    rules: dict[str, Callable[[], str]] = {
        "greater_than_equal": lambda: f"must be {_g(ctx.get('ge'))} or more",
        "greater_than": lambda: f"must be more than {_g(ctx.get('gt'))}",
        "less_than_equal": lambda: f"must be {_g(ctx.get('le'))} or less",
        "less_than": lambda: f"must be less than {_g(ctx.get('lt'))}",
        "float_parsing": lambda: "must be a number", "float_type": lambda: "must be a number",
        "int_parsing": lambda: "must be a whole number", "int_type": lambda: "must be a whole number",
        "int_from_float": lambda: "must be a whole number",
        "string_too_short": lambda: "cannot be empty" if ctx.get("min_length") == 1
        else f"needs at least {ctx.get('min_length')} characters",
        "string_too_long": lambda: f"is too long: at most {ctx.get('max_length')} characters",
        # 'must hold' agrees with a plural field as with a singular one: 'the clauses needs at least 1
        # entries' was what a team read on calling a summit with no clause ticked
        "too_short": lambda: "cannot be empty" if ctx.get("min_length") == 1
        else f"must hold at least {_entries(ctx.get('min_length'))}",
        "too_long": lambda: f"must hold at most {_entries(ctx.get('max_length'))}",
        "literal_error": lambda: f"must be {_expected(ctx)}", "enum": lambda: f"must be {_expected(ctx)}",
        "string_pattern_mismatch": lambda: "must be an id: lower-case letters, digits and dashes",
    }
    # a number as the bounds beside it are written: a typed 1e9 read '(you gave 1000000000.0)' under
    # 'must be 1,000,000 or less', and -3 read '(you gave -3.0)'
    # (an int past a float's range, 400 nines from a network order, keeps its digits)
    number = isinstance(given, float) or (isinstance(given, int) and not isinstance(given, bool)
                                          and abs(given) < 10**15)
    said_given = _g(given) if number else repr(given)
    shown = "" if isinstance(given, dict | list) or given is None else f" (you gave {said_given})"
    if kind in ("value_error", "assertion_error"):  # a validator's own sentence, after pydantic's prefix
        reason = str(first["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        return f"{subject}: {reason}{shown}"
    rule = rules.get(kind)
    said = rule() if rule is not None else first["msg"][:1].lower() + first["msg"][1:]
    return f"{subject} {said}{shown}"


KEYED = ("budget", "contributions")
"""Fields whose keys are the player's choice (a capacity, a party) rather than field names."""


def _subject(parts: list[Any]) -> str:
    words = [f"entry {part + 1}" if isinstance(part, int) else str(part).replace("_", " ") for part in parts]
    if not words:
        return "the order"
    if len(words) == 1:
        return f"the {words[0]}"
    if len(words) == 2:  # a value under a key (the budget for border), or a field of a part (the duration in the terms)
        return f"the {words[0]} for {words[1]}" if parts[0] in KEYED else f"the {words[1]} in the {words[0]}"
    return f"the {words[0]} ({', '.join(words[1:])})"


def _entries(count: Any) -> str:
    return f"{_g(count)} {'entry' if count == 1 else 'entries'}"


def _expected(ctx: dict[str, Any]) -> str:
    return str(ctx.get("expected", "one of the allowed values")).replace("'", "")


def _g(value: Any) -> str:
    """A number as a person writes it: whole numbers with thousands separators (1,000,000, not 1e+06)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        if abs(value) >= 1e15 and math.isfinite(value):  # a pasted 30-digit figure read '1.23457e+29'
            digits = len(f"{abs(int(value))}")
            return f"a number of {digits} digits"
        return f"{value:g}"
    return str(value)
