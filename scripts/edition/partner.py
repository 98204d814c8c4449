"""The build's partner: a forked copy of this process that works beside it for the whole
build, and the two exchange messages on the way.

The partner's work is a generator. It yields `(name, value)` for each message it sends,
and yields WANT where it needs the next message sent to it (`texts = yield WANT`). This
process calls `send(value)` and `take(name)`; `take` waits for that message, keeping any
sent before it for later. In a build, the partner reads the sources that stand alone
while this process reads the texts, finds the texts' dated passages while this process
resolves their notes, and renders and writes half of the pages (build.py).

Forking hands the copy everything in memory as it is; the messages travel pickled through
two pipes. Forking is used only where it is safe: on a system that has it, in a process
with one thread (a process with threads, such as MkDocs' live-reload server, may be
forked while another thread holds a lock the copy would then wait on for ever). Elsewhere,
or with EDITION_JOBS=1 or EDITION_DEBUG set (a traceback then shows where a bug is), the
generator runs here, a step at a time, when a message is taken: the same messages, in the
same order of work.
"""
from __future__ import annotations

import gc
import os
import pickle
import queue
import signal
import threading
from typing import Any, Callable, Generic, Iterator, TypeVar

T = TypeVar("T")
WANT = object()      # yielded by the work where it needs the next message sent to it
_CLOSED = object()   # this process closed its pipe: no message will come


def can_fork() -> bool:
    return (hasattr(os, "fork") and threading.active_count() == 1
            and os.environ.get("EDITION_JOBS") != "1" and not os.environ.get("EDITION_DEBUG"))


class Partner:
    """`work()` in a forked copy, or here when forking is not safe. Use it as a context
    manager: leaving the block early (this process's own work failed) stops the copy and
    waits for it, so none is left behind."""

    def __init__(self, work: Callable[[], Iterator]):
        self._work, self._pid = work, 0
        self._taken: dict[str, Any] = {}   # messages that came before the one taken
        self._steps: Iterator | None = None  # the work, when it runs here
        self._inbox: list = []              # messages sent to it, when it runs here
        self._to = self._from = None        # the pipes, when it is forked
        if can_fork():
            self._start()

    def send(self, message) -> None:
        if not self._pid:
            self._inbox.append(message)
            return
        try:
            pickle.dump(message, self._to, protocol=pickle.HIGHEST_PROTOCOL)
            self._to.flush()
        except BrokenPipeError:
            raise RuntimeError(f"the forked partner ended early (wait status {self._reap()})") from None

    def take(self, name: str):
        """The message of that name, waited for if it has not come."""
        while name not in self._taken:
            key, value = self._next()
            self._taken[key] = value
        return self._taken[name]

    def _next(self) -> tuple[str, Any]:
        if not self._pid:
            return self._step()
        try:
            failed, message = pickle.load(self._from)
        except EOFError:
            raise RuntimeError(f"the forked partner ended without sending what was asked "
                               f"(wait status {self._reap()})") from None
        if failed:
            raise message
        return message

    def _step(self) -> tuple[str, Any]:
        """Run the work here up to its next message."""
        if self._steps is None:
            self._steps = iter(self._work())
        item = next(self._steps, None)
        while item is WANT:
            if not self._inbox:
                raise RuntimeError("the partner's work wants a message that was not sent to it")
            item = self._steps.send(self._inbox.pop(0))
        if item is None:
            raise RuntimeError("the partner's work ended without sending what was asked")
        return item

    # --- the forked copy ---------------------------------------------------------

    def _start(self) -> None:
        inbox, to_copy = os.pipe()
        from_copy, outbox = os.pipe()
        for end in (to_copy, outbox):
            _widen(end)
        pid = os.fork()
        if pid == 0:  # the copy: do the work, and end without cleanup
            os.close(to_copy)
            os.close(from_copy)
            status = 1
            try:
                status = _serve(self._work, inbox, outbox)
            finally:
                os._exit(status)
        os.close(inbox)
        os.close(outbox)
        self._pid = pid
        self._to, self._from = os.fdopen(to_copy, "wb"), os.fdopen(from_copy, "rb")

    def __enter__(self) -> Partner:
        return self

    def __exit__(self, failed, *exc) -> None:
        if self._steps is not None:
            self._steps.close()
        if self._to is None:
            return
        self._to.close()   # the copy, waiting for a message, learns that none will come
        if self._pid and failed is not None:   # this process's own work failed: stop the copy
            os.kill(self._pid, signal.SIGKILL)
        elif self._pid:
            # The work is done and the copy is ending: it is reaped here, not before, so
            # that this process went on while the system took it down.
            self._from.read()
        self._from.close()
        self._reap()

    def _reap(self) -> int:
        if not self._pid:
            return 0
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        return status


def _serve(work: Callable[[], Iterator], inbox: int, outbox: int) -> int:
    """In the copy: run the work, sending what it yields and giving it what it is sent."""
    # It lives for one build: collecting its cyclic garbage would only cost time, and would
    # copy every page of the parent's memory the collector reads (copy-on-write).
    gc.disable()
    received: queue.SimpleQueue = queue.SimpleQueue()
    # A thread takes in the messages as they come, so that this process's sending never
    # waits on the copy's own sending.
    threading.Thread(target=_receive, args=(inbox, received), daemon=True).start()
    with os.fdopen(outbox, "wb") as out:
        try:
            for message in _conversation(work(), received):
                out.write(_pickled(False, message))
                out.flush()
        except BaseException as err:  # noqa: BLE001 (raised in the parent, where it is taken)
            out.write(_pickled(True, err))
            return 1
    return 0


def _conversation(steps: Iterator, received: queue.SimpleQueue) -> Iterator:
    """The work's messages; where it wants one, the next message this process sent."""
    item = next(steps, None)
    while item is not None:
        if item is WANT:
            message = received.get()
            if message is _CLOSED:
                return   # this process has gone on without the copy
            item = steps.send(message)
        else:
            yield item
            item = next(steps, None)


def _receive(inbox: int, received: queue.SimpleQueue) -> None:
    try:
        with os.fdopen(inbox, "rb") as messages:
            while True:
                received.put(pickle.load(messages))
    except EOFError:
        pass
    finally:   # whatever ended the reading, the work is not left waiting
        received.put(_CLOSED)


def _pickled(failed: bool, value) -> bytes:
    """(failed, value), pickled; an exception that cannot be pickled is sent as a
    RuntimeError that names it."""
    try:
        return pickle.dumps((failed, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as err:  # noqa: BLE001
        shown = value if failed else err
        return pickle.dumps((True, RuntimeError(f"{type(shown).__name__}: {shown}")))


def _widen(pipe_end: int) -> None:
    """A pipe holds 64 KB; the texts and the bibliography are larger. Where the system
    allows it (Linux), it is widened to 1 MB, so that the copy goes on with its work
    before this process takes what it sent; elsewhere the copy waits (it never blocks this
    process's sending: a thread of the copy takes in every message as it comes)."""
    try:
        import fcntl
        fcntl.fcntl(pipe_end, fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


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
