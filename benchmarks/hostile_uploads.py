"""CI check: four hostile pupil exports sent to the real server at once, three rounds, while
/healthz is asked every 0.1 s. Passes when every upload is refused with a 422 and its Dutch
message, and every /healthz answers 200 within a second. Only talks to the given loopback
address; bounded in requests and time.

    .venv/bin/python benchmarks/hostile_uploads.py http://127.0.0.1:PORT TOKEN BRIN SCHOOL_YEAR
"""

import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile_files import CORPUS

FILES = ("far_cell", "row_without_end", "zip_bomb", "huge_shared_strings")
HEALTH_LIMIT_S = 1.0
UPLOAD_LIMIT_S = 15.0
ROUNDS = 3


def multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def upload(url: str, token: str, key: str, results: dict) -> None:
    """Send the file ROUNDS times; keep the worst answer (a wrong one, else the slowest)."""
    name, build = CORPUS[key]
    body, content_type = multipart(name, build())
    for _ in range(ROUNDS):
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": content_type},
        )
        start = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=UPLOAD_LIMIT_S) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            status, text = exc.code, exc.read().decode()
        except OSError as exc:
            status, text = 0, str(exc)
        answer = (status, time.monotonic() - start, text)
        worst = results.get(key)
        if worst is None or (worst[0] == 422 and (status != 422 or answer[1] > worst[1])):
            results[key] = answer


def main(base: str, token: str, brin: str, school_year: str) -> int:
    if not base.startswith(("http://127.", "http://localhost")):
        sys.exit("only a server on this machine's loopback address may be tried")
    url = f"{base}/api/v1/schools/{brin}/years/{school_year}/diversity/import/"
    for key in FILES:  # build the files before the clock starts
        CORPUS[key][1]()
    results: dict = {}
    threads = [threading.Thread(target=upload, args=(url, token, k, results)) for k in FILES]
    health: list[tuple[int, float]] = []
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + ROUNDS * UPLOAD_LIMIT_S + 5
    while any(t.is_alive() for t in threads) and time.monotonic() < deadline:
        start = time.monotonic()
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
                health.append((response.status, time.monotonic() - start))
        except OSError:
            health.append((0, time.monotonic() - start))
        time.sleep(0.1)
    for thread in threads:
        thread.join(timeout=1)
    failed = False
    for key in FILES:
        status, seconds, text = results.get(key, (0, UPLOAD_LIMIT_S, "no answer"))
        good = status == 422 and "niets opgeslagen" in text
        failed |= not good
        print(f"{'ok ' if good else 'BAD'} {key:22} {status}, slowest of {ROUNDS} {seconds:.2f} s")
    slowest = max((s for _, s in health), default=0.0)
    bad_health = [h for h in health if h[0] != 200 or h[1] > HEALTH_LIMIT_S]
    print(f"/healthz asked {len(health)} times, slowest {slowest:.2f} s, {len(bad_health)} bad")
    failed |= bool(bad_health) or not health
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
