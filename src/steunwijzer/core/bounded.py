"""Running a parser on untrusted bytes in a child process held to a memory and time budget.

Pure Python, no Django. Why a child process: a parser written in C or Rust can allocate or
spin without ever returning to Python (calamine aborts the whole process when a sheet claims
a million rows by sixteen thousand columns), so only the kernel can bound it, and only a
separate process can be stopped without taking the web worker down with it. The child sets
its own limits before it reads a byte of input: address space (`RLIMIT_AS`, so resident
memory can never pass it either) and CPU seconds, which is what the work costs the server. The
parent adds a wall-clock deadline as a backstop and kills the child when it passes; it is
longer than the CPU limit, because on a busy machine a child waits for a core as well, and a
healthy file must not be refused for that.

    run_bounded("package.module:function", payload, seconds=2, memory_mb=200) -> bytes

calls `function(payload) -> bytes` in the child and returns what it returned. The function
and its module must import no Django: the child is a bare interpreter.
"""

import importlib
import resource
import signal
import subprocess
import sys

# A fresh interpreter with our pure modules imported takes about 60 ms; the limits leave room
# for that on top of the work itself.
DEFAULT_SECONDS = 2
DEFAULT_MEMORY_MB = 200
# Wall-clock time beyond the CPU seconds before the child is killed anyway.
WAITING_SECONDS = 8.0


class Overrun(Exception):
    """The child did not finish within its budget; `reason` is "time", "memory" or "failed"."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        super().__init__(f"{reason}: {detail}" if detail else reason)


def run_bounded(
    target: str,
    payload: bytes,
    *,
    seconds: int = DEFAULT_SECONDS,
    memory_mb: int = DEFAULT_MEMORY_MB,
    waiting_seconds: float = WAITING_SECONDS,
) -> bytes:
    """`seconds` of CPU and `memory_mb` of address space for the child; it is killed after
    `seconds + waiting_seconds` of wall-clock time whatever it was doing."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", __name__, target, str(memory_mb), str(seconds)],
            input=payload,
            capture_output=True,
            timeout=seconds + waiting_seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:
        # run() has killed and reaped the child already.
        raise Overrun("time") from None
    if done.returncode == 0:
        return done.stdout
    raise Overrun(
        _reason(done.returncode, done.stderr), done.stderr.decode(errors="replace")[-500:]
    )


def _reason(returncode: int, stderr: bytes) -> str:
    if returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return "time"
    # A Rust or C allocation that fails aborts; Python's raises MemoryError.
    if returncode == -signal.SIGABRT or b"MemoryError" in stderr or b"memory allocation" in stderr:
        return "memory"
    return "failed"


def _child(target: str, memory_mb: int, cpu_seconds: int) -> None:
    module_name, _, function_name = target.partition(":")
    function = getattr(importlib.import_module(module_name), function_name)
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    result = function(sys.stdin.buffer.read())
    sys.stdout.buffer.write(result)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _child(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
