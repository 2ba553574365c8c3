"""A throwaway PostgreSQL server for the tests and benchmarks: initdb and pg_ctl in a temp folder.

``with throwaway_server() as dsn: ...`` starts a server on 127.0.0.1 and a free port, with a
data folder under the system's temp folder, and removes it all afterwards. It needs the
PostgreSQL server programs (``initdb``, ``pg_ctl``): on PATH, or where Debian's ``postgresql``
package puts them (``/usr/lib/postgresql/VERSION/bin``). initdb refuses to run as root, so
as root the server runs as the ``postgres`` user (which that package creates).

Run as a script, it starts a server, prints its DSN, and stops it on Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = ["ServerUnavailable", "find_binaries", "throwaway_server"]


class ServerUnavailable(RuntimeError):
    """No server can be started here; the message says why."""


def find_binaries() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``.

    Raises:
        ServerUnavailable: Neither on PATH nor under /usr/lib/postgresql.
    """
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return Path(initdb).resolve().parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if versions and (versions[-1].parent / "pg_ctl").exists():
        return versions[-1].parent
    raise ServerUnavailable(
        "the PostgreSQL server programs (initdb, pg_ctl) are not installed "
        "(Debian: apt-get install postgresql)"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def throwaway_server(*, durable: bool = False) -> Iterator[str]:
    """Start a PostgreSQL server for this block and yield its DSN (user ``honestcs``, no password).

    Args:
        durable: Keep fsync on. Off by default: the data is thrown away anyway, and tests
            run several times faster without it; benchmarks of write speed turn it on.

    Raises:
        ServerUnavailable: The programs are missing, or initdb or the server failed (the
            message quotes their output).
    """
    binaries = find_binaries()
    prefix: list[str] = []
    owner = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise ServerUnavailable(
                "running as root, and there is no 'postgres' user to run the server as "
                "(initdb refuses to run as root)"
            ) from None
        prefix = ["runuser", "-u", "postgres", "--"]
    folder = Path(tempfile.mkdtemp(prefix="honestcs-pg-"))
    data = folder / "data"
    if owner is not None:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    port = _free_port()

    def run(*args: str) -> None:
        done = subprocess.run(
            [*prefix, *args], capture_output=True, text=True, check=False, timeout=120
        )
        if done.returncode:
            log = folder / "server.log"
            extra = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise ServerUnavailable(
                f"{Path(args[0]).name} failed ({done.returncode}): "
                f"{(done.stderr or done.stdout).strip()[-2000:]} {extra}".strip()
            )

    options = f"-h 127.0.0.1 -p {port} -k {folder}" + ("" if durable else " -F")
    started = False
    try:
        run(str(binaries / "initdb"), "-D", str(data), "-U", "honestcs", "-A", "trust",
            "-E", "UTF8", "--no-sync", "--no-instructions")  # fmt: skip
        run(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"),
            "-o", options, "-w", "-t", "60", "start")  # fmt: skip
        started = True
        yield f"postgresql://honestcs@127.0.0.1:{port}/postgres"
    finally:
        if started:
            with contextlib.suppress(ServerUnavailable, subprocess.TimeoutExpired):
                run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    try:
        with throwaway_server() as dsn:
            print(dsn, flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                while True:
                    time.sleep(3600)
    except ServerUnavailable as exc:
        print(f"cannot start PostgreSQL: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
