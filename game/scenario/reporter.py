"""Collects problems for one file, positioned by data path, so checks never handle line numbers."""

from game.scenario.problems import DataPath, Problem, Severity, field_path
from game.scenario.yaml_source import Positions


class Reporter:
    def __init__(self, name: str, positions: Positions) -> None:
        self.name = name
        self.positions = positions
        self.problems: list[Problem] = []

    def error(self, path: DataPath, message: str, *, key: bool = False) -> None:
        self.add("error", path, message, key=key)

    def warning(self, path: DataPath, message: str, *, key: bool = False) -> None:
        self.add("warning", path, message, key=key)

    def add(self, severity: Severity, path: DataPath, message: str, *, key: bool = False) -> None:
        line, column = self.positions.locate(path, key=key)
        where = field_path(path, self.positions.names)
        self.problems.append(Problem(self.name, line, column, severity, where, message))

    def line(self, path: DataPath) -> int:
        """The line of a value, for messages such as "first given at line 12"."""
        return self.positions.locate(path)[0]

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems)
