"""Tables with a column per text (the chronology, the persons on *Where the texts meet*):
a column each while there are few texts; beyond that, one column in which each text's
cell stands under the text's name, so that a table's width does not grow with the texts."""
from __future__ import annotations

from ..escape import escape_text

MAX_COLUMNS = 4


def column_names(texts, folded: str) -> list[str]:
    """The headers of the texts' columns: each text's short name, or the one `folded`."""
    return [escape_text(t.meta.short) for t in texts] if len(texts) <= MAX_COLUMNS else [folded]


def text_cells(texts, cells: list[str]) -> list[str]:
    """A row's cells, one per text, as the columns of column_names hold them."""
    if len(texts) <= MAX_COLUMNS:
        return cells
    return ["<br>".join(f"<strong>{escape_text(t.meta.short)}</strong>: {c}" for t, c in zip(texts, cells) if c)]
