"""A throwaway PostgreSQL server for the tests, from Debian's server binaries.

The server lives in a temporary folder of its own (data, log and socket) and listens on a Unix
socket there only, with no TCP port: it cannot collide with another server on this machine, and
only its owner (and root) can reach it. It trusts those local connections as the superuser
`postgres`.

PostgreSQL refuses to run as root, and CI runs the suite as root: initdb and pg_ctl then run as
the `postgres` system user that Debian's package creates (setpriv, from util-linux), on a folder
that user owns. As another user they run as that user.

conftest.py holds the fixtures: one server per session, one fresh database per test.
"""

import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from tests.missing import stop

DEBIAN_SERVERS = Path("/usr/lib/postgresql")
SUPERUSER = "postgres"
INSTALL_HINT = ("PostgreSQL's server binaries (initdb, pg_ctl) are not installed: run "
                "`bash autograder/install_system_packages.sh` as root")


def server_bindir(servers=None):
    """The bin/ folder of the newest PostgreSQL under /usr/lib/postgresql/<version>/ (or under
    `servers`), or None."""
    servers = DEBIAN_SERVERS if servers is None else servers
    found = [path.parent for path in servers.glob("*/bin/pg_ctl") if (path.parent / "initdb").exists()]
    return max(found, key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else -1, default=None)


def require_server_bindir(servers=None):
    """server_bindir(), or stop the test: a failure in CI (a missing install step must not pass
    unseen), a skip elsewhere. Either way the message says how to install it."""
    bindir = server_bindir(servers)
    if bindir is None:
        stop(INSTALL_HINT)
    return bindir


@dataclass
class PostgresServer:
    """A running server: its folder, its binaries and the OS user it runs as (None: ours)."""
    folder: Path
    bindir: Path
    run_as: str = None

    @property
    def data(self):
        return self.folder / "data"

    @property
    def socket_dir(self):
        return self.folder / "socket"

    def url(self, database="postgres"):
        """The SQLAlchemy URL of `database` on this server, through its socket (psycopg 3)."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.socket_dir}"

    def run(self, program, *arguments):
        """Run one of the server's programs as the server's user; raise with its output if it fails."""
        command = [str(self.bindir / program), *arguments]
        if self.run_as:
            command = ["setpriv", f"--reuid={self.run_as}", f"--regid={self.run_as}", "--init-groups", "--", *command]
        # Its own folder as working folder: the postgres user may not be allowed into ours.
        done = subprocess.run(command, cwd=self.folder, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = self.folder / "server.log"
            raise RuntimeError(f"{program} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
                               + (log.read_text()[-3000:] if log.exists() else ""))
        return done.stdout

    def start(self):
        self.run("initdb", "--pgdata", str(self.data), "--username", SUPERUSER, "--auth", "trust",
                 "--encoding", "UTF8", "--locale", "C")
        self.socket_dir.mkdir()
        if self.run_as:
            shutil.chown(self.socket_dir, self.run_as, self.run_as)
        with open(self.data / "postgresql.conf", "a") as conf:
            # The socket only; durability is worth nothing for a server that lives one session.
            conf.write(f"\nlisten_addresses = ''\nunix_socket_directories = '{self.socket_dir}'\n"
                       "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n")
        self.run("pg_ctl", "start", "--pgdata", str(self.data), "--wait", "--log", str(self.folder / "server.log"))
        return self

    def stop(self):
        """Stop the server (if it runs) and remove its folder."""
        try:
            if (self.data / "postmaster.pid").exists():
                self.run("pg_ctl", "stop", "--pgdata", str(self.data), "--mode", "fast", "--wait")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def create_database(self):
        """A new empty database with a unique name; returns its URL."""
        name = f"gradebook_{uuid.uuid4().hex[:12]}"
        self._execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url):
        from sqlalchemy.engine import make_url

        # FORCE: a connection nbgrader left open must not keep the database alive.
        self._execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def _execute(self, statement):
        """Run one statement outside a transaction (CREATE DATABASE cannot run in one)."""
        from sqlalchemy import create_engine, text

        engine = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(text(statement))
        finally:
            engine.dispose()


def start_server(bindir):
    """A PostgreSQL server from `bindir`, started in a new temporary folder. As root, the folder
    belongs to the user postgres and the server runs as that user."""
    run_as = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SUPERUSER)
        except KeyError:
            raise RuntimeError(f"there is no system user {SUPERUSER!r} to run PostgreSQL as "
                               f"(Debian's postgresql package creates it): {INSTALL_HINT}") from None
        run_as = SUPERUSER
    # Directly under the system's temporary folder: pytest's own (mode 0700, root's) is closed to postgres.
    folder = Path(tempfile.mkdtemp(prefix="gradebook-postgres-"))
    if run_as:
        shutil.chown(folder, run_as, run_as)
    server = PostgresServer(folder, bindir, run_as)
    try:
        return server.start()
    except BaseException:
        server.stop()
        raise
