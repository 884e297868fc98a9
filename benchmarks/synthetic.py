"""Large synthetic scenarios, valid under the scenario format, for timing the engine at scale.

A grid map (each region bordering up to four others), states growing from random seeds into a few
contiguous regions each, some regions held by no one, demand and vulnerability drawn per region,
and networks whose routes follow shortest paths from vulnerable origins to nearby markets. Every
draw comes from one seed, so a size gives the same scenario on every machine.
"""

import math
import random
from collections import deque
from pathlib import Path
from typing import Any

import yaml

FORMS = ("labour", "sexual", "criminality")
DEMAND_CHANCE = {"labour": 0.45, "sexual": 0.35, "criminality": 0.15}
REGIONS_PER_STATE = 3
UNCONTROLLED_SHARE = 0.05
MAX_HOPS = 5
"""Routes end within this many steps of their origin: trafficking runs between neighbours."""


def generate(states: int, networks: int, routes: int, *, rounds: int = 10, seed: int = 7,
             scenario_id: str | None = None) -> dict[str, Any]:
    """A scenario as plain data: `states` states, about three regions each, `networks` networks
    sharing `routes` routes."""
    rng = random.Random(seed)
    controlled = states * REGIONS_PER_STATE
    total = math.ceil(controlled / (1.0 - UNCONTROLLED_SHARE))
    width = math.ceil(math.sqrt(total))
    cells = [(i // width, i % width) for i in range(total)]
    ids = {cell: f"r{cell[0]}-{cell[1]}" for cell in cells}
    neighbours = {cell: [n for n in _around(cell) if n in ids] for cell in cells}
    owner = _territories(rng, cells, neighbours, states, REGIONS_PER_STATE)
    regions = [_region(rng, cell, ids, neighbours, owner) for cell in cells]
    demand = {r["id"]: r["demand"] for r in regions}
    vulnerable = [cell for cell, r in zip(cells, regions, strict=True) if r["vulnerability"] >= 0.35]
    per_network = [routes // networks + (1 if i < routes % networks else 0) for i in range(networks)]
    return {
        "format": 1,
        "id": scenario_id or f"synthetic-{states}",
        "title": f"Synthetic: {states} states, {networks} networks, {routes} routes",
        "summary": "A generated map for benchmarks: a grid of regions, states of a few regions each.",
        "rounds": rounds,
        "seed": seed,
        "regions": regions,
        "states": [_state(rng, index) for index in range(states)],
        "networks": [
            _network(rng, index, count, vulnerable, ids, neighbours, demand, set(owner))
            for index, count in enumerate(per_network)
        ],
        "events": _events(regions, states),
    }


def write(data: dict[str, Any], folder: Path) -> Path:
    """The scenario as a YAML file in `folder`, as an instructor would write it."""
    path = folder / f"{data['id']}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, width=120))
    return path


def _around(cell: tuple[int, int]) -> list[tuple[int, int]]:
    row, col = cell
    return [(row - 1, col), (row, col - 1), (row, col + 1), (row + 1, col)]


Cell = tuple[int, int]


def _territories(rng: random.Random, cells: list[Cell], neighbours: dict[Cell, list[Cell]], states: int,
                 quota: int) -> dict[Cell, int]:
    """Each state grows from a seed cell into its neighbours, a cell a turn, up to its quota; what
    no state reaches is controlled by no one (a border zone held by armed groups)."""
    seeds = rng.sample(cells, states)
    owner = {cell: index for index, cell in enumerate(seeds)}
    frontier = [[cell] for cell in seeds]
    size = [1] * states
    growing = True
    while growing:
        growing = False
        for index in range(states):
            if size[index] >= quota:
                continue
            options = [n for c in frontier[index] for n in neighbours[c] if n not in owner]
            if not options:
                continue
            chosen = rng.choice(options)
            owner[chosen] = index
            frontier[index].append(chosen)
            size[index] += 1
            growing = True
    return owner


def _region(rng: random.Random, cell: tuple[int, int], ids: dict[tuple[int, int], str],
            neighbours: dict[tuple[int, int], list[tuple[int, int]]], owner: dict[tuple[int, int], int]
            ) -> dict[str, Any]:
    demand = {form: round(rng.uniform(0.1, 0.9), 2) for form in FORMS if rng.random() < DEMAND_CHANCE[form]}
    held = owner.get(cell)
    return {
        "id": ids[cell],
        "name": f"Region {cell[0]}-{cell[1]}",
        "population": round(rng.lognormvariate(1.2, 0.8), 2),
        "vulnerability": round(rng.uniform(0.1, 0.8), 2),
        "demand": demand,
        "neighbours": [ids[n] for n in neighbours[cell]],
        "controlled_by": None if held is None else f"s{held}",
    }


def _state(rng: random.Random, index: int) -> dict[str, Any]:
    laws = []
    if rng.random() < 0.9:
        laws.append("criminalization")
        if rng.random() < 0.5:
            laws.append("victim_protection")
            if rng.random() < 0.3:
                laws.append("referral_mechanism")
    for law, chance in (("border_security", 0.2), ("online_platform_duties", 0.15), ("national_rapporteur", 0.2)):
        if rng.random() < chance:
            laws.append(law)
    approval = round(rng.uniform(40, 65))
    capacities = {c: round(rng.uniform(0.5, 6.0), 1)
                  for c in ("enforcement", "border", "protection", "prevention", "intelligence", "cyber")}
    return {
        "id": f"s{index}",
        "name": f"State {index}",
        "budget": round(rng.uniform(8, 30)),
        "political_capital": round(rng.uniform(4, 12)),
        "approval": approval,
        "corruption": round(rng.uniform(0.2, 0.7), 2),
        "capacities": capacities,
        "laws": laws,
        "brief": f"You govern State {index}. Your neighbours' routes cross your regions.",
        "objectives": [
            {"kind": "reach_tier", "tier": 2, "points": 2},
            {"kind": "sign_agreement", "agreement": "information_sharing", "points": 2},
            {"kind": "keep_approval", "at_least": approval - 5, "points": 2},
        ],
    }


def _network(rng: random.Random, index: int, count: int, vulnerable: list[tuple[int, int]],
             ids: dict[tuple[int, int], str], neighbours: dict[tuple[int, int], list[tuple[int, int]]],
             demand: dict[str, dict[str, float]], controlled: set[tuple[int, int]]) -> dict[str, Any]:
    """A network of `count` routes around a home area: origins near it, markets a few steps away."""
    home = rng.choice(vulnerable)
    origins = sorted(vulnerable, key=lambda c: (abs(c[0] - home[0]) + abs(c[1] - home[1]), c))[:max(8, count)]
    routes: list[dict[str, Any]] = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    attempts = 0
    while len(routes) < count and attempts < count * 50:
        attempts += 1
        origin = rng.choice(origins)
        paths = _paths_from(origin, neighbours, MAX_HOPS)
        markets = [(cell, form) for cell in paths for form in demand[ids[cell]]]
        if not markets:
            continue
        cell, form = rng.choice(markets)
        path = tuple(ids[c] for c in paths[cell])
        if (path, form) in seen or not any(c in controlled for c in paths[cell]):
            continue
        seen.add((path, form))
        routes.append({"path": list(path), "form": form, "flow": round(rng.uniform(50, 600))})
    total = sum(r["flow"] for r in routes)
    periphery = max(10, math.ceil(total / 25 * 1.1))
    core = max(3, periphery // 40)
    return {
        "id": f"n{index}",
        "name": f"Network {index}",
        "capital": round(rng.uniform(300, 3000)),
        "core": core,
        "periphery": periphery,
        "tech": round(rng.uniform(0.05, 0.5), 2),
        "routes": routes,
    }


def _paths_from(origin: tuple[int, int], neighbours: dict[tuple[int, int], list[tuple[int, int]]],
                hops: int) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """Shortest paths (breadth first, neighbours in a fixed order) to every cell within `hops`."""
    paths = {origin: [origin]}
    queue = deque([origin])
    while queue:
        here = queue.popleft()
        if len(paths[here]) > hops:
            continue
        for nxt in neighbours[here]:
            if nxt not in paths:
                paths[nxt] = [*paths[here], nxt]
                queue.append(nxt)
    return paths


def _events(regions: list[dict[str, Any]], states: int) -> list[dict[str, Any]]:
    """A scripted shock and a conditional one, so the event phase has work to do."""
    first = regions[0]["id"]
    return [
        {"id": "floods", "round": 2, "title": "Floods", "text": "Harvests fail.",
         "effects": [{"target": f"region:{first}", "field": "vulnerability", "add": 0.05}]},
        {"id": "unrest", "when": {"target": "state:s0", "field": "approval", "below": 30},
         "title": "Unrest", "text": "Protests shake the government.",
         "effects": [{"target": f"state:s{states - 1}", "field": "approval", "add": -2}]},
    ]
