"""Work across the machine's cores: forked workers inherit the parent's state (registry, site graph)."""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
_STATE: object = None  # what every call needs; a forked worker has it without pickling


def _run(job: tuple[Callable, Sequence]) -> list:
    fn, chunk = job
    return [fn(_STATE, item) for item in chunk]


def fork_map(fn: Callable[[object, T], R], items: Sequence[T], state: object, workers: int,
             at_least: int) -> Iterator[R]:
    """fn(state, item) for each item, yielded in order, computed in `workers` forked processes when
    there are at least `at_least` items (fewer cost more to hand out than to do here). Results are
    yielded as they come, so the caller need not hold them all."""
    global _STATE
    _STATE = state
    try:
        if workers <= 1 or len(items) < at_least or "fork" not in multiprocessing.get_all_start_methods():
            for item in items:
                yield fn(state, item)
            return
        size = max(1, min(64, len(items) // (workers * 4)))
        jobs = [(fn, items[i:i + size]) for i in range(0, len(items), size)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for chunk in pool.map(_run, jobs):
                yield from chunk
    finally:
        _STATE = None
