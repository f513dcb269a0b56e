"""The peer `bench_public.py` compares the school page with: a bare WhiteNoise app.

No Django, no middleware, no database: WhiteNoise serving the folder `BENCH_PEER_ROOT`, where
the benchmark saved the school page's HTML as `<school path>/index.html`, so the peer answers
the same path with the same bytes. Anything else is a plain 404. gunicorn runs it with the same
worker class, workers and threads as `steunwijzer serve` runs the project.
"""

import os

from whitenoise import WhiteNoise


def not_found(environ, start_response):
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"Not found"]


application = WhiteNoise(not_found, root=os.environ["BENCH_PEER_ROOT"], index_file=True)
