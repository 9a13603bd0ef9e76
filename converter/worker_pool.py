"""Forked workers for a validation batch: one report per process, results over a pipe.

Stage: validate (batch). Input: a job (a function of no arguments returning a picklable
value) per report; output: the value, or why there is none (a crash, a signal, a timeout).

Why processes and why ``fork``: Arelle is not thread-safe and keeps global state, and a
worker forked from a parent that has loaded the taxonomy shares it copy-on-write instead of
loading it again. A worker that crashes or hangs costs its own report only. Nothing here
imports Arelle.
"""
from __future__ import annotations

import contextlib
import gc
import os
import pickle
import select
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_CRASH_STATUS = 70      # the job raised: EX_SOFTWARE


@dataclass
class Worker:
    """A forked process running one job; the parent reads its pickled result."""

    index: int
    entry: str
    pid: int
    fd: int
    started: float
    data: bytearray = field(default_factory=bytearray)
    status: int | None = None
    timed_out: bool = False

    @classmethod
    def start(cls, index: int, entry: str, job: Callable[[], Any]) -> Worker:
        sys.stdout.flush()
        sys.stderr.flush()
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child (coverage does not follow forks)
            code = 0
            try:
                os.close(read_fd)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                gc.disable()    # a collection would touch, and so copy, every shared page
                payload = pickle.dumps(job())
                with os.fdopen(write_fd, "wb") as pipe:
                    pipe.write(payload)
            except BaseException:
                code = _CRASH_STATUS
            finally:
                os._exit(code)
        os.close(write_fd)
        return cls(index=index, entry=entry, pid=pid, fd=read_fd, started=time.monotonic())

    def read(self) -> bool:
        """Read what is there; True at end of stream (the worker has exited)."""
        chunk = os.read(self.fd, 1 << 20)
        if chunk:
            self.data.extend(chunk)
            return False
        os.close(self.fd)
        _, self.status = os.waitpid(self.pid, 0)
        return True

    def kill(self) -> None:
        self.timed_out = True
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.close(self.fd)
        _, self.status = os.waitpid(self.pid, 0)

    def elapsed(self) -> float:
        return round(time.monotonic() - self.started, 3)

    def result(self) -> Any | None:
        """The job's value, or None when the worker did not deliver one."""
        if self.timed_out or not self.data:
            return None
        try:
            return pickle.loads(bytes(self.data))
        except Exception:
            return None

    def failure(self) -> str:
        """How the worker ended, for a message: "signal 9", "status 70"."""
        if self.status is not None and os.WIFSIGNALED(self.status):
            return f"signal {os.WTERMSIG(self.status)}"
        if self.status is not None and os.WIFEXITED(self.status):
            return f"status {os.WEXITSTATUS(self.status)}"
        return f"status {self.status}"


def wait_any(workers: list[Worker], timeout: float | None) -> list[Worker]:
    """Block until at least one worker finished (or overran ``timeout``); return those."""
    finished: list[Worker] = []
    while not finished:
        now = time.monotonic()
        for worker in workers:
            if timeout is not None and now - worker.started > timeout:
                worker.kill()
                finished.append(worker)
        if finished:
            break
        ready, _, _ = select.select([w.fd for w in workers], [], [], 0.5)
        for worker in workers:
            if worker.fd in ready and worker.read():
                finished.append(worker)
    return finished
