"""The forked worker pool, without Arelle: values come back, failures say how they ended."""
from __future__ import annotations

import os
import signal
import time

import pytest

from converter.worker_pool import Worker, wait_any

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def _finish(workers: list[Worker], timeout: float | None = 30.0) -> list[Worker]:
    done: list[Worker] = []
    running = list(workers)
    while running:
        for worker in wait_any(running, timeout):
            running.remove(worker)
            done.append(worker)
    return done


def test_values_come_back_from_each_worker() -> None:
    workers = [Worker.start(i, f"r{i}", lambda i=i: {"n": i, "pid": os.getpid()})
               for i in range(3)]
    done = _finish(workers)
    assert sorted(w.result()["n"] for w in done) == [0, 1, 2]
    assert all(w.result()["pid"] != os.getpid() for w in done)
    assert all(w.failure() == "status 0" for w in done)


def test_a_job_that_raises_delivers_nothing_and_says_so() -> None:
    def boom() -> None:
        raise RuntimeError("bug")
    [worker] = _finish([Worker.start(0, "r", boom)])
    assert worker.result() is None
    assert worker.failure() == "status 70"


def test_a_worker_killed_by_a_signal() -> None:
    [worker] = _finish([Worker.start(0, "r", lambda: os.kill(os.getpid(), signal.SIGKILL))])
    assert worker.result() is None
    assert worker.failure() == f"signal {int(signal.SIGKILL)}"


def test_an_overrunning_worker_is_stopped() -> None:
    started = time.monotonic()
    [worker] = _finish([Worker.start(0, "r", lambda: time.sleep(30))], timeout=0.2)
    assert worker.timed_out and worker.result() is None
    assert time.monotonic() - started < 10
