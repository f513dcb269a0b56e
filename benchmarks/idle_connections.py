"""Idle and half-sent connections must not keep Steunwijzer from answering (docs/security.md).

Starts `steunwijzer serve --workers 2` on a free port on 127.0.0.1 (SQLite in a temporary data
directory; or give --port of a server already running), then:

1. holds idle connections open: kept alive after a full request (as browsers keep them), new
   ones that send nothing (as browsers open them ahead), and a few that send half a request;
   meanwhile /healthz is asked on fresh connections and each answer must come within --limit
   seconds. The server must close the idle ones by itself after its keep-alive time.
2. sends more half requests than the server has threads, and checks that the server closes
   every one of them within --stalled-within seconds and answers /healthz afterwards.

Everything is bounded: every socket has a timeout and every wait a deadline. Exit status 0
when all held, 1 otherwise. tests/test_serving.py runs it.

    python benchmarks/idle_connections.py [--port N] [--kept 6] [--idle 6] [--partial 2]
"""

import argparse
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager, suppress
from pathlib import Path

SCRIPT = shutil.which("steunwijzer", path=str(Path(sys.executable).parent)) or "steunwijzer"
HALF_REQUEST = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: half"
FULL_REQUEST = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def healthz(port: int, timeout: float) -> tuple[float, str]:
    """Seconds until /healthz answered on a new connection, and what it answered."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/healthz")
        response = connection.getresponse()
        answer = f"{response.status} {response.read().decode().strip()}"
    except OSError as exc:
        answer = f"geen antwoord ({exc.__class__.__name__})"
    finally:
        connection.close()
    return time.monotonic() - started, answer


def connect(port: int, send: bytes = b"", read_response: bool = False) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    if send:
        sock.sendall(send)
    if read_response:
        received = b""
        while b"ok\n" not in received:  # /healthz's body; the headers come first
            chunk = sock.recv(4096)
            if not chunk:
                raise RuntimeError("the server closed a kept-alive connection at once")
            received += chunk
    return sock


def closed_by_server(sock: socket.socket, deadline: float) -> float | None:
    """Seconds from now until the server closed `sock` (None: still open at `deadline`)."""
    started = time.monotonic()
    while time.monotonic() < deadline:
        sock.settimeout(max(0.1, deadline - time.monotonic()))
        try:
            if not sock.recv(4096):
                return time.monotonic() - started
        except TimeoutError:
            return None
        except ConnectionError:
            return time.monotonic() - started
    return None


@contextmanager
def served(port: int | None):
    """A server to talk to: the given port, or `steunwijzer serve` started here."""
    if port:
        yield port
        return
    with tempfile.TemporaryDirectory(prefix="steunwijzer-idle-") as tmp:
        env = {**os.environ, "STEUNWIJZER_DATA_DIR": tmp}
        env.pop("DATABASE_URL", None)  # SQLite in the temporary directory
        env.pop("DJANGO_SETTINGS_MODULE", None)
        migrate = [SCRIPT, "migrate", "-v", "0"]
        subprocess.run(migrate, env=env, check=True, timeout=300, capture_output=True)
        port = free_port()
        log = Path(tmp) / "server.log"
        with log.open("w") as log_file:
            server = subprocess.Popen(
                [SCRIPT, "serve", "--port", str(port), "--workers", "2"],
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
            try:
                deadline = time.monotonic() + 120
                while healthz(port, 2)[1] != "200 ok":
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit(f"the server did not start:\n{log.read_text()[-3000:]}")
                    time.sleep(0.5)
                yield port
            finally:
                server.terminate()  # gunicorn finishes running requests, then stops
                try:
                    server.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()


def hold_idle(port, args) -> bool:
    print(
        f"1. {args.kept} kept-alive, {args.idle} silent and {args.partial} half-sent "
        "connections held open; /healthz on fresh connections meanwhile:"
    )
    held = [connect(port, FULL_REQUEST, read_response=True) for _ in range(args.kept)]
    held += [connect(port) for _ in range(args.idle)]
    held += [connect(port, HALF_REQUEST) for _ in range(args.partial)]
    ok = True
    try:
        time.sleep(0.5)  # let the server take them all in
        for _ in range(args.probes):
            seconds, answer = healthz(port, args.limit + 10)
            fine = answer == "200 ok" and seconds <= args.limit
            ok &= fine
            print(f"   /healthz: {answer} in {seconds:.2f} s{'' if fine else '  <-- too slow'}")
            time.sleep(0.5)
        # The server closes what stays idle: kept-alive and silent ones after the keep-alive
        # time, half-sent ones after the time a read may take.
        deadline = time.monotonic() + args.stalled_within
        waits = [closed_by_server(sock, deadline) for sock in held]
        still_open = sum(wait is None for wait in waits)
        longest = max((w for w in waits if w is not None), default=0.0)
        print(
            f"   the server closed {len(held) - still_open} of {len(held)} held connections "
            f"by itself, the last {longest:.1f} s after the probes"
        )
        ok &= still_open == 0
    finally:
        for sock in held:
            sock.close()
    return ok


def stall(port, args) -> bool:
    print(f"2. {args.stalled} half-sent requests at once (more than the server's threads):")
    started = time.monotonic()
    stalled = [connect(port, HALF_REQUEST) for _ in range(args.stalled)]
    try:
        deadline = started + args.stalled_within
        waits = [closed_by_server(sock, deadline) for sock in stalled]
        still_open = sum(wait is None for wait in waits)
        print(
            f"   closed by the server: {args.stalled - still_open} of {args.stalled}, "
            f"all within {time.monotonic() - started:.1f} s"
        )
        seconds, answer = healthz(port, args.limit + 10)
        fine = answer == "200 ok" and seconds <= args.limit
        print(f"   /healthz afterwards: {answer} in {seconds:.2f} s")
        return still_open == 0 and fine
    finally:
        for sock in stalled:
            sock.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, help="a running server (default: start one)")
    parser.add_argument("--kept", type=int, default=6, help="kept-alive idle connections")
    parser.add_argument("--idle", type=int, default=6, help="connections that send nothing")
    parser.add_argument("--partial", type=int, default=2, help="half-sent requests in step 1")
    parser.add_argument("--probes", type=int, default=5, help="/healthz requests in step 1")
    parser.add_argument("--limit", type=float, default=3.0, help="seconds a /healthz may take")
    parser.add_argument("--stalled", type=int, default=10, help="half-sent requests in step 2")
    parser.add_argument(
        "--stalled-within", type=float, default=90.0, help="seconds to close them all"
    )
    args = parser.parse_args(argv)
    with served(args.port) as port:
        results = [hold_idle(port, args)]
        if args.stalled:
            results.append(stall(port, args))
    print("OK" if all(results) else "FAILED")
    return 0 if all(results) else 1


if __name__ == "__main__":
    with suppress(KeyboardInterrupt):
        sys.exit(main())
