"""Hard input: every real-world PDF opens or explains itself; damaged copies never crash or hang."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.core.pdf.document import PdfDocument
from meetingroom.core.pdf.errors import MESSAGES, OpenFailure, PdfOpenError
from meetingroom.ui.reader import DocumentReader
from meetingroom.ui.refusals import pdf_failure_text
from tests.test_reader_support import CORPUS, OPEN_TIMEOUT, make_pdf, new_reader

CORPUS_FILES = sorted(CORPUS.glob("*.pdf"))
ENCRYPTED = "libreoffice-writer-password.pdf"


def _outcome(qtbot: QtBot, reader: DocumentReader, data: bytes) -> str | None:
    """Open ``data``; None when the first page rendered (or says why not), else the message."""
    result: list[str | None] = []
    reader.document_opened.connect(lambda _sha: result.append(None))
    reader.open_failed.connect(result.append)
    try:
        reader.open_document(data)
        qtbot.waitUntil(lambda: bool(result), timeout=OPEN_TIMEOUT)
    finally:
        reader.document_opened.disconnect()
        reader.open_failed.disconnect()
    if result[0] is None:
        canvas = reader.canvas
        qtbot.waitUntil(
            lambda: canvas.is_rendered(0) or canvas.page_error(0) is not None,
            timeout=OPEN_TIMEOUT,
        )
    return result[0]


def _worded(message: str) -> bool:
    """One of the reader's own sentences for a failure, in the user's language."""
    return message in {pdf_failure_text(kind) for kind in OpenFailure}


def test_corpus_is_there() -> None:
    assert len(CORPUS_FILES) >= 30, f"PDF corpus missing at {CORPUS}"


def test_every_corpus_file_opens_or_explains_itself(qtbot: QtBot) -> None:
    reader = new_reader(qtbot)
    failures: dict[str, str] = {}
    for path in CORPUS_FILES:
        message = _outcome(qtbot, reader, path.read_bytes())
        if message is not None:
            failures[path.name] = message
            assert _worded(message)
            assert reader.message() == message
    # The README gives no password, so the reader must say that one is needed.
    assert failures.pop(ENCRYPTED) == pdf_failure_text(OpenFailure.NEEDS_PASSWORD)
    # The page tree of this one cannot be read at all.
    assert failures.pop("unreadablemetadata.pdf") == pdf_failure_text(OpenFailure.NO_PAGES)
    assert failures == {}
    # A rotated, a tiny and an image-only page rendered too.
    assert _outcome(qtbot, reader, (CORPUS / "habibi-rotated.pdf").read_bytes()) is None
    assert reader.document_info().pages[0].rotation == 90  # type: ignore[union-attr]


def test_encrypted_pdf_asks_for_the_password_and_says_when_wrong(qtbot: QtBot) -> None:
    asked: list[bool] = []
    answers = iter(["sai-mat-khau", None])

    def prompt(_parent: object, _title: str, wrong: bool) -> str | None:
        asked.append(wrong)
        return next(answers)

    reader = new_reader(qtbot, password_prompt=prompt)
    message = _outcome(qtbot, reader, (CORPUS / ENCRYPTED).read_bytes())
    assert asked == [False, True]
    assert message == pdf_failure_text(OpenFailure.WRONG_PASSWORD)
    assert "Mật khẩu không đúng" in reader.message()


def test_right_password_opens(qtbot: QtBot) -> None:
    reader = new_reader(qtbot, password_prompt=lambda *_: "bi-mat")
    assert _outcome(qtbot, reader, make_pdf(2, password="bi-mat")) is None
    assert reader.page_count() == 2


def test_password_dialog_shows_the_wrong_password_hint(qtbot: QtBot) -> None:
    from meetingroom.ui.reader import PasswordDialog

    dialog = PasswordDialog("nghi-quyet.pdf", wrong=True)
    qtbot.addWidget(dialog)
    assert dialog.error_label.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.password_edit, "abc")
    assert dialog.password() == "abc"


def _damaged_copies(data: bytes, name: str) -> list[tuple[str, bytes]]:
    rng = random.Random(name)
    flipped = bytearray(data)
    for _ in range(max(8, len(data) // 2000)):
        at = rng.randrange(len(flipped))
        flipped[at] ^= 0xFF
    return [
        ("half", data[: len(data) // 2]),
        ("head", data[:700]),
        ("flipped", bytes(flipped)),
    ]


def test_damaged_copies_never_crash_or_hang(qtbot: QtBot) -> None:
    reader = new_reader(qtbot)
    outcomes: dict[str, str | None] = {}
    for path in CORPUS_FILES:
        for variant, data in _damaged_copies(path.read_bytes(), path.name):
            message = _outcome(qtbot, reader, data)
            outcomes[f"{path.name}:{variant}"] = message
            if message is not None:
                assert _worded(message), message
    # MuPDF repairs a lot (a 700-byte head of a tiny file may still hold a page),
    # but most heads are beyond repair and must have said so.
    heads = [outcomes[f"{p.name}:head"] for p in CORPUS_FILES]
    assert sum(message is not None for message in heads) > len(heads) // 2
    # The reader still works afterwards.
    assert _outcome(qtbot, reader, make_pdf(3)) is None


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", OpenFailure.EMPTY),
        (b"<html>not a pdf</html>", OpenFailure.NOT_PDF),
        (b"%PDF-1.7\n" + b"\x00garbage" * 10, OpenFailure.DAMAGED),
    ],
)
def test_core_classifies_open_failures(data: bytes, kind: OpenFailure) -> None:
    with pytest.raises(PdfOpenError) as info:
        PdfDocument.open(data)
    # A header followed by garbage is repaired to nothing: "no pages" is as clear.
    assert info.value.kind in {kind, OpenFailure.NO_PAGES}
    assert info.value.message == MESSAGES[info.value.kind]  # English, for logs


def test_missing_file_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    reader = new_reader(qtbot)
    with qtbot.waitSignal(reader.open_failed) as blocker:
        reader.open_file(tmp_path / "khong-co.pdf")
    assert blocker.args == [pdf_failure_text(OpenFailure.NOT_FOUND)]
