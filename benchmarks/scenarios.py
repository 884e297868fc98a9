"""The scenarios a run measures: shipped ones by name, generated ones written as YAML and read back
through the real loader, which proves that the generator writes what an instructor could."""

import tempfile
from pathlib import Path

from benchmarks.plan import Size
from benchmarks.synthetic import generate, write
from game.model.scenario import Scenario
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


class Library:
    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="accord-bench-")
        self.folder = Path(self._folder.name)
        self._loaded: dict[str, Scenario] = {}

    def shipped(self, name: str) -> Scenario:
        if name not in self._loaded:
            self._loaded[name] = load_scenario(resolve_scenario(name))
        return self._loaded[name]

    def path(self, size: Size) -> Path:
        """The generated scenario of this size, written once."""
        key = f"synthetic-{size.states}"
        path = self.folder / f"{key}.yaml"
        if not path.exists():
            write(generate(size.states, size.networks, size.routes, rounds=size.rounds, scenario_id=key), self.folder)
        return path

    def generated(self, size: Size) -> Scenario:
        key = f"synthetic-{size.states}"
        if key not in self._loaded:
            self._loaded[key] = load_scenario(self.path(size))
        return self._loaded[key]

    def close(self) -> None:
        self._folder.cleanup()
