"""Seeded percentile bootstrap of cell positions (docs/method.md, "Bootstrap intervals").

Each cell gets its own random stream, derived from the seed and the cell's key, so a cell's
interval depends only on its own respondents: adding a gemeente, reordering rows or
analysing a subset never changes the intervals of the other cells. Respondents are resampled
with replacement, cc and dc together (one draw per respondent), B times.
"""

from __future__ import annotations

import os
import threading
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from regiekompas.core.dataset import FloatArray
from regiekompas.core.measures.positions import Cells, exact

ProgressFn = Callable[[int, int], None]

#: Cells per unit of work, and how many threads share the work.
CHUNK = 64
WORKERS = min(4, os.cpu_count() or 1)

#: The percentiles of a 95 % interval.
CI_PERCENTILES = (2.5, 97.5)


def stream_for(seed: int, key: str) -> np.random.Generator:
    """A generator that depends only on the seed and a stable key (not on Python's hash)."""
    return np.random.default_rng([int(seed) & 0xFFFFFFFF, zlib.crc32(key.encode("utf-8"))])


def bootstrap_cell_means(
    cells: Cells,
    keys: Sequence[str],
    *,
    replicates: int,
    seed: int,
    progress: ProgressFn | None = None,
) -> np.ndarray:
    """Bootstrap replicates of every cell mean, as complex numbers cc + i·dc.

    Returns an array of shape (cells, B). The positions of a cell's respondents are contiguous
    in `cells.x`/`cells.y` because observations are in canonical (cell-major) order.
    """
    if replicates < 1:
        raise ValueError("the number of bootstrap replicates must be at least 1")
    z = cells.x + 1j * cells.y
    starts = np.concatenate(([0], np.cumsum(cells.n)))
    out = np.empty((len(cells), replicates), dtype=np.complex128)
    done = 0
    lock = threading.Lock()

    def run(chunk: range) -> None:
        nonlocal done
        for c in chunk:
            n = int(cells.n[c])
            values = z[starts[c] : starts[c] + n]
            if n == 1:
                out[c] = values[0]
            else:
                # int64 indices make `take` several times faster than fancy indexing.
                idx = stream_for(seed, keys[c]).integers(0, n, size=(replicates, n))
                out[c] = values.take(idx).sum(axis=1) / n
        if progress is not None:
            with lock:
                done += len(chunk)
                progress(done, len(cells))

    # Each cell has its own stream, so splitting the work changes no figure; numpy releases
    # the GIL while drawing and summing, which lets a second core help.
    chunks = [range(i, min(i + CHUNK, len(cells))) for i in range(0, len(cells), CHUNK)]
    if len(chunks) <= 1:
        for chunk in chunks:
            run(chunk)
    else:
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            list(pool.map(run, chunks))
    return out


def percentile_ci(replicates: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Lower and upper 95 % percentile bounds per row (numpy's linear interpolation)."""
    low, high = np.percentile(replicates, CI_PERCENTILES, axis=-1)
    return exact(low), exact(high)
