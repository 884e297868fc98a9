"""Who paid into a state's capacities in a round: a partner's grant (`settlement.pay_commitments`)
or an organization's assistance (`organizations.effects.take_effect`). The round report tells
what a capacity got from the state's own allocation apart from what partners paid into it, and
names them: 'capacities' counted both as one, and a team took a partner's grant for its own doing."""

Funders = dict[str, dict[str, dict[str, float]]]
"""Recipient -> donor -> capacity -> points paid in this round: who funded a state's capacities."""


def funded(funders: Funders, recipient: str, donor: str, capacity: str, points: float) -> None:
    """Record that `donor` paid `points` into `recipient`'s `capacity` this round."""
    given = funders.setdefault(recipient, {}).setdefault(donor, {})
    given[capacity] = given.get(capacity, 0.0) + points
