"""k-anonymity: which group breakdowns may be shown (docs/method.md, "k-rules").

Every output path — JSON, XLSX, terminal, web, reports — takes its group breakdowns from
`shown_groups`, so there is exactly one place where the privacy rule is decided.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from regiekompas.core.vocabulary import MIN_K


def check_k(k: int) -> int:
    """Return k, or raise ValueError when it is below the floor of docs/method.md ("k-rules")."""
    if int(k) != k or k < MIN_K:
        raise ValueError(f"k must be a whole number of at least {MIN_K}, got {k!r}")
    return int(k)


def shown_groups(counts: npt.ArrayLike, k: int) -> npt.NDArray[np.bool_]:
    """Mask of the groups whose breakdown may be shown, per row of `counts`.

    `counts` has shape (..., G): respondents per group (columns ordered by group code, so a
    tie is broken alphabetically by taking the lowest column). A group is left out when it
    has fewer than k respondents. Complementary suppression: while the left-out groups of a
    row together hold more than 0 but fewer than k respondents, the shown group with the
    fewest respondents is left out too — otherwise it could be recovered by subtracting the
    shown groups from the cell total.
    """
    k = check_k(k)
    given = np.asarray(counts, dtype=np.int64)
    c = given.reshape(-1, given.shape[-1]) if given.ndim else given.reshape(1, 1)
    shown = c >= k
    big = np.iinfo(np.int64).max
    for _ in range(c.shape[-1]):
        hidden = np.where(shown, 0, c).sum(axis=-1)
        needs_more = (hidden > 0) & (hidden < k) & shown.any(axis=-1)
        if not needs_more.any():
            break
        smallest = np.argmin(np.where(shown, c, big), axis=-1)
        rows = np.flatnonzero(needs_more)
        shown[rows, smallest[rows]] = False
    return shown.reshape(given.shape)


def nested_shown(
    counts: npt.ArrayLike, parent: npt.ArrayLike, n_parents: int, k: int
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Nested suppression of groups within their rationaliteit (docs/method.md, "k-rules").

    `counts` has shape (cells, G) with columns in group-code order; `parent[g]` is the index
    of group g's rationaliteit, and rationaliteiten are indexed in code order (ties in the
    complementary step go to the lowest index, i.e. alphabetically). First the rationaliteit
    totals are suppressed exactly like groups, with complementary suppression on the cell
    total. Then, within every shown rationaliteit, its groups are suppressed the same way
    with the rationaliteit's total in place of the cell total; a group of a rationaliteit
    that is not shown is never shown. Afterwards the left-out part of every shown total —
    cell or rationaliteit — holds 0 or at least k respondents.

    Returns (rationaliteit mask (cells, R), group mask (cells, G)).
    """
    k = check_k(k)
    c = np.asarray(counts, dtype=np.int64)
    c = c.reshape(-1, c.shape[-1]) if c.ndim else c.reshape(1, 1)
    of = np.asarray(parent, dtype=np.intp)
    totals = np.zeros((c.shape[0], n_parents), dtype=np.int64)
    for g in range(c.shape[1]):
        totals[:, of[g]] += c[:, g]
    parent_shown = shown_groups(totals, k)
    group_shown = np.zeros(c.shape, dtype=bool)
    for p in range(n_parents):
        members = np.flatnonzero(of == p)
        if not len(members):
            continue
        inner = shown_groups(c[:, members], k)
        group_shown[:, members] = inner & parent_shown[:, [p]]
    return parent_shown, group_shown


def visible_cells(n: npt.ArrayLike, k: int) -> npt.NDArray[np.bool_]:
    """Small-cell rule: a cell (or gemeente figure) with fewer than k respondents is not shown.

    Such a cell shows no position, interval, quadrant or breakdown and enters no derived
    figure; outputs list it in `onderdrukt` without its n (docs/method.md, "Small cells").
    """
    return np.asarray(n, dtype=np.int64) >= check_k(k)
