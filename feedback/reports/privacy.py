"""Small-group protection: counts below k are never shown where it matters, and the
counts that are shown can never be subtracted from a total to reveal a hidden one.

The rule for a table of counts with its totals (one row is a table too):

1. *Primary suppression*: every cell with ``0 < count < k`` is hidden.
2. *Secondary suppression*: a row or column with exactly one hidden cell would give that
   cell away (total minus the others), so the smallest other non-zero cell of that row or
   column is hidden too (a zero when there is no other: then nobody can tell which cell
   holds the count). Repeated until no row or column has exactly one hidden cell.
3. A total below k is hidden, and a table whose grand total is below k shows nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

Count = int | None


def suppress(count: int, k: int) -> int | None:
    """``None`` when the count is a small group (``0 < count < k``), else the count."""
    if 0 < count < k:
        return None
    return count


def protect_vector(counts: Sequence[int], k: int) -> list[Count]:
    """Protect one row of counts whose total is shown (see :func:`protect_table`)."""
    return protect_table([list(counts)], k)[0]


def protect_table(matrix: Sequence[Sequence[int]], k: int) -> list[list[Count]]:
    """Primary and secondary suppression of a table whose row and column totals are shown.

    Hidden cells are ``None``. No row or column is left with exactly one hidden cell, so no
    hidden count can be recovered by subtracting shown cells from a shown total.
    """
    rows = [list(row) for row in matrix]
    hidden = [[0 < value < k for value in row] for row in rows]
    changed = True
    while changed:
        changed = False
        for line in _lines(rows):
            flags = [hidden[r][c] for r, c in line]
            if sum(flags) != 1:
                continue
            if len(line) < 2:
                continue
            # Prefer the smallest non-zero cell; else a zero, so the reader cannot tell
            # which cell holds the hidden count.
            candidates = [(rows[r][c] == 0, rows[r][c], r, c) for r, c in line if not hidden[r][c]]
            if not candidates:
                continue
            _zero, _value, r, c = min(candidates)
            hidden[r][c] = True
            changed = True
    return [
        [None if hidden[r][c] else value for c, value in enumerate(row)]
        for r, row in enumerate(rows)
    ]


def _lines(rows: list[list[int]]):
    """Every row and every column as a list of cell positions."""
    width = max((len(row) for row in rows), default=0)
    for r, row in enumerate(rows):
        yield [(r, c) for c in range(len(row))]
    if len(rows) > 1:
        for c in range(width):
            yield [(r, c) for r in range(len(rows)) if c < len(rows[r])]


def protect_total(total: int, k: int) -> Count:
    """A total is shown only when it is not a small group."""
    return suppress(total, k)


def percent(count: Count, base: Count) -> float | None:
    """A percentage, or ``None`` when either number is hidden or the base is zero."""
    if count is None or not base:
        return None
    return round(100.0 * count / base, 1)
