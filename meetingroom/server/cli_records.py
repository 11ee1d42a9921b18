"""``meetingroom minutes export``: a meeting's official record as a PDF or DOCX file.

Reads the hall's database directly, the operator at the server, or a clerk with a copy of
it, lays the record out (:mod:`meetingroom.server.minutes`) and optionally signs the PDF with a
PKCS#12 file or a PKCS#11 token (:mod:`meetingroom.core.pdf.signatures`). Passwords and PINs
come from environment variables named on the command line, never from the command line
itself, where any user of the machine could read them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

WithDb = Callable[[argparse.ArgumentParser], argparse.ArgumentParser]
RECORDS = ("minutes", "ballot", "conclusions", "opinions")


class ExportError(Exception):
    pass


def add_minutes_commands(sub: Any, with_db: WithDb) -> None:
    minutes = sub.add_parser("minutes", help="a meeting's official records (Nghị định 30)")
    minutes_sub = minutes.add_subparsers(dest="minutes_command", required=True)
    export = with_db(minutes_sub.add_parser(
        "export", help="write the minutes (or another record) as PDF or DOCX, optionally "
                       "signed"))
    export.add_argument("--meeting", type=int, required=True, metavar="ID")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.docx",
                        help="the format follows the file's extension")
    export.add_argument("--record", choices=RECORDS, default="minutes",
                        help="minutes (biên bản, default), ballot (biên bản kiểm phiếu of a "
                             "secret ballot: --vote), conclusions (thông báo kết luận), "
                             "opinions (written-opinion summary: --opinion)")
    export.add_argument("--vote", type=int, metavar="ID", help="the secret ballot (--record "
                                                               "ballot)")
    export.add_argument("--opinion", type=int, metavar="ID",
                        help="the written-opinion request (--record opinions)")
    sign = export.add_argument_group("digital signature (PDF only; PAdES)")
    sign.add_argument("--sign-p12", type=Path, metavar="FILE", help="a PKCS#12 (.p12/.pfx) "
                                                                   "file with key and cert")
    sign.add_argument("--p12-password-env", metavar="VAR",
                      help="environment variable holding the PKCS#12 password")
    sign.add_argument("--sign-pkcs11", metavar="LIB", help="the token's PKCS#11 library")
    sign.add_argument("--token-label", metavar="L")
    sign.add_argument("--key-label", metavar="K", help="label of the key and its certificate")
    sign.add_argument("--pin-env", metavar="VAR", help="environment variable holding the PIN")
    sign.add_argument("--signer-role", default="", metavar="WORDS",
                      help="the reason written in the signature, e.g. 'Thư ký'")
    export.set_defaults(func=cmd_minutes_export)


def _secret(var: str | None, what: str) -> str:
    if not var:
        raise ExportError(f"{what}: name the environment variable that holds it")
    value = os.environ.get(var)
    if value is None:
        raise ExportError(f"{what}: the environment variable {var} is not set")
    return value


def _check(args: argparse.Namespace) -> str:
    fmt = str(args.out.suffix).lower().lstrip(".")
    if fmt not in ("pdf", "docx"):
        raise ExportError(f"--out must end in .pdf or .docx, not {args.out.name!r}")
    signing = args.sign_p12 is not None or args.sign_pkcs11 is not None
    if signing and fmt != "pdf":
        raise ExportError("only a PDF can be signed: use --out FILE.pdf")
    if args.sign_p12 is not None and args.sign_pkcs11 is not None:
        raise ExportError("sign with --sign-p12 or --sign-pkcs11, not both")
    if args.sign_pkcs11 is not None and not (args.token_label and args.key_label):
        raise ExportError("--sign-pkcs11 needs --token-label and --key-label")
    if args.record == "ballot" and args.vote is None:
        raise ExportError("--record ballot needs --vote ID")
    if args.record == "opinions" and args.opinion is None:
        raise ExportError("--record opinions needs --opinion ID")
    return fmt


def _sign(data: bytes, args: argparse.Namespace, place: str) -> bytes:
    from meetingroom.core.pdf.signatures import p12_signer, pkcs11_signer, sign_pdf

    reason = args.signer_role or "Ký số văn bản"
    if args.sign_p12 is not None:
        signer = p12_signer(args.sign_p12, _secret(args.p12_password_env, "--sign-p12"))
        return sign_pdf(data, signer, field_name="ChuKy", reason=reason, location=place)
    pin = _secret(args.pin_env, "--sign-pkcs11")
    with pkcs11_signer(args.sign_pkcs11, args.token_label, args.key_label, pin) as signer:
        return sign_pdf(data, signer, field_name="ChuKy", reason=reason, location=place)


def cmd_minutes_export(args: argparse.Namespace) -> int:
    """Exit 0 with the file written; 1 with the reason and nothing written."""
    from meetingroom.cli import open_database
    from meetingroom.core.pdf.signatures import SigningError
    from meetingroom.server.minutes import RecordNotFoundError, build_record, render_record
    from meetingroom.server.storage.models import Meeting

    try:
        fmt = _check(args)
        db = open_database(args.db)
        try:
            with db.transaction() as session:
                meeting = session.get(Meeting, args.meeting)
                if meeting is None:
                    raise ExportError(f"no meeting {args.meeting} in this database")
                record = build_record(session, meeting, args.record, vote_id=args.vote,
                                      opinion_id=args.opinion)
        finally:
            db.dispose()
        data, pages = render_record(record, "docx" if fmt == "docx" else "pdf")
        signed = args.sign_p12 is not None or args.sign_pkcs11 is not None
        if signed:
            data = _sign(data, args, record.place)
        args.out.write_bytes(data)
    except (ExportError, RecordNotFoundError, SigningError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    what = f"{pages} page(s)" if fmt == "pdf" else "DOCX"
    print(f"{args.out}: {record.kind_title.lower()} of meeting {args.meeting}, {what}"
          + (", signed" if signed else ""))
    return 0
