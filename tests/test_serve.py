"""`briefings serve`: builds, serves on localhost, rebuilds when a seed changes, with the reload script."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from articles import PHONE_CALL, SEED_LIKE


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def wait_for(predicate, seconds: float = 20.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_serve_builds_serves_and_rebuilds_on_change(archive):
    archive.seed("a.txt", SEED_LIKE)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port)], cwd=archive.root,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        home = wait_for(lambda: fetch(f"http://127.0.0.1:{port}/"))
        assert "Ingrid Solberg" in home and "livereload" in home  # the reload script is injected
        assert f'href="http://127.0.0.1:{port}/' in home or 'href="/' in home
        archive.seed("b.txt", PHONE_CALL)
        wait_for(lambda: "Klaus Becker" in fetch(f"http://127.0.0.1:{port}/officials/"))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
