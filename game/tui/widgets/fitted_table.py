"""A table refilled with its columns as wide as what they hold, from the first frame it is drawn.

Textual's `DataTable` sizes an auto-width column at its next idle moment, after the rows were added,
and caches each line it draws under a key that the new widths do not change: a table drawn between
the refill and that moment kept its lines cut to the headers' widths ('p-  Mutual le  … open  Meri')
for good (a networked game at 80x24, where a host's notice redraws the screen while the table's own
messages wait). Here every column's width is measured from its label and its cells and given
before any row is drawn, so there is nothing to catch up on.
"""

from collections.abc import Sequence

from rich.cells import cell_len
from textual.widgets import DataTable


def refill(table: DataTable[str], labels: Sequence[str], rows: Sequence[tuple[str | None, Sequence[str]]]) -> None:
    """Clear `table` and fill it with `rows` (each a row key, or None, and its cells), each column as
    wide as its label or its widest cell."""
    widths = [max([cell_len(label), *(cell_len(cells[column]) for _, cells in rows)])
              for column, label in enumerate(labels)]
    table.clear(columns=True)
    for label, width in zip(labels, widths, strict=True):
        table.add_column(label, width=width)
    for key, cells in rows:
        table.add_row(*cells, key=key)
