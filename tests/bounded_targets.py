"""Functions for the bounded child process in tests/test_hostile_uploads.py; no Django."""

import time


def echo(payload: bytes) -> bytes:
    return payload[::-1]


def sleep_forever(payload: bytes) -> bytes:
    while True:
        time.sleep(1)


def spin_forever(payload: bytes) -> bytes:
    while True:
        pass


def allocate_a_gigabyte(payload: bytes) -> bytes:
    return bytes(1024**3)


def fail(payload: bytes) -> bytes:
    raise ValueError("broken")
