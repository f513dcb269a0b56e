"""The `steunwijzer` console script, run as a user runs it: in a subprocess."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest

from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH

SCRIPT = shutil.which("steunwijzer", path=str(Path(sys.executable).parent)) or "steunwijzer"


def run(*args, data_dir, timeout=120, **env):
    environment = {**os.environ, "STEUNWIJZER_DATA_DIR": str(data_dir), **env}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment.pop("DATABASE_URL", None)  # the demo always runs on SQLite
    return subprocess.run(
        [SCRIPT, *args], capture_output=True, text=True, timeout=timeout, env=environment
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_format_validate_reports_ok_for_the_shipped_model(tmp_path):
    result = run("format", "validate", str(DEFAULT_FORMAT_PATH), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: Haaglanden SOP-model 2.0")


def test_format_validate_fails_with_the_line_of_the_problem(tmp_path):
    bad = tmp_path / "model.yaml"
    bad.write_text(
        DEFAULT_FORMAT_PATH.read_text(encoding="utf-8").replace(
            "type: long_text", "type: tekst", 1
        ),
        encoding="utf-8",
    )
    result = run("format", "validate", str(bad), data_dir=tmp_path)
    assert result.returncode == 1
    assert "model.yaml:" in result.stderr and "tekst" in result.stderr


def test_format_schema_prints_the_json_schema(tmp_path):
    result = run("format", "schema", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "SOP-model"


def test_django_commands_still_work(tmp_path):
    result = run("migrate", "--check", data_dir=tmp_path)
    assert result.returncode == 1  # a fresh data dir has unapplied migrations
    assert run("migrate", "-v", "0", data_dir=tmp_path).returncode == 0
    assert run("migrate", "--check", data_dir=tmp_path).returncode == 0


def test_migrate_creates_a_missing_data_dir_with_a_given_secret_key(tmp_path):
    data_dir = tmp_path / "nieuw" / "data"
    result = run("migrate", "-v", "0", data_dir=data_dir, SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert (data_dir / "steunwijzer.sqlite3").exists()
    assert not (data_dir / "secret_key").exists()


def test_serve_refuses_an_unmigrated_database(tmp_path):
    result = run("serve", data_dir=tmp_path)
    assert result.returncode == 1
    assert "Voer eerst 'steunwijzer migrate' uit" in result.stderr


def _start_demo(data_dir, port):
    environment = {**os.environ, "STEUNWIJZER_DATA_DIR": str(data_dir)}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment.pop("DATABASE_URL", None)
    return subprocess.Popen(
        [SCRIPT, "demo", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=environment,
    )


def _wait_for(url, process, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"demo stopped: {process.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status, response.read().decode()
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"{url} did not answer within {seconds} s")


def _stop(process) -> str:
    process.terminate()
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    return output


def test_demo_builds_once_serves_and_reuses_its_data(tmp_path):
    port = free_port()
    first = _start_demo(tmp_path, port)
    try:
        status, body = _wait_for(f"http://127.0.0.1:{port}/inloggen/", first)
        assert status == 200 and "Inloggen" in body
        assert _wait_for(f"http://127.0.0.1:{port}/healthz", first)[1] == "ok\n"
    finally:
        output = _stop(first)
    assert "Demodata aanmaken" in output
    assert f"http://127.0.0.1:{port}/" in output
    assert "directeur" in output and "steunwijzer-demo" in output
    assert (tmp_path / "steunwijzer.sqlite3").exists()

    second = _start_demo(tmp_path, port)
    try:
        _wait_for(f"http://127.0.0.1:{port}/healthz", second)
        invitation = urllib.request.Request(
            f"http://127.0.0.1:{port}/uitnodiging/geheim-uitnodigingstoken/",
            headers={
                "Referer": f"http://127.0.0.1:{port}/wachtwoord-herstellen/MQ/geheim-herstel/"
            },
        )
        try:
            urllib.request.urlopen(invitation, timeout=10).close()
        except urllib.error.HTTPError as closed:  # an unknown token's page
            closed.close()
    finally:
        output = _stop(second)
    assert "wordt hergebruikt" in output and "Demodata aanmaken" not in output
    # The access log names the pages without their one-time secrets (steunwijzer/server.py).
    assert "GET /uitnodiging/…/ HTTP/1.1" in output
    assert "/wachtwoord-herstellen/MQ/…/" in output
    assert "geheim" not in output


@pytest.mark.parametrize(
    "args, message",
    [
        (["restore", "{half_zip}"], "Dit zip-bestand is beschadigd of onvolledig"),
        (["restore", "{png}"], "geen zip-bestand en dus geen back-up"),
        (["format", "import", "{png}"], "dit is een PNG-afbeelding, geen YAML-tekst"),
        (["diversity", "validate", "{empty}"], "is leeg: er staat niets in"),
        (["ijk", "import", "{folder}"], "is een map, geen bestand"),
        (["backup", "--output", "{nowhere}"], "bestaat niet"),
        (["avg", "export-school", "17XK", "--output", "{nowhere}"], "bestaat niet"),
    ],
)
def test_a_bad_file_gets_a_dutch_message_and_exit_status_1_without_a_traceback(
    tmp_path, args, message
):
    files = tmp_path / "bestanden"
    files.mkdir()
    (files / "leeg.yaml").write_bytes(b"")
    (files / "plaatje.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with zipfile.ZipFile(files / "heel.zip", "w") as archive:
        archive.writestr("manifest.json", "{}" * 500)
    whole = (files / "heel.zip").read_bytes()
    (files / "half.zip").write_bytes(whole[: len(whole) // 2])
    names = {
        "half_zip": files / "half.zip",
        "png": files / "plaatje.png",
        "empty": files / "leeg.yaml",
        "folder": files,
        "nowhere": files / "nergens" / "uit.zip",
    }
    result = run(*(a.format(**names) for a in args), data_dir=tmp_path / "data")
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
