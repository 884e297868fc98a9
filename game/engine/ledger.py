"""The figures a round accumulates as its phases run, before they become the round's report."""

from dataclasses import dataclass, field

from game.model.report import StateFigures, StockFigures


@dataclass(slots=True)
class RouteTally:
    recruited: int = 0
    detected: int = 0
    arrived: int = 0
    identified: float = 0.0
    """Identified from the stock this route fed, pro rata to its arrivals: a share of interdiction."""
    path: list[str] = field(default_factory=list)
    form: str = ""


@dataclass(slots=True)
class NetworkTally:
    routes: dict[str, RouteTally] = field(default_factory=dict)
    identified_by: dict[str, int] = field(default_factory=dict)
    """State -> people this network lost to that state's identification (transit and exploitation)."""
    periphery_removed: int = 0
    periphery_replaced: int = 0
    stock: list[StockFigures] = field(default_factory=list)
    """The exploitation account of each region and form it holds people in."""
    convictions_by: dict[str, int] = field(default_factory=dict)
    """State -> members of this network it convicted this round."""
    demand: float = 0.0
    """People the network could have recruited this round, had it the crew: what it hires for."""
    revenue: float = 0.0
    """Profit of the people it held in exploitation this round (`exploitation`), before costs."""
    costs: float = 0.0
    """What it paid this round: pay, transport, bribes, the convicted (`network_money.settle`)."""
    deserted: int = 0
    """Members who left because it could not pay them."""
    seized: float = 0.0
    """Capital states confiscated from it this round."""

    # the sums below are loops rather than `sum` of a generator, which costs more to set up than a
    # network's few routes cost to add; they add in the same order

    @property
    def recruited(self) -> int:
        total = 0
        for route in self.routes.values():
            total += route.recruited
        return total

    @property
    def detected(self) -> int:
        total = 0
        for route in self.routes.values():
            total += route.detected
        return total

    @property
    def interdicted(self) -> float:
        total: float = 0
        for route in self.routes.values():
            total += route.detected + route.identified
        return total


@dataclass(slots=True)
class Ledger:
    states: dict[str, StateFigures]
    networks: dict[str, NetworkTally] = field(default_factory=dict)

    def network(self, network_id: str) -> NetworkTally:
        tally = self.networks.get(network_id)
        if tally is None:
            tally = self.networks[network_id] = NetworkTally()
        return tally
