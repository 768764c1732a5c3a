"""Real processes for the fault tests: the app's commands, gunicorn, a private PostgreSQL.

Every process is started with the environment a deployment gives it, pointed at the database
the test uses, and is always stopped, whatever the test's outcome.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
MANAGE = [sys.executable, str(ROOT / "manage.py")]
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def database_url() -> str:
    """The URL of the database this test runs on, for a process to share it."""
    settings = connection.settings_dict
    if settings["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or "postgres"
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{user}@{host}:{port}/{settings['NAME']}"


def app_env(**extra: str) -> dict[str, str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST", "DJANGO_ALLOW_ASYNC")) and k not in {"REDIS_URL"}
    }
    return {
        **base,
        "DEBUG": "true",
        "DATABASE_URL": database_url(),
        "LOG_FORMAT": "console",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def wait_for(check: Callable[[], bool], *, timeout: float, what: str, every: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(every)
    raise AssertionError(f"Gave up after {timeout:.0f} s waiting for {what}.")


@dataclass
class Process:
    popen: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def alive(self) -> bool:
        return self.popen.poll() is None

    def kill(self) -> None:
        """SIGKILL: no clean-up, no handlers; as the kernel's OOM killer or a pulled plug."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=10)

    def stop(self) -> None:
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


@contextlib.contextmanager
def started(
    argv: list[str], *, env: Mapping[str, str], log_dir: Path, name: str
) -> Iterator[Process]:
    log = log_dir / f"{name}.log"
    with log.open("wb") as sink:
        popen = subprocess.Popen(
            argv,
            env=dict(env),
            cwd=ROOT,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    process = Process(popen, log)
    try:
        yield process
    finally:
        process.stop()


@contextlib.contextmanager
def gunicorn(
    *,
    env: Mapping[str, str],
    log_dir: Path,
    name: str,
    app: str = "triplewin.config.wsgi",
    args: tuple[str, ...] = (),
) -> Iterator[tuple[str, Process]]:
    """A gunicorn app server (gunicorn.conf.py, one worker unless `env` says otherwise) on a
    free port, once it answers; its address and process."""
    port = free_port()
    site = f"http://127.0.0.1:{port}"
    env = {"WEB_CONCURRENCY": "1", **env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    argv = [GUNICORN, "-c", "gunicorn.conf.py", *args, app]
    with started(argv, env=env, log_dir=log_dir, name=name) as server:
        wait_for(
            lambda: get(f"{site}/health/live")[0] == 200 or not server.alive(),
            timeout=90,
            what="gunicorn",
        )
        assert server.alive(), server.output()[-3000:]
        yield site, server


def manage(*args: str, env: Mapping[str, str], timeout: float = 120) -> str:
    done = subprocess.run(
        [*MANAGE, *args],
        env=dict(env),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def get(url: str, *, timeout: float = 10) -> tuple[int, str]:
    """A GET as a browser makes it: the status and the page, whatever the status; status 0
    when nothing answers (the server is not up, or was killed)."""
    assert url.startswith("http://127.0.0.1:"), url
    return fetch(urllib.request.build_opener(), url, timeout=timeout)


def fetch(
    opener: urllib.request.OpenerDirector,
    request: urllib.request.Request | str,
    *,
    timeout: float,
) -> tuple[int, str]:
    """The status and the page of one request through `opener`; 0 when nothing answers."""
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return 0, str(error)


# A private PostgreSQL --------------------------------------------------------------------


def _pg_bin(name: str) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(found[-1]) if found else (shutil.which(name) or name)


@dataclass
class Cluster:
    """A PostgreSQL server of the test's own, so stopping it disturbs nothing else."""

    directory: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/triplewin"

    def _ctl(self, *args: str) -> None:
        _as_postgres([_pg_bin("pg_ctl"), "-D", str(self.directory / "data"), "-w", *args])

    def start(self) -> None:
        self._ctl(
            "-l", str(self.directory / "server.log"), "-o", f"-p {self.port} -k /tmp", "start"
        )

    def stop(self) -> None:
        self._ctl("-m", "fast", "stop")


def _as_postgres(argv: list[str]) -> None:
    # PostgreSQL refuses to run as root; the machine's own server runs as `postgres`.
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *argv], check=True, capture_output=True, timeout=120)


@contextlib.contextmanager
def private_postgres() -> Iterator[Cluster]:
    directory = Path(tempfile.mkdtemp(prefix="triplewin-pg-"))
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    cluster = Cluster(directory, free_port())
    _as_postgres(
        [
            _pg_bin("initdb"),
            "-D",
            str(directory / "data"),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
        ]
    )
    cluster.start()
    try:
        _as_postgres(
            [
                _pg_bin("createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(cluster.port),
                "-U",
                "postgres",
                "triplewin",
            ]
        )
        yield cluster
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)
