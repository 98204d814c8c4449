"""Work done beside the build: a forked copy of this process runs one job while this
process goes on with its own, and sends back only the job's result.

The renderers share nothing but the model they read, so half of them can run on a
second core: forking hands the copy the model as it is in memory (nothing is
serialised on the way in), and the copy returns its files, pickled. Forking is used only
where it is safe: on a system that has it, in a process with one thread (a process with
threads, such as MkDocs' live-reload server, may be forked while another thread holds a
lock the copy would then wait on for ever). Elsewhere, or with EDITION_JOBS=1 or
EDITION_DEBUG set (a traceback then shows where a bug is), the job runs here, when its
result is asked for: the same result, in the same order of work.
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
import threading
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return (hasattr(os, "fork") and threading.active_count() == 1
            and os.environ.get("EDITION_JOBS") != "1" and not os.environ.get("EDITION_DEBUG"))


class Beside(Generic[T]):
    """`job()` started in a forked copy; `result()` waits for it and returns its value or
    raises its exception. Use it as a context manager: leaving the block early (this
    process's own work failed) stops the copy and waits for it, so none is left behind."""

    def __init__(self, job: Callable[[], T]):
        self._job, self._pid = job, 0
        if can_fork():
            self._start()

    def _start(self) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the copy: run the job, send what came of it, and end without cleanup
            # It lives for one job: collecting its cyclic garbage would only cost time, and
            # would copy every page of the parent's memory the collector reads (copy-on-write).
            gc.disable()
            status = 0
            try:
                os.close(read)
                with os.fdopen(write, "wb") as out:
                    out.write(_outcome(self._job))
            except BaseException:  # noqa: BLE001 (nothing may escape into the parent's code)
                status = 1
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> T:
        if not self._pid:
            return self._job()
        read, self._read = self._read, -1  # closed below, whatever happens
        with os.fdopen(read, "rb") as sent:
            data = sent.read()
        if not data:
            raise RuntimeError(f"the forked job ended without a result (wait status {self._reap()})")
        # The copy, its result sent, is ending: it is reaped when the block ends (__exit__),
        # not here, so that this process goes on while the system takes the copy down.
        failed, value = pickle.loads(data)
        if failed:
            raise value
        return value

    def __enter__(self) -> Beside[T]:
        return self

    def __exit__(self, *exc) -> None:
        if self._pid:
            if self._read >= 0:  # never asked for, or not all read: stop the copy
                os.close(self._read)
                self._read = -1
                os.kill(self._pid, signal.SIGKILL)
            self._reap()

    def _reap(self) -> int:
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        return status


class Outcome(Generic[T]):
    """What came of a call: its value, or the exception it raised, kept to be raised later
    (by `value()`), where the build would have made the call had it made it there."""

    def __init__(self, call: Callable[[], T]):
        try:
            self._value, self._error = call(), None
        except Exception as err:  # noqa: BLE001 (raised again by value())
            self._value, self._error = None, err

    def value(self) -> T:
        if self._error is not None:
            raise self._error
        return self._value


def _outcome(job: Callable[[], object]) -> bytes:
    """(False, value) or (True, exception), pickled; an exception that cannot be pickled
    is sent as a RuntimeError that names it."""
    try:
        return pickle.dumps((False, job()), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as err:  # noqa: BLE001 (the parent raises it)
        try:
            return pickle.dumps((True, err), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001
            return pickle.dumps((True, RuntimeError(f"{type(err).__name__}: {err}")))
