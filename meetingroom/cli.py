"""The ``meetingroom`` command: serve, seed the demo, run the demo, administer accounts."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import logging
import os
import ssl
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_dir

from meetingroom import __version__
from meetingroom.core.account_errors import AccountError, WeakPasswordError

if TYPE_CHECKING:
    from meetingroom.server.storage.database import Database

# Server-side modules (SQLAlchemy, Alembic, the blob store) are imported inside the
# commands that use them: `meetingroom client` should not pay for them at start-up.

ENV_DB = "MEETINGROOM_DB"


def default_db_url() -> str:
    return os.environ.get(ENV_DB) or f"sqlite:///{Path(user_data_dir('meetingroom')) / 'server.db'}"


class SetupError(Exception):
    """A problem the operator can fix (bad URL, port taken); shown without a traceback."""


def open_database(url: str) -> Database:
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from meetingroom.server.storage.database import Database
    try:
        return Database(url)
    except (SQLAlchemyError, ArgumentError, OSError) as exc:
        raise SetupError(f"cannot open the database {url!r}: {str(exc).splitlines()[0]}") \
            from exc


def _configure_logging(level: str) -> None:
    logging.basicConfig(level=getattr(logging, level.upper(), logging.INFO),
                        format="%(asctime)s %(levelname)s %(name)s %(message)s",
                        stream=sys.stderr)


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Mật khẩu mới / new password: ")
    if getpass.getpass("Nhập lại / repeat: ") != first:
        raise AccountError("passwords do not match")
    return first


def cmd_serve(args: argparse.Namespace) -> int:
    from meetingroom.server.service import MeetingService
    from meetingroom.sync.serving.endpoint import ServerConfig, run, tls_context

    if bool(args.tls_cert) != bool(args.tls_key):
        print("--tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    try:
        tls = tls_context(args.tls_cert, args.tls_key) if args.tls_cert else None
    except (OSError, ssl.SSLError) as exc:
        raise SetupError(f"cannot load the TLS certificate or key: {exc}") from exc
    if getattr(args, "relay_for", None):
        return _serve_relay(args, ServerConfig(host=args.host, port=args.port, tls=tls))
    db = open_database(args.db)
    config = ServerConfig(host=args.host, port=args.port, tls=tls)

    def ready(server: object) -> None:
        url = getattr(server, "url", "")
        health = url.replace("ws", "http", 1) + "/healthz"
        print(f"meetingroom {__version__}: chair server at {url} (health: {health})",
              flush=True)
        on_ready = getattr(args, "on_ready", None)
        if on_ready is not None:
            on_ready(url)
        if getattr(args, "announce", False):
            _start_announcing(args, server)

    try:
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(run(MeetingService(db), config, ready))
    except OSError as exc:  # typically: the port is taken, or the address is not ours
        raise SetupError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") \
            from exc
    finally:
        db.dispose()
    return 0


def _start_announcing(args: argparse.Namespace, server: object) -> None:
    """Tell laptops on the LAN where this server is (UDP broadcast; see sync/discovery.py)."""
    from meetingroom.sync.client.discovery import (
        announce_targets,
        default_hall_name,
        start_announcer,
    )

    scheme = "wss" if args.tls_cert else "ws"
    port = int(getattr(server, "port", args.port))
    name = getattr(args, "hall_name", None) or default_hall_name()
    # Kept on the namespace so the task is not garbage-collected while the server runs.
    args.announcer = start_announcer(name=name, scheme=scheme, port=port, host=args.host)
    targets = ", ".join(f"{h}:{p}" for h, p in announce_targets(args.host))
    print(f"announcing {name!r} on udp {targets} (--no-announce to stop)", flush=True)


def _serve_relay(args: argparse.Namespace, config: object) -> int:
    """``serve --relay-for``: a hall server that follows one provincial meeting."""
    from meetingroom.sync.relay.hall_relay import RelaySettings, run_relay
    from meetingroom.sync.serving.endpoint import ServerConfig

    assert isinstance(config, ServerConfig)
    if not args.relay_meeting or not args.relay_user:
        raise SetupError("--relay-for needs --relay-meeting and --relay-user")
    password = token = None
    if args.relay_password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif args.relay_token_file:
        try:
            token = args.relay_token_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise SetupError(f"cannot read {args.relay_token_file}: {exc}") from exc
    else:
        raise SetupError("--relay-for needs --relay-password-stdin or --relay-token-file")
    upstream_tls = None
    if args.relay_for.startswith("wss:"):
        try:
            upstream_tls = ssl.create_default_context(cafile=args.relay_ca)
        except (OSError, ssl.SSLError) as exc:
            raise SetupError(f"cannot load --relay-ca: {exc}") from exc
    folder = args.relay_dir or Path(user_data_dir("meetingroom")) / \
        f"relay-{args.relay_meeting}"
    settings = RelaySettings(upstream=args.relay_for, meeting_id=args.relay_meeting,
                             user=args.relay_user, password=password, token=token,
                             hall=args.relay_hall, folder=folder, upstream_tls=upstream_tls)

    def ready(server: object) -> None:
        url = getattr(server, "url", "")
        health = url.replace("ws", "http", 1) + "/healthz"
        print(f"meetingroom {__version__}: hall relay at {url} for meeting "
              f"{args.relay_meeting} of {args.relay_for} (health: {health})", flush=True)

    try:
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(run_relay(settings, config, ready))
    except OSError as exc:
        raise SetupError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") \
            from exc
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from meetingroom.server.blobs import BlobStore, default_blob_dir
    from meetingroom.server.seed import seed_demo

    db = open_database(args.db)
    logins = seed_demo(db, BlobStore(Path(args.blobs) if args.blobs else
                                     default_blob_dir(args.db)))
    print(logins.describe())
    db.dispose()
    return 0


def no_display_reason() -> str | None:
    """Why client windows cannot open on this machine (Linux without a display), or None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return "no display (DISPLAY and WAYLAND_DISPLAY are not set)"


HEADLESS_HINT = ("Không có màn hình: chỉ chạy máy chủ / no display: serving only. "
                 "Run the demo headless with `meetingroom demo --no-client` (or "
                 "`./scripts/demo --no-client`), open the windows from a desktop with "
                 "`meetingroom client --server URL`, or use `xvfb-run ./scripts/demo`.")


def _client_command(url: str, args: argparse.Namespace) -> list[str]:
    command = [sys.executable, "-m", "meetingroom", "client", "--server", url, "--demo"]
    if args.lang:
        command += ["--lang", args.lang]
    return command


def cmd_demo(args: argparse.Namespace) -> int:
    import subprocess

    from meetingroom.server.blobs import BlobStore
    from meetingroom.server.seed import seed_demo

    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="meetingroom-demo-"))
    url = f"sqlite:///{folder / 'demo.db'}"
    print(f"Dữ liệu mẫu / demo data in {folder}", flush=True)
    db = open_database(url)
    logins = seed_demo(db, BlobStore(folder / "blobs"))
    db.dispose()
    print(logins.describe(), flush=True)
    with_client = not args.no_client
    if with_client and (reason := no_display_reason()):
        print(f"{reason}. {HEADLESS_HINT}", file=sys.stderr, flush=True)
        with_client = False
    clients: list[subprocess.Popen[bytes]] = []

    def started(server_url: str) -> None:
        if not with_client:
            return
        command = _client_command(server_url, args)
        print("Mở cửa sổ / opening the client windows (daibieu01, chutoa, big screen): "
              + " ".join(command[1:]), flush=True)
        clients.append(subprocess.Popen(command))

    serve_args = argparse.Namespace(db=url, host=args.host, port=args.port, tls_cert=None,
                                    tls_key=None, on_ready=started)
    try:
        return cmd_serve(serve_args)
    finally:
        for client in clients:
            if client.poll() is None:
                client.terminate()
                try:
                    client.wait(timeout=5)
                except subprocess.TimeoutExpired:  # its data is on disk; do not keep Ctrl+C waiting
                    client.kill()
                    client.wait(timeout=5)


def cmd_client(args: argparse.Namespace) -> int:
    from meetingroom.ui import app

    return app.run(args)


def cmd_user_add(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    with db.transaction() as session:
        from meetingroom.server.accounts import add_user

        user = add_user(session, args.username, args.full_name or args.username,
                        _read_password(args), title=args.title, is_admin=args.admin)
        print(f"created user {user.username} (id {user.id})")
    return 0


def cmd_user_reset(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    with db.transaction() as session:
        from meetingroom.server.accounts import reset_password

        user = reset_password(session, args.username, _read_password(args))
        print(f"password reset for {user.username}; their saved session tokens were revoked")
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    open_database(args.db).dispose()
    print("database schema is up to date")
    return 0


def cmd_tls_init(args: argparse.Namespace) -> int:
    from meetingroom.server.tls_cert import make_self_signed

    folder = Path(args.dir)
    if (folder / "key.pem").exists() and not args.force:
        raise SetupError(f"{folder / 'key.pem'} exists; use --force to replace it (every "
                         "laptop will then warn that the certificate changed)")
    cert, key, print_ = make_self_signed(folder, args.names, days=args.days)
    print(f"certificate: {cert}\nprivate key: {key}")
    print(f"SHA-256 fingerprint (đọc cho đại biểu so sánh / read out for laptops to compare):"
          f"\n  {print_}")
    print(f"serve with: meetingroom serve --tls-cert {cert} --tls-key {key} ...")
    return 0


def cmd_pdf_check(args: argparse.Namespace) -> int:
    """One line per file, ok with its page count or refused with the reason; exit 0 only
    when every file passed, the same check the server runs when a document is attached."""
    from meetingroom.core.pdf.check import Limits, check_file

    limits = Limits(page_seconds=args.page_seconds, memory_bytes=args.memory_mb << 20)
    word = {"en": "refused"}.get(args.lang, "từ chối")
    failed = 0
    for name in args.files:
        verdict = check_file(Path(name), limits)
        if verdict.ok:
            print(f"{name}: {verdict.text(args.lang)}")
        else:
            failed += 1
            print(f"{name}: {word}: {verdict.text(args.lang)}")
        sys.stdout.flush()
    return 0 if failed == 0 else 1


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Exit 0 when the audit chain is intact, 3 (with every broken link listed) when not."""
    from meetingroom.server import audit
    db = open_database(args.db)
    try:
        with db.reading() as session:
            verdict = audit.verify(session)
    finally:
        db.dispose()
    if verdict.ok:
        print(f"audit trail intact: {verdict.entries} entries")
        return 0
    print(f"AUDIT TRAIL BROKEN ({len(verdict.problems)} problem(s) in {verdict.entries} "
          "entries):", file=sys.stderr)
    for problem in verdict.problems:
        print(f"  {problem}", file=sys.stderr)
    return 3


def cmd_province_import(args: argparse.Namespace) -> int:
    """Exit 0 when imported (or, with --dry-run, importable), 1 with a line per bad row."""
    from meetingroom.server.admin.province_import import (
        ImportFileError,
        import_province,
        read_workbook,
    )

    try:
        bodies, users = read_workbook(Path(args.file))
    except ImportFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    db = open_database(args.db)
    try:
        with db.transaction() as session:
            outcome = import_province(session, bodies, users, dry_run=args.dry_run)
    finally:
        db.dispose()
    for problem in outcome.problems:
        print(problem, file=sys.stderr)
    if outcome.problems:
        print(f"{len(outcome.problems)} problem(s); nothing was imported", file=sys.stderr)
        return 1
    for change in outcome.changes:
        print(("would " if args.dry_run else "") + change)
    if not outcome.changes:
        print("nothing to change: the database already matches the file")
    elif args.dry_run:
        print(f"dry run: {len(outcome.changes)} change(s) listed, nothing written")
    else:
        print(f"imported: {len(outcome.changes)} change(s)")
    if outcome.passwords:
        if args.passwords:
            import csv

            with open(args.passwords, "w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                writer.writerow(["username", "password"])
                writer.writerows(sorted(outcome.passwords.items()))
            os.chmod(args.passwords, 0o600)
            print(f"first passwords of {len(outcome.passwords)} new user(s) written to "
                  f"{args.passwords}")
        else:
            print("first passwords of new users (shown once):")
            for username, password in sorted(outcome.passwords.items()):
                print(f"  {username}\t{password}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="meetingroom", description=__doc__)
    parser.add_argument("--version", action="version", version=f"meetingroom {__version__}")
    parser.add_argument("--log-level", default=os.environ.get("MEETINGROOM_LOG", "info"),
                        choices=["debug", "info", "warning", "error"])
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", default=default_db_url(),
                       help=f"database URL or SQLite path (default ${ENV_DB} or the data dir)")
        return p

    serve = with_db(sub.add_parser("serve", help="run the chair server"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--tls-cert", help="PEM certificate: serve wss:// (recommended)")
    serve.add_argument("--tls-key", help="PEM private key for --tls-cert")
    serve.add_argument("--announce", action=argparse.BooleanOptionalAction, default=True,
                       help="announce the server on the LAN by UDP broadcast so clients find "
                            "it on first start (default: on; a loopback --host announces to "
                            "this machine only)")
    serve.add_argument("--hall-name", help="name shown to clients that find this server "
                                           "(default $MEETINGROOM_HALL_NAME or the host name)")
    relay = serve.add_argument_group(
        "hall relay", "serve one provincial meeting to this hall's laptops through one uplink "
        "(docs/operations.md, \"Province: relay halls\")")
    relay.add_argument("--relay-for", metavar="URL",
                       help="the provincial chair server, wss://host:port")
    relay.add_argument("--relay-meeting", type=int, metavar="ID",
                       help="the provincial meeting this hall follows")
    relay.add_argument("--relay-user", metavar="NAME",
                       help="the relay account: a guest participant of the meeting")
    relay.add_argument("--relay-password-stdin", action="store_true",
                       help="read the relay account's password from standard input")
    relay.add_argument("--relay-token-file", type=Path, metavar="PATH",
                       help="or: a file holding a session token of the relay account")
    relay.add_argument("--relay-hall", default="", metavar="NAME",
                       help="the hall's name on the chair console (default: the account)")
    relay.add_argument("--relay-dir", type=Path, metavar="DIR",
                       help="the relay's store and documents (default: the data dir)")
    relay.add_argument("--relay-ca", metavar="PEM",
                       help="CA or self-signed certificate to trust for a wss:// uplink")
    serve.set_defaults(func=cmd_serve)

    seed = with_db(sub.add_parser("seed-demo", help="create the demo council and session"))
    seed.add_argument("--blobs", help="document folder (default: beside the SQLite file)")
    seed.set_defaults(func=cmd_seed_demo)

    demo = sub.add_parser("demo", help="seed a temporary database, serve it and open the "
                          "client windows: a delegate, the chair console, the big screen")
    demo.add_argument("--dir", help="keep the demo data here instead of a temporary folder")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8765)
    demo.add_argument("--no-client", action="store_true",
                      help="serve only; open no windows (headless machines, CI)")
    demo.add_argument("--lang", choices=["vi", "en"], help="language of the client windows")
    demo.set_defaults(func=cmd_demo)

    client = sub.add_parser("client", help="the desktop client (PySide6)")
    client.add_argument("--server", help="chair server address, ws://host:port or wss://…")
    client.add_argument("--user", help="username to fill in")
    client.add_argument("--lang", choices=["vi", "en"],
                        help="language of the windows (default: the last chosen, else vi)")
    client.add_argument("--data-dir", type=Path,
                        help="where the per-user profiles live (default: the user data dir)")
    client.add_argument("--settings", type=Path, help="the client settings file")
    client.add_argument("--demo", action="store_true",
                        help="log in the demo accounts daibieu01 and chutoa and open their "
                             "windows and the big screen")
    # The installers' smoke test: log in through the login window, exit 0 once the
    # meeting list arrives (meetingroom.ui.app.run_smoke). Not for users: hidden.
    client.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    client.add_argument("--password-stdin", action="store_true", help=argparse.SUPPRESS)
    client.add_argument("--smoke-timeout", type=float, default=90.0, help=argparse.SUPPRESS)
    client.set_defaults(func=cmd_client)

    user = sub.add_parser("user", help="manage accounts")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = with_db(user_sub.add_parser("add", help="create an account"))
    add.add_argument("username")
    add.add_argument("--full-name", default="")
    add.add_argument("--title", default="")
    add.add_argument("--admin", action="store_true", help="system administrator")
    add.add_argument("--password-stdin", action="store_true")
    add.set_defaults(func=cmd_user_add)
    reset = with_db(user_sub.add_parser("reset-password", help="set a new password"))
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true")
    reset.set_defaults(func=cmd_user_reset)
    _add_server_commands(sub, user_sub, with_db)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    upgrade = with_db(db_sub.add_parser("upgrade", help="apply schema migrations"))
    upgrade.set_defaults(func=cmd_db_upgrade)

    tls = sub.add_parser("tls-init", help="make a self-signed certificate for a hall server")
    tls.add_argument("names", nargs="+", help="host names and IP addresses laptops will use")
    tls.add_argument("--dir", default="tls", help="where to write cert.pem and key.pem")
    tls.add_argument("--days", type=int, default=825, help="validity (default 825 days)")
    tls.add_argument("--force", action="store_true", help="replace an existing key")
    tls.set_defaults(func=cmd_tls_init)

    province = sub.add_parser("province", help="set up a province's bodies and users")
    province_sub = province.add_subparsers(dest="province_command", required=True)
    pimport = with_db(province_sub.add_parser(
        "import", help="create or update bodies, members and users from an XLSX workbook "
                       "(docs/province-import.md)"))
    pimport.add_argument("file", help="the workbook (sheets 'bodies' and 'users')")
    pimport.add_argument("--dry-run", action="store_true",
                         help="list what would change and write nothing")
    pimport.add_argument("--passwords", help="write new users' first passwords to this CSV "
                                             "file instead of the terminal")
    pimport.set_defaults(func=cmd_province_import)

    pdf = sub.add_parser("pdf", help="documents")
    pdf_sub = pdf.add_subparsers(dest="pdf_command", required=True)
    check = pdf_sub.add_parser("check", help="open each PDF and draw every page within "
                                             "limits, as the server does on upload")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--lang", choices=("vi", "en"), default="vi",
                       help="language of the reasons (default: Vietnamese)")
    check.add_argument("--page-seconds", type=float, default=15.0,
                       help="time one page may take to draw")
    check.add_argument("--memory-mb", type=int, default=1536,
                       help="memory the checking process may use")
    check.set_defaults(func=cmd_pdf_check)

    trail = sub.add_parser("audit", help="the tamper-evident audit trail")
    trail_sub = trail.add_subparsers(dest="audit_command", required=True)
    verify = with_db(trail_sub.add_parser("verify", help="check the hash chain of every entry"))
    verify.set_defaults(func=cmd_audit_verify)
    return parser


def _add_server_commands(sub: Any, user_sub: Any,
                         with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser]
                         ) -> None:
    """The body, user-import and minutes commands, which live with the server's brain.

    The desktop bundle leaves ``meetingroom.server`` out on purpose (installers/
    meetingroom.spec): there the client runs without them rather than failing to start.
    """
    try:
        from meetingroom.server.cli_admin import add_body_commands, add_user_import
        from meetingroom.server.cli_records import add_minutes_commands
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("meetingroom.server"):
            raise
        return
    add_user_import(user_sub, with_db)
    add_body_commands(sub, with_db)
    add_minutes_commands(sub, with_db)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _configure_logging(args.log_level)
    try:
        code: int = args.func(args)
        return code
    except (AccountError, WeakPasswordError, SetupError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
