"""Where each value of a YAML document was written, by its path from the top."""

from game.scenario.problems import DataPath

Mark = tuple[int, int]
"""A 1-based (line, column)."""


class Positions(dict[DataPath, Mark]):
    """Where each value starts, by its path from the top: `('regions', 2, 'neighbours', 0) -> (7, 19)`.

    `key_marks` holds where each mapping key starts, by the same path, since "unknown key" is best
    shown on the key and "wrong value" on the value; `names` the list items' names, by the same path.
    """

    def __init__(self) -> None:
        super().__init__()
        self.key_marks: dict[DataPath, Mark] = {}
        self.names: dict[DataPath, str] = {}
        """The name of each list item that has one (`game.scenario.problems.item_names`), for paths
        that say `states[0] (meridia)`; filled once the document is read whole."""

    def locate(self, path: DataPath, *, key: bool = False) -> Mark:
        """The mark of `path`, else of its nearest written ancestor: a missing key points at the
        mapping that should hold it."""
        if key and path in self.key_marks:
            return self.key_marks[path]
        for end in range(len(path), -1, -1):
            mark = self.get(path[:end])
            if mark is not None:
                return mark
        return (1, 1)
