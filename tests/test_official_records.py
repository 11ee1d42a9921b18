"""Official records per Nghị định 30: layout, text, fonts, DOCX copies, the CLI, signatures.

A short real session runs on the real server; the records are then made by the server
(minutes.generate) and by the operator's command line from the same database. Pages of
the minutes are rendered into test-output/ so a person can look at them.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import asyncio
import io
import os
import secrets
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import docx
import pymupdf
import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from meetingroom.core.pdf.signatures import (
    TRUST_ENV,
    Verdict,
    p12_signer,
    pkcs11_signer,
    sign_pdf,
    signature_statuses,
)
from meetingroom.laptop.doc_cache import DocumentCache
from meetingroom.server.official import OfficialRecord, Paragraph, Signature
from meetingroom.server.official.pdf import render_pdf
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import AuditEntry
from meetingroom.server.storage.types import utcnow
from meetingroom.sync.client.chair_client import ServerError
from meetingroom.sync.client.transfer import download, upload
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import Hall
from tests.helpers.session_helpers import start_session
from tests.helpers.signing_keys import (
    Authority,
    Holder,
    Token,
    UsbToken,
    issue,
    make_authority,
    needs_softhsm,
)
from tests.test_reader_support import new_reader, open_in

OUTPUT = Path(__file__).resolve().parents[1] / "test-output"
CLI = [sys.executable, "-m", "meetingroom", "--log-level", "warning"]
MM = 72 / 25.4


def _text(data: bytes) -> str:
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        return " ".join(" ".join(page.get_text().split()) for page in pdf)


async def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return await asyncio.to_thread(subprocess.run, [*CLI, *args], capture_output=True,
                                   text=True, timeout=120, check=False, env=env)


async def _hold_session(hall: Hall, login: Login) -> dict[str, int]:
    """Item 2 of 3 is taken up (a speech, an open vote, a secret ballot, a conclusion);
    items 1 and 3 never are. A written opinion is asked and answered."""
    m = hall.meeting_id
    chair, secretary = await login("chair"), await login("secretary")
    d1, d2, d3 = [await login(name) for name in hall.delegates]
    await start_session(chair, m, hall.item_ids[1])
    for client in (chair, d1, d2):
        await client.command(m, "attendance.check_in")
    await d3.command(m, "attendance.mark_absent", {"reason": "Đi công tác tại Hà Nội"})
    speech = (await d1.command(m, "speech.register", {"topic": "Nguồn thu từ đất"}))["speech"]
    await chair.command(m, "speech.start", {"speech_id": speech["id"]})
    await chair.command(m, "speech.end", {"speech_id": speech["id"]})
    vote = (await chair.command(m, "vote.create", {
        "matter": "resolution", "title": "Thông qua dự toán ngân sách năm 2027"}))["vote"]
    await chair.command(m, "vote.open", {"vote_id": vote["id"]})
    for client in (chair, d1, d2):
        await client.command(m, "vote.cast", {"vote_id": vote["id"], "choice": 0})
    await chair.command(m, "vote.close", {"vote_id": vote["id"]})
    secret = (await chair.command(m, "vote.create", {
        "matter": "removal", "title": "Bãi nhiệm đại biểu Nguyễn Văn Ất",
        "ballot": "secret"}))["vote"]
    await chair.command(m, "vote.open", {"vote_id": secret["id"]})
    for client, choice in ((chair, 0), (d1, 0), (d2, 1)):
        await client.command(m, "vote.cast", {"vote_id": secret["id"], "choice": choice,
                                              "ballot_secret": secrets.token_urlsafe(32)})
    await chair.command(m, "vote.close", {"vote_id": secret["id"]})
    await secretary.command(m, "conclusion.set", {
        "item_id": hall.item_ids[1], "text": "Giao Ủy ban nhân dân hoàn thiện báo cáo."})
    opinion = (await secretary.command(m, "opinion.create", {
        "title": "Dự thảo quy chế làm việc", "question": "Đề nghị đại biểu cho ý kiến",
        "deadline": (utcnow() + timedelta(days=2)).isoformat()}))["opinion"]
    await d1.command(m, "opinion.answer", {"opinion_id": opinion["id"], "answer": "agree"})
    await d2.command(m, "opinion.answer", {"opinion_id": opinion["id"], "answer": "other",
                                           "comment": "Bổ sung quy định về họp trực tuyến"})
    await chair.command(m, "meeting.close")
    await secretary.command(m, "conclusion.set", {"text": "Kỳ họp thành công tốt đẹp."})
    return {"secret": int(secret["id"]), "opinion": int(opinion["id"])}


def _render_pages(data: bytes, stem: str) -> list[Path]:
    OUTPUT.mkdir(exist_ok=True)
    paths = []
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        for number, page in enumerate(pdf, start=1):
            path = OUTPUT / f"{stem}-{number}.png"
            page.get_pixmap(dpi=110).save(str(path))
            paths.append(path)
    return paths


def _check_layout(data: bytes) -> None:
    """A4; every font embedded (Liberation Serif); text inside the Nghị định 30 margins;
    the body at 13-14 pt."""
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        for page in pdf:
            assert (round(page.rect.width), round(page.rect.height)) == (595, 842)
            fonts = page.get_fonts(full=True)
            assert fonts
            for font in fonts:
                assert font[1] == "ttf", f"not embedded: {font}"
                assert "Liberation Serif" in font[3], font
            sizes: dict[float, int] = {}
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        if not span["text"].strip():
                            continue
                        box = pymupdf.Rect(span["bbox"])
                        assert box.x0 >= 30 * MM - 1, (span["text"], box)
                        assert box.x1 <= page.rect.width - 15 * MM + 1, (span["text"], box)
                        assert box.y0 >= 10 * MM, (span["text"], box)
                        assert box.y1 <= page.rect.height - 20 * MM + 1, (span["text"], box)
                        size = round(span["size"])
                        sizes[size] = sizes.get(size, 0) + len(span["text"])
            assert max(sizes, key=lambda s: sizes[s]) in (13, 14), sizes


async def test_records_follow_decree_30_and_take_only_items_taken_up(
        server: ChairServer, hall: Hall, login: Login, db_url: str, tmp_path: Path) -> None:
    ids = await _hold_session(hall, login)
    secretary = await login("secretary")
    m = hall.meeting_id
    generated = (await secretary.command(m, "minutes.generate"))["document"]
    data = await download(secretary, generated["sha256"], generated["size_bytes"],
                          DocumentCache(tmp_path / "cache", bytes(32)))
    text = _text(data)
    for expected in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "HỘI ĐỒNG NHÂN DÂN XÃ HÒA BÌNH", "/BB-HĐND",
                     "Hòa Bình, ngày 01 tháng 12 năm 2026", "BIÊN BẢN Kỳ họp thứ nhất",
                     "Hội trường xã", "Có mặt: 3 đại biểu",
                     "Người dùng delegate3 (Đi công tác tại Hà Nội)",
                     "Người dùng delegate1 phát biểu", "Nguồn thu từ đất",
                     "1. Báo cáo ngân sách", "Thông qua dự toán ngân sách năm 2027",
                     "Bãi nhiệm đại biểu Nguyễn Văn Ất", "bỏ phiếu kín",
                     "Giao Ủy ban nhân dân hoàn thiện báo cáo.", "Kỳ họp thành công tốt đẹp.",
                     "Cuộc họp kết thúc vào", "./.", "THƯ KÝ", "CHỦ TỌA",
                     "Người dùng secretary", "Người dùng chair", "Nơi nhận:",
                     "Thường trực HĐND xã Hòa Bình;", "Lưu: VT, hồ sơ kỳ họp."]:
        assert expected in text, expected
    assert text.count("BIÊN BẢN") == 1, "the title is said once"
    assert "Khai mạc" not in text, "items never taken up"
    assert "Bế mạc" not in text, "items never taken up"
    assert "DỰ THẢO" not in text
    _check_layout(data)
    pages = _render_pages(data, "official-minutes")
    assert pages
    assert all(p.stat().st_size > 10_000 for p in pages)

    # The same database through the operator's command line: the other records, and DOCX.
    ballot = tmp_path / "kiem-phieu.pdf"
    done = await _cli("minutes", "export", "--db", db_url, "--meeting", str(m),
                      "--record", "ballot", "--vote", str(ids["secret"]), "--out", str(ballot))
    assert done.returncode == 0, done.stderr
    ballot_text = _text(ballot.read_bytes())
    for expected in ["BIÊN BẢN KIỂM PHIẾU", "Bãi nhiệm đại biểu Nguyễn Văn Ất",
                     "Số phiếu thu vào: 3", "Tán thành", "Không tán thành", "Kết luận:"]:
        assert expected in ballot_text, expected
    _check_layout(ballot.read_bytes())
    _render_pages(ballot.read_bytes(), "official-ballot")

    notice = tmp_path / "thong-bao.pdf"
    done = await _cli("minutes", "export", "--db", db_url, "--meeting", str(m),
                      "--record", "conclusions", "--out", str(notice))
    assert done.returncode == 0, done.stderr
    notice_text = _text(notice.read_bytes())
    for expected in ["THÔNG BÁO", "Kết luận của Chủ tọa tại Kỳ họp thứ nhất", "/TB-HĐND",
                     "1. Báo cáo ngân sách", "Giao Ủy ban nhân dân hoàn thiện báo cáo.",
                     "Kỳ họp thành công tốt đẹp.", "TM. HỘI ĐỒNG NHÂN DÂN", "Nơi nhận:"]:
        assert expected in notice_text, expected
    _render_pages(notice.read_bytes(), "official-conclusions")

    summary = tmp_path / "tong-hop.pdf"
    done = await _cli("minutes", "export", "--db", db_url, "--meeting", str(m),
                      "--record", "opinions", "--opinion", str(ids["opinion"]),
                      "--out", str(summary))
    assert done.returncode == 0, done.stderr
    summary_text = _text(summary.read_bytes())
    for expected in ["BÁO CÁO", "Tổng hợp ý kiến bằng văn bản về Dự thảo quy chế làm việc",
                     "/BC-HĐND", "Đồng ý", "Ý kiến khác", "Bổ sung quy định về họp trực tuyến",
                     "Chưa trả lời:", "DỰ THẢO"]:
        assert expected in summary_text, expected
    _render_pages(summary.read_bytes(), "official-opinions")

    word = tmp_path / "bien-ban.docx"
    done = await _cli("minutes", "export", "--db", db_url, "--meeting", str(m),
                      "--out", str(word))
    assert done.returncode == 0, done.stderr
    document = docx.Document(io.BytesIO(word.read_bytes()))
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells
             for p in c.paragraphs]
    paragraphs = [p.text for p in document.paragraphs]
    for expected in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hòa Bình, ngày 01 tháng 12 năm 2026",
                     "THƯ KÝ", "Người dùng chair"]:
        assert expected in cells, expected
    for expected in ["BIÊN BẢN", "Kỳ họp thứ nhất", "1. Báo cáo ngân sách",
                     "Kỳ họp thành công tốt đẹp.", "Nơi nhận:"]:
        assert expected in paragraphs, expected
    section = document.sections[0]
    assert section.left_margin is not None
    assert section.right_margin is not None
    assert round(section.left_margin.mm) == 30
    assert round(section.right_margin.mm) == 15
    assert document.styles["Normal"].font.size.pt == 14

    # Bad input: said, nothing written.
    refused = await _cli("minutes", "export", "--db", db_url, "--meeting", "999",
                         "--out", str(tmp_path / "x.pdf"))
    assert refused.returncode == 1
    assert "no meeting 999" in refused.stderr
    assert not (tmp_path / "x.pdf").exists()
    wrong = await _cli("minutes", "export", "--db", db_url, "--meeting", str(m),
                       "--out", str(tmp_path / "x.txt"))
    assert wrong.returncode == 1
    assert ".pdf or .docx" in wrong.stderr


async def test_a_meeting_not_held_gets_a_draft_that_says_so(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    secretary = await login("secretary")
    generated = (await secretary.command(hall.meeting_id, "minutes.generate"))["document"]
    data = await download(secretary, generated["sha256"], generated["size_bytes"],
                          DocumentCache(tmp_path / "cache", bytes(32)))
    text = _text(data)
    for expected in ["DỰ THẢO - Cuộc họp chưa diễn ra", "II. CHƯƠNG TRÌNH DỰ KIẾN",
                     "1. Khai mạc", "2. Báo cáo ngân sách", "3. Bế mạc", "Được mời: 4 đại biểu"]:
        assert expected in text, expected
    assert "Cuộc họp kết thúc" not in text
    _render_pages(data, "official-draft")


async def test_the_cli_signs_with_a_certificate_file(
        server: ChairServer, hall: Hall, login: Login, db_url: str, tmp_path: Path) -> None:
    """The CLI signs with a PKCS#12 file (password from the environment, never the command
    line); pyHanko's own validator accepts the signature."""
    await _hold_session(hall, login)
    authority = make_authority(tmp_path / "ca")
    clerk = issue(authority, tmp_path, "Người dùng secretary")
    out = tmp_path / "signed.pdf"
    env = {**os.environ, "P12_PASSWORD": clerk.password}
    done = await _cli("minutes", "export", "--db", db_url, "--meeting", str(hall.meeting_id),
                      "--out", str(out), "--sign-p12", str(clerk.p12_path),
                      "--p12-password-env", "P12_PASSWORD", "--signer-role", "Thư ký",
                      env=env)
    assert done.returncode == 0, done.stderr
    assert "signed" in done.stdout
    missing = await _cli("minutes", "export", "--db", db_url, "--meeting", str(hall.meeting_id),
                         "--out", str(tmp_path / "y.pdf"), "--sign-p12", str(clerk.p12_path),
                         "--p12-password-env", "NO_SUCH_VARIABLE_HERE")
    assert missing.returncode == 1
    assert "NO_SUCH_VARIABLE_HERE" in missing.stderr
    # pyHanko's synchronous API runs its own event loop: off this test's loop.
    statuses = await asyncio.to_thread(signature_statuses, out.read_bytes(),
                                       [authority.pem_path])
    assert [(s.signer, s.verdict) for s in statuses] == [("Người dùng secretary",
                                                           Verdict.VALID)]
    await asyncio.to_thread(_validated_by_pyhanko, out.read_bytes(), authority.pem_path, 1)


def _validated_by_pyhanko(data: bytes, root: Path, count: int) -> None:
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(data))
    assert len(reader.embedded_signatures) == count
    for sig in reader.embedded_signatures:
        status = validate_pdf_signature(sig, ValidationContext(
            trust_roots=[load_cert_from_pemder(str(root))], allow_fetching=False))
        assert status.intact, status.pretty_print_details()
        assert status.valid, status.pretty_print_details()
        assert status.trusted, status.pretty_print_details()
        assert status.bottom_line, status.pretty_print_details()


@needs_softhsm
async def test_the_chair_signs_after_the_secretary_with_a_usb_token(
        server: ChairServer, hall: Hall, login: Login, db_url: str, tmp_path: Path,
        usb_token: UsbToken) -> None:
    await _hold_session(hall, login)
    authority, chair, token = usb_token.authority, usb_token.holder, usb_token.token
    clerk = issue(authority, tmp_path, "Người dùng secretary")
    first = tmp_path / "first.pdf"
    done = await _cli("minutes", "export", "--db", db_url, "--meeting", str(hall.meeting_id),
                      "--out", str(first), "--sign-pkcs11", token.library, "--token-label",
                      token.label, "--key-label", token.key_label, "--pin-env", "TOKEN_PIN",
                      env={**token.env, "TOKEN_PIN": token.pin})
    assert done.returncode == 0, done.stderr
    first_statuses = await asyncio.to_thread(signature_statuses, first.read_bytes())
    assert [s.signer for s in first_statuses] == [chair.name]
    wrong_pin = await _cli("minutes", "export", "--db", db_url, "--meeting",
                           str(hall.meeting_id), "--out", str(tmp_path / "z.pdf"),
                           "--sign-pkcs11", token.library, "--token-label", token.label,
                           "--key-label", token.key_label, "--pin-env", "TOKEN_PIN",
                           env={**token.env, "TOKEN_PIN": "000000"})
    assert wrong_pin.returncode == 1
    assert "token" in wrong_pin.stderr
    assert not (tmp_path / "z.pdf").exists()

    # Secretary (file) then chair (token) on the same minutes: two incremental signatures.
    unsigned = tmp_path / "minutes.pdf"
    done = await _cli("minutes", "export", "--db", db_url, "--meeting", str(hall.meeting_id),
                      "--out", str(unsigned))
    assert done.returncode == 0, done.stderr
    await asyncio.to_thread(_both_sign, unsigned.read_bytes(), clerk, chair, token, authority)


def _both_sign(unsigned: bytes, clerk: Holder, chair: Holder, token: Token,
               authority: Authority) -> None:
    once = sign_pdf(unsigned, p12_signer(clerk.p12_path, clerk.password),
                    field_name="ThuKy", reason="Thư ký")
    with pkcs11_signer(token.library, token.label, token.key_label, token.pin) as signer:
        twice = sign_pdf(once, signer, field_name="ChuToa", reason="Chủ tọa")
    assert twice.startswith(once), "the chair's signature is an incremental update"
    _validated_by_pyhanko(twice, authority.pem_path, 2)
    statuses = signature_statuses(twice, [authority.pem_path])
    assert [(s.signer, s.verdict, s.whole_file) for s in statuses] == [
        ("Người dùng secretary", Verdict.VALID, False), (chair.name, Verdict.VALID, True)]
    untrusted = signature_statuses(twice)
    assert {s.verdict for s in untrusted} == {Verdict.UNTRUSTED}
    at = twice.index(b"meetingroom")
    changed = twice[:at] + b"M" + twice[at + 1:]
    assert {s.verdict for s in signature_statuses(changed, [authority.pem_path])} == {
        Verdict.CHANGED}


def test_the_reader_says_who_signed_and_when_a_signed_pdf_was_changed(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Any signed PDF opened in the app's reader: signed by whom, when, and whether it is
    valid, changed after signing, or signed by someone this computer does not trust."""
    record = OfficialRecord(
        authority=["HỘI ĐỒNG NHÂN DÂN", "XÃ HÒA BÌNH"], type_code="BB", authority_code="HĐND",
        place="Hòa Bình", on=date(2026, 12, 3), kind_title="BIÊN BẢN",
        subject="Kỳ họp thứ nhất", blocks=[Paragraph("Nội dung biên bản.")],
        recipients=["Lưu: VT."], signatures=(Signature(["THƯ KÝ"], "Lê Thị Cúc"), None))
    data, _pages = render_pdf(record)
    authority = make_authority(tmp_path / "trusted")
    clerk = issue(authority, tmp_path, "Lê Thị Cúc")
    signed = sign_pdf(data, p12_signer(clerk.p12_path, clerk.password), field_name="ThuKy")
    at = signed.index(b"meetingroom")
    changed = signed[:at] + b"M" + signed[at + 1:]
    reader = new_reader(qtbot)
    try:
        monkeypatch.setenv(TRUST_ENV, str(tmp_path / "trusted"))
        for pdf, words in ((signed, "chữ ký hợp lệ"),
                           (changed, "tài liệu đã bị thay đổi sau khi ký")):
            with qtbot.waitSignal(reader.signatures_checked, timeout=60_000):
                open_in(qtbot, reader, pdf)
            assert reader.signature_label.isVisibleTo(reader)
            assert "Ký số bởi Lê Thị Cúc lúc" in reader.signature_label.text()
            assert words in reader.signature_label.text()
        monkeypatch.setenv(TRUST_ENV, str(tmp_path / "nobody-trusted"))
        with qtbot.waitSignal(reader.signatures_checked, timeout=60_000):
            open_in(qtbot, reader, signed)
        assert "chưa tin cậy người ký" in reader.signature_label.text()
        open_in(qtbot, reader, data)
        assert not reader.signature_label.isVisibleTo(reader), "an unsigned PDF says nothing"
    finally:
        reader.shutdown()


async def test_the_server_keeps_only_the_current_minutes_with_a_signature_added(
        server: ChairServer, hall: Hall, login: Login, database: Database,
        tmp_path: Path) -> None:
    secretary = await login("secretary")
    m = hall.meeting_id
    minutes = (await secretary.command(m, "minutes.generate"))["document"]
    data = await download(secretary, minutes["sha256"], minutes["size_bytes"],
                          DocumentCache(tmp_path / "cache", bytes(32)))
    authority = make_authority(tmp_path / "ca")
    clerk = issue(authority, tmp_path, "Người dùng secretary")
    signer = await asyncio.to_thread(p12_signer, clerk.p12_path, clerk.password)
    other, _pages = render_pdf(OfficialRecord(
        authority=["HỘI ĐỒNG NHÂN DÂN"], type_code="BB", authority_code="HĐND",
        place="Hòa Bình", on=date(2026, 12, 3), kind_title="BIÊN BẢN", subject="Khác",
        blocks=[Paragraph("Một văn bản khác.")], recipients=[], signatures=(None, None)))
    forged = await asyncio.to_thread(sign_pdf, other, signer, field_name="ThuKy")
    unsigned_extra = data + b"\n% not a signature\n"
    for wrong in (forged, unsigned_extra):
        sha = await upload(secretary, wrong, "bien-ban.pdf")
        with pytest.raises(ServerError) as refused:
            await secretary.command(m, "minutes.store_signed",
                                    {"document_id": minutes["id"], "sha256": sha})
        assert refused.value.code == "invalid_args"
    signed = await asyncio.to_thread(sign_pdf, data, signer, field_name="ThuKy")
    sha = await upload(secretary, signed, "bien-ban.pdf")
    stored = await secretary.command(m, "minutes.store_signed",
                                     {"document_id": minutes["id"], "sha256": sha})
    assert stored["document"]["version"] == minutes["version"] + 1
    assert [s["signer"] for s in stored["signatures"]] == ["Người dùng secretary"]
    with database.reading() as session:
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "minutes.signed")).one()
        assert entry.username == "secretary"
        assert entry.detail["signatures"][0]["signer"] == "Người dùng secretary"
