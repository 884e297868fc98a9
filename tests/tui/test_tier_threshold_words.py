"""The dashboard names the 4P sum a team's next tier needs: with a scenario's declared opening tier
the thresholds are the state's own (Thailand opens on Tier 2 with a sum of 15, and Tier 1 needs 17),
so the rule's 13 and 9 in the help would mislead."""

from game.tui.text import next_tier_text


def test_the_next_tier_is_named_with_the_sum_it_needs() -> None:
    assert next_tier_text("2", 15, 17) == "4P sum 15: Tier 1 from a sum of 17 (with criminalization)"
    assert next_tier_text("2WL", 12, 13) == "4P sum 12: Tier 1 from a sum of 13 (with criminalization)"
    assert next_tier_text("3", 9, 11) == "4P sum 9: Tier 2 from a sum of 11"


def test_a_state_held_back_below_a_sum_it_already_has_is_told_why() -> None:
    """A Tier 3 state with a Tier 2 sum was downgraded by the Watch List: 'Tier 2 from a sum of 11'
    beside a sum of 12 read as a bug."""
    assert next_tier_text("3", 12, 11) == "4P sum 12: Tier 2 once victims stop rising and the sum holds"
    assert next_tier_text("2", 14, 13).endswith("once victims stop rising and the sum holds, with criminalization")
