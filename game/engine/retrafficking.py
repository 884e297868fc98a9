"""Re-trafficking: people whom a state identified (or let go) taken back by the networks that held them."""

from game.model.state import NetworkRecord


def return_to_networks(networks: dict[str, NetworkRecord], identified: dict[str, int], people: int) -> int:
    """`people` go back to the active networks this state identified victims of (`identified`:
    network -> people), in proportion, the largest first (ties by id: sorting (-people, id) pairs).
    Returns the people placed: none where no such network is active any more."""
    largest_first: list[tuple[int, str]] = []
    total = 0  # `add_up` of the counts, as a loop
    for network_id, count in identified.items():
        if networks[network_id].active:
            largest_first.append((-count, network_id))
            total += count
    largest_first.sort()
    left = people
    for negated, network_id in largest_first:
        back = round(people * -negated / total)  # at least one, at most what is left
        if back < 1:
            back = 1
        if back > left:
            back = left
        networks[network_id].retrafficked += back
        left -= back
        if left <= 0:
            break
    return people - left
