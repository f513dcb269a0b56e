"""A local stand-in for PDOK's Locatieserver: a tiny http.server in a thread that replays the
recorded answers in tests/geocoder/. Tests never reach the internet.

`geocoder` (fixture) starts it and points GEOCODER_URL at it; its `mode` makes it fail on
purpose: "broken" answers 500, "slow" waits 1 s (longer than the timeout its test sets),
"garbage" sends no JSON.
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

ANSWERS = Path(__file__).parent / "geocoder"


class StandIn:
    def __init__(self):
        self.mode = "normal"
        self.asked: list[dict] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                query = parse_qs(urlsplit(self.path).query)
                stand_in.asked.append(query)
                if stand_in.mode == "slow":
                    time.sleep(1.0)
                if stand_in.mode == "broken":
                    self.send_response(500)
                    self.end_headers()
                    return
                body = stand_in.answer(query)
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/bzk/locatieserver/search/v3_1/free"

    def answer(self, query) -> bytes:
        if self.mode == "garbage":
            return b"<html>maintenance</html>"
        recorded = ANSWERS / f"found-{query.get('q', [''])[0]}.json"
        if query.get("fq") == ["type:postcode"] and recorded.exists():
            return recorded.read_bytes()
        return (ANSWERS / "unknown.json").read_bytes()


@pytest.fixture
def geocoder(settings):
    stand_in = StandIn()
    thread = threading.Thread(target=stand_in.server.serve_forever, daemon=True)
    thread.start()
    settings.GEOCODER_URL = stand_in.url
    # The production timeout (3 s) stays: a shorter one made the stand-in, a thread of the
    # test process, too late on a busy machine. The timeout's own test shortens it.
    yield stand_in
    stand_in.server.shutdown()
    stand_in.server.server_close()


def recorded_point(postcode: str) -> tuple[float, float]:
    doc = json.loads((ANSWERS / f"found-{postcode}.json").read_text())["response"]["docs"][0]
    lon, lat = doc["centroide_ll"][6:-1].split()
    return float(lat), float(lon)
