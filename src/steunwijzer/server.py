"""The gunicorn worker `steunwijzer serve` and `steunwijzer demo` run: threaded, and bounded.

Sync workers serve one connection at a time, so a browser's idle keep-alive or pre-opened
connection held a whole worker until gunicorn's timeout. gunicorn's threaded worker (gthread)
serves a connection per thread, but leaves two holes this subclass closes:

- a new connection is handed to a thread straight away, which then waits up to 5 seconds for
  the request to start. Here it waits in the worker's poller instead, without a thread, and is
  closed once it has sent nothing for the keep-alive time (the same path gunicorn takes for a
  connection that stays quiet in a thread);
- a request is read and its response written on a blocking socket without any time limit, so
  a client that sends half a request and goes quiet holds a thread for good. Here every read
  and every write on a connection has CLIENT_TIMEOUT seconds; the thread is then freed and the
  connection closed.
- a connection that is not kept alive is closed "gracefully": gunicorn waits up to 2 seconds
  for the client to close its side, and does so in the worker's main loop, where no other
  connection is accepted or answered meanwhile. Here the thread that served the request does
  that wait.

Needs gunicorn 26 or 27 (pyproject.toml): it uses the worker's poller and its list of
connections waiting for data. tests/test_serving.py starts the real server and checks both.
"""

import errno
import gc
import selectors
import time
from functools import partial

from gunicorn.glogging import Logger
from gunicorn.workers.gthread import TConn, ThreadWorker

from steunwijzer.core.log_redaction import redact

# Seconds one read of the request, or one write of the response, may take. A request that
# keeps arriving (a slow upload) or a download the browser keeps reading is never cut off:
# the time is per step, not for the whole request.
CLIENT_TIMEOUT = 15


def warm_up_worker() -> None:
    """What a worker does once it has loaded the app, before its first request."""
    from django.apps import apps

    if not apps.ready:  # another app than Steunwijzer (the benchmark's bare WhiteNoise peer)
        return
    # The first SOP PDF would otherwise load WeasyPrint, Pango, the fonts, the templates and
    # the print stylesheet itself.
    from steunwijzer.publication import pdf

    pdf.warm_up()
    # Everything loaded so far lives as long as the worker. Frozen, the garbage collector no
    # longer walks it in every full collection: one such collection took about 90 ms of the
    # first PDF's CPU time (docs/benchmarks.md, issue 17).
    gc.freeze()


class RedactingLogger(Logger):
    """gunicorn's logger with the one-time secrets in paths (core/log_redaction.py) replaced by
    `…` in every access-log field: the request line, the path, the Referer."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: redact(value) if isinstance(value, str) else value for key, value in atoms.items()
        }


class _Connection(TConn):
    closed = False

    def init(self):
        super().init()
        # The worker makes the socket blocking (no time limit) before every request.
        self.sock.settimeout(CLIENT_TIMEOUT)

    def close(self, graceful=False):
        if not self.closed:
            self.closed = True
            super().close(graceful=graceful)


class BoundedThreadWorker(ThreadWorker):
    def load_wsgi(self):
        super().load_wsgi()
        warm_up_worker()

    def handle(self, conn):
        keep_alive = super().handle(conn)
        if keep_alive is False:
            # Closed here, in this thread; the main loop's close afterwards does nothing.
            conn.close(graceful=True)
        return keep_alive

    def accept(self, listener):
        try:
            client, address = listener.accept()
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = _Connection(self.cfg, client, address, listener.getsockname())
        # Wait for the first bytes in the poller, not in a thread; closed by the worker's
        # loop when none come within the keep-alive time.
        conn.timeout = time.monotonic() + self.cfg.keepalive
        self.pending_conns.append(conn)
        self.poller.register(
            conn.sock, selectors.EVENT_READ, partial(self.on_pending_socket_readable, conn)
        )
