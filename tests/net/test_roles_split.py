"""The split of a team's orders among roles (`game.net.roles`), without a host: which role owns
what, how a member's budget is made whole, and what a roles file may not say."""

import pytest

from game.model.actions import Accede, AdoptLaw, Allocate, Message, Ready
from game.model.vocabulary import CAPACITIES
from game.net.roles import (
    DEFAULT_SPLIT,
    FOREIGN,
    HEAD,
    INTERIOR,
    SOCIAL,
    OutsidePart,
    RolesError,
    action_types,
    from_kept,
    kept,
    split_from_data,
)


def test_every_action_type_and_capacity_has_exactly_one_role_and_new_types_go_to_the_foreign_minister() -> None:
    for item in [*action_types(), *CAPACITIES]:
        if item != "allocate":
            assert sum(DEFAULT_SPLIT.allows(role, item) for role in DEFAULT_SPLIT.roles) == 1, item
    assert DEFAULT_SPLIT.owner("a_kind_added_later") == FOREIGN
    assert DEFAULT_SPLIT.owner("ready") == HEAD and DEFAULT_SPLIT.owner("accede") == FOREIGN


def test_an_order_in_the_part_passes_unchanged_and_one_outside_names_both_roles() -> None:
    message = Message(state="korvia", to=["meridia"], text="hello")
    assert DEFAULT_SPLIT.order(FOREIGN, message, {}) is message
    with pytest.raises(OutsidePart, match=r"you are the head of government: this order \(acceding to conventions\) "
                                          r"is the foreign minister's part"):
        DEFAULT_SPLIT.order(HEAD, Accede(state="korvia", agreement="a1"), {})
    with pytest.raises(OutsidePart, match="social affairs minister's part"):
        DEFAULT_SPLIT.order(FOREIGN, AdoptLaw(state="korvia", law="victim_protection"), {})
    assert DEFAULT_SPLIT.order(HEAD, Ready(state="korvia"), {}).type == "ready"


def test_a_members_budget_keeps_the_other_roles_standing_fields_and_drops_its_own_zeroes() -> None:
    standing = {"enforcement": 2.0, "protection": 1.5, "cyber": 1.0}
    made = DEFAULT_SPLIT.order(SOCIAL, Allocate(state="korvia", budget={"protection": 0, "prevention": 2}), standing)
    assert isinstance(made, Allocate)
    assert made.budget == {"enforcement": 2.0, "prevention": 2.0, "cyber": 1.0}
    shown = Allocate(state="korvia", budget={"enforcement": 1.96, "protection": 3})  # 2.0 shown to a decimal
    assert DEFAULT_SPLIT.order(SOCIAL, shown, standing).budget["enforcement"] == 2.0  # type: ignore[union-attr]
    with pytest.raises(OutsidePart, match="the budget for enforcement is the interior minister's part"):
        DEFAULT_SPLIT.order(SOCIAL, Allocate(state="korvia", budget={"enforcement": 3}), standing)
    assert DEFAULT_SPLIT.order(INTERIOR, Allocate(state="korvia", budget={}), standing).budget == {  # type: ignore[union-attr]
        "protection": 1.5}, "an interior minister who clears their lines leaves protection alone"


@pytest.mark.parametrize(("data", "words"), [
    ({"interior_minister": ["enforcement", "borders"], "head": ["ready"]}, "'borders' is neither an action type"),
    ({"a": ["ready", *CAPACITIES], "b": ["ready"]}, "'ready' is already the a's part"),
    ({"a": ["ready"], "b": ["enforcement"]}, "the budget for border, protection"),
    ({"a": ["ready", *CAPACITIES]}, "at least two roles"),
    ({"Head": ["ready"], "b": list(CAPACITIES)}, "'Head': a role is lower-case words"),
    ({"a" * 41: ["ready"], "b": list(CAPACITIES)}, "at most 40 letters"),
    ({"a": "ready", "b": list(CAPACITIES)}, "a: a list of action types"),
    ({"a": ["ready"], "b": list(CAPACITIES), "seats": "korvia"}, "seats: a list of seat ids"),
    ([], "a roles file maps each role to its part"),
])
def test_a_roles_file_that_cannot_be_used_is_refused_in_one_line_naming_it(data: object, words: str) -> None:
    with pytest.raises(RolesError) as refused:
        split_from_data(data, "roles.yaml")
    assert str(refused.value).startswith("roles.yaml: error: ") and words in str(refused.value)


def test_the_default_split_is_kept_by_name_and_a_custom_one_in_full() -> None:
    assert kept(DEFAULT_SPLIT) == {"split": "default"} and from_kept({"split": "default"}, "x") is DEFAULT_SPLIT
    custom = split_from_data({"a": ["ready"], "b": list(CAPACITIES), "seats": ["korvia"]}, "roles.yaml")
    assert from_kept(kept(custom) or {}, "codes") == custom and custom.default == "a"
    assert kept(None) is None


def test_summit_and_pledge_orders_read_as_words_in_a_refusal_and_in_each_members_part() -> None:
    from game.model.actions import Ratify, Sign

    with pytest.raises(OutsidePart, match=r"this order \(signing treaties\) is the foreign minister's part"):
        DEFAULT_SPLIT.order(INTERIOR, Sign(state="korvia", summit="s1"), {})
    with pytest.raises(OutsidePart, match=r"this order \(ratifying treaties\) is the head of government's part"):
        DEFAULT_SPLIT.order(FOREIGN, Ratify(state="korvia", summit="s1"), {})
    assert DEFAULT_SPLIT.part_words(HEAD) == "ending the team's turn, ratifying treaties"
    foreign = DEFAULT_SPLIT.part_words(FOREIGN)
    for words in ("public statements", "pledges", "calling summits", "amendments at summits", "votes at summits",
                  "signing treaties"):
        assert words in foreign, foreign


def test_the_host_help_names_ratification_summits_and_pledges_in_the_roles_parts() -> None:
    import argparse

    from game.commands.host import register

    parsers = argparse.ArgumentParser().add_subparsers()
    register(parsers)
    help_text = " ".join(parsers.choices["host"].format_help().split())
    for words in ("head of government: ready, ratifying treaties", "public statements, pledges",
                  "at summits calling one, amendments, votes and signatures"):
        assert words in help_text
