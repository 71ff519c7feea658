"""Work across the machine's cores: forked workers inherit the parent's state (registry, site graph).

Workers die with the parent: a build killed outright (SIGKILL, a CI job's timeout) leaves no
process behind, and only the parent answers Ctrl-C and SIGTERM (it stops the workers itself).
"""
from __future__ import annotations

import ctypes
import os
import pickle
import signal
import sys
from typing import TYPE_CHECKING, Callable, Iterator, Sequence, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")
_STATE: object = None  # what every call needs; a forked worker has it without pickling


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with(parent: int) -> None:
    """In a forked child: killed when the parent dies (Linux; elsewhere a worker ends when the
    parent's pipes close), deaf to the terminal's Ctrl-C, which the parent handles. A worker's
    initializer, and what a child run with `preexec_fn` calls before its program starts."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def can_fork() -> bool:
    """Whether workers can be forked here (POSIX; `multiprocessing`'s "fork" start method)."""
    return hasattr(os, "fork") and sys.platform != "emscripten"


def _run(job: tuple[Callable, Sequence]) -> list:
    fn, chunk = job
    return [fn(_STATE, item) for item in chunk]


def fork_map(fn: Callable[[object, T], R], items: Sequence[T], state: object, workers: int,
             at_least: int) -> Iterator[R]:
    """fn(state, item) for each item, yielded in order, computed in `workers` forked processes when
    there are at least `at_least` items (fewer cost more to hand out than to do here).

    The workers start at once, so the caller can do other work before it reads the results;
    results are yielded as they come, so the caller need not hold them all. In one process,
    nothing is computed until the results are read."""
    if workers <= 1 or len(items) < at_least or not can_fork():
        return (fn(state, item) for item in items)
    # (imported here: a build that forks no pool, an edit's, spares a hundredth of a second)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    global _STATE
    _STATE = state
    size = max(1, min(64, len(items) // (workers * 4)))
    jobs = [(fn, items[i:i + size]) for i in range(0, len(items), size)]
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=die_with,
                               initargs=(os.getpid(),))
    try:
        chunks = pool.map(_run, jobs)  # every job is submitted, and the workers forked, now
    except BaseException:
        _stop(pool)
        raise
    return Results(pool, chunks)


def _stop(pool: ProcessPoolExecutor) -> None:
    global _STATE
    pool.shutdown(wait=True, cancel_futures=True)  # a running job finishes: nothing is left half-written
    _STATE = None


class Results:
    """The results of a fork_map, in order. Reading them all, or close(), stops the workers; a
    caller that fails before reading them must close() before it removes what they write."""

    def __init__(self, pool: ProcessPoolExecutor, chunks: Iterator[list]):
        self._pool: ProcessPoolExecutor | None = pool
        self._chunks = chunks

    def __iter__(self) -> Iterator:
        try:
            for chunk in self._chunks:
                yield from chunk
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            _stop(pool)


class Background:
    """fn(state) computed in one forked process while the caller goes on; `result()` waits for
    it (and raises what it raised). Without fork, or when `fork` is False, it is computed by
    `result()` in this process. `close()` stops a worker whose result is no longer wanted; the
    worker dies with the parent, as fork_map's do."""

    def __init__(self, fn: Callable[[object], R], state: object, fork: bool = True):
        self._fn, self._state, self._pid, self._fd = fn, state, 0, -1
        if not fork or not can_fork():
            return
        parent = os.getpid()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: compute, send the result, and leave without running any cleanup
            code = 1
            try:
                os.close(read)
                die_with(parent)
                try:
                    data = pickle.dumps((True, fn(state)), pickle.HIGHEST_PROTOCOL)
                except BaseException as exc:  # noqa: BLE001 - raised again in the parent
                    try:
                        data = pickle.dumps((False, exc), pickle.HIGHEST_PROTOCOL)
                    except Exception:  # noqa: BLE001 - an exception that cannot be sent is named
                        data = pickle.dumps((False, RuntimeError(f"{exc.__class__.__name__}: {exc}")))
                with os.fdopen(write, "wb") as fh:
                    fh.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._fd = pid, read
        self._fn = self._state = None  # the worker has them

    def result(self):
        if not self._pid:
            if self._fn is None:
                raise RuntimeError("the result was already taken")
            fn, state, self._fn, self._state = self._fn, self._state, None, None
            return fn(state)
        try:
            with os.fdopen(self._fd, "rb") as fh:
                self._fd = -1
                data = fh.read()
            pid, self._pid = self._pid, 0
            os.waitpid(pid, 0)  # it exits once it has written
        finally:
            self.close()
        if not data:
            raise RuntimeError("a worker process died before it gave its result")
        ok, value = pickle.loads(data)
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """Stop the worker (if it still runs) and reap it."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        if self._pid:
            pid, self._pid = self._pid, 0
            try:
                if os.waitpid(pid, os.WNOHANG) == (0, 0):
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
            except ChildProcessError:
                pass
