"""Conclusions (kết luận) per item and for the meeting, and the minutes (biên bản).

"Lập và lưu biên bản" (save) asks the server to write the minutes from the record and
keep them as the meeting's document (a new version each time they change); the document
reaches this laptop with the meeting's packet and opens in the app's own reader. Minutes
that exist already open when the meeting is chosen. "Xuất tệp PDF…" (export) writes a
copy where the secretary chooses, "Xuất tệp Word…" the editable DOCX copy the server lays
out from the same record, and "In…" (print) prints it without freezing the window.
"Ký số…" signs the minutes shown with a certificate file or a USB token on this laptop
(:mod:`meetingroom.ui.secretary.signing`); the server keeps the signed file as the next
version, the audit trail says who signed, and the reader above shows every signature.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path
from typing import Any

from meetingroom.core.vocabulary import minutes_filename
from meetingroom.laptop.meeting_store import Part
from meetingroom.sync.client.local_store import PendingCommand
from meetingroom.ui.printing import PdfPrintJob
from meetingroom.ui.qt import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPlainTextEdit,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.reader import DocumentReader
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.secretary.section import Section
from meetingroom.ui.secretary.signing import SignDialog, SigningJob, SigningKey
from meetingroom.ui.secretary.texts import tr
from meetingroom.ui.session import LiveMeeting

WHOLE_MEETING = 0
POLL_MS = 250
GIVE_UP_MS = 120_000


def _default_status() -> str:
    return tr("Biên bản được lập từ nhật ký của cuộc họp: điểm danh, phát biểu, biểu quyết "
              "và các kết luận.")


class MinutesSection(Section):
    def __init__(self, requests: Requests, parent: QWidget | None = None) -> None:
        super().__init__(requests, parent)
        self.reader: DocumentReader | None = None
        self.minutes_id: int | None = None
        self._waited_ms = 0
        self._done_session: Any = None
        # The PDF shown in the reader: what export and print use.
        self.minutes_data: bytes | None = None
        self.last_exported: Path | None = None
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.print_job: PdfPrintJob | None = None
        self._generating = False

        self.item = QComboBox(self)
        self.item.setObjectName("conclusion_item")
        self.item.currentIndexChanged.connect(lambda _i: self._load_text())
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("conclusion_text")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("conclusion_save")
        self.save_button.clicked.connect(lambda: self.save_conclusion())
        self.saved_label = QLabel(self)
        self.conclusion_box = conclusion_box = QGroupBox(self)
        conclusion_layout = QVBoxLayout(conclusion_box)
        conclusion_layout.addWidget(self.item)
        conclusion_layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        conclusion_layout.addLayout(row)

        self.generate_button = QPushButton(self)
        self.generate_button.setObjectName("minutes_generate")
        self.generate_button.clicked.connect(lambda: self.generate())
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("minutes_export")
        self.export_button.clicked.connect(lambda: self.ask_export())
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("minutes_print")
        self.print_button.clicked.connect(lambda: self.ask_print())
        self.docx_button = QPushButton(self)
        self.docx_button.setObjectName("minutes_export_docx")
        self.docx_button.clicked.connect(lambda: self.ask_export_docx())
        self.sign_button = QPushButton(self)
        self.sign_button.setObjectName("minutes_sign")
        self.sign_button.clicked.connect(lambda: self.ask_sign())
        self.signing: SigningJob | None = None
        self._refused_session: Any = None
        self.last_docx: Path | None = None
        self.minutes_label = QLabel(self)
        self.minutes_label.setObjectName("minutes_status")
        self.minutes_label.setWordWrap(True)
        self.minutes_box = QGroupBox(self)
        self.minutes_layout = QVBoxLayout(self.minutes_box)
        row = QHBoxLayout()
        row.addWidget(self.generate_button)
        row.addWidget(self.export_button)
        row.addWidget(self.print_button)
        row.addWidget(self.docx_button)
        row.addWidget(self.sign_button)
        self.minutes_layout.addLayout(row)
        self.minutes_layout.addWidget(self.minutes_label)
        self.minutes_layout.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(conclusion_box)
        splitter.addWidget(self.minutes_box)
        splitter.setSizes([420, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._try_open)
        #: How the two status lines are worded now (again on a language change).
        self._minutes_words: Callable[[], str] = _default_status
        self._saved_words: Callable[[], str] = str
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.text.setPlaceholderText(tr("Nội dung kết luận"))
        self.save_button.setText(tr("Lưu kết luận"))
        self.conclusion_box.setTitle(tr("Kết luận"))
        self.generate_button.setText(tr("Lập và lưu biên bản"))
        self.generate_button.setToolTip(tr(
            "Lập biên bản từ nhật ký cuộc họp và lưu vào tài liệu của cuộc họp "
            "(mỗi lần lập lại là một phiên bản mới)"))
        # setText takes the text's mnemonic as the shortcut: set the shortcut after it.
        self.export_button.setText(tr("Xuất tệp PDF…"))
        self.export_button.setShortcut(QKeySequence("Ctrl+E"))
        self.export_button.setToolTip(tr("Lưu một bản biên bản (PDF) vào thư mục bạn chọn "
                                         "(Ctrl+E)"))
        self.print_button.setText(tr("In…"))
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.print_button.setToolTip(tr("In biên bản (Ctrl+P)"))
        self.docx_button.setText(tr("Xuất tệp Word…"))
        self.docx_button.setToolTip(tr("Lưu bản biên bản có thể sửa (DOCX) vào thư mục bạn "
                                       "chọn"))
        self.sign_button.setText(tr("Ký số…"))
        self.sign_button.setToolTip(tr("Ký số biên bản bằng tệp chứng thư hoặc thiết bị ký "
                                       "số USB; bản đã ký được lưu thành phiên bản mới"))
        self.minutes_box.setTitle(tr("Biên bản"))
        # Worded from the state: the whole meeting's entry, the two status lines.
        if self.item.count() and self.item.itemData(0) == WHOLE_MEETING:
            self.item.setItemText(0, tr("Kết luận chung của cuộc họp"))
        self._say_minutes(self._minutes_words)
        self._say_saved(self._saved_words)

    def _say_minutes(self, words: Callable[[], str]) -> None:
        self._minutes_words = words
        self.minutes_label.setText(words())

    def _say_saved(self, words: Callable[[], str]) -> None:
        self._saved_words = words
        self.saved_label.setText(words())

    # --- conclusions --------------------------------------------------------------------

    @property
    def item_id(self) -> int | None:
        value = self.item.currentData()
        return None if value in (None, WHOLE_MEETING) else int(value)

    def choose_item(self, item_id: int | None) -> None:
        self.item.setCurrentIndex(max(self.item.findData(item_id or WHOLE_MEETING), 0))

    def _load_text(self) -> None:
        conclusion = self.state.conclusions.get(self.item_id or WHOLE_MEETING)
        self.text.setPlainText(str(conclusion["text"]) if conclusion else "")
        self._say_saved(lambda: tr("Đã lưu") if conclusion else "")

    def save_conclusion(self) -> None:
        args: dict[str, Any] = {"text": self.text.toPlainText().strip()}
        if self.item_id is not None:
            args["item_id"] = self.item_id
        if self.submit("conclusion.set", args):
            self._say_saved(lambda: tr("Đang lưu…"))

    # --- minutes ------------------------------------------------------------------------

    def set_session(self, session: LiveMeeting | None) -> None:
        if session is not self.session:
            # Another meeting: nothing of this one's minutes may be exported or printed.
            self._timer.stop()
            self.minutes_id = None
            self.minutes_data = None
            self._generating = False
            self.signing = None
            if self.reader is not None:
                self.reader.hide()
            self._say_minutes(_default_status)
        super().set_session(session)

    def generate(self) -> None:
        if self.session is None:
            self.say(self.tr_no_meeting())
            return
        if self._done_session is not self.session:
            self.session.done.connect(self._done)
            self._done_session = self.session
        self.minutes_id = None
        self._generating = True
        self.generate_button.setEnabled(False)
        self._say_minutes(lambda: tr("Đang lập biên bản…"))
        self.submit("minutes.generate")

    def _done(self, command: PendingCommand, result: object) -> None:
        if command.name not in ("minutes.generate", "minutes.store_signed") \
                or command.meeting_id != self.meeting_id or not isinstance(result, dict):
            return
        self._generating = False
        if command.name == "minutes.store_signed":
            self.signing = None
        self.minutes_id = int(result["document"]["id"])
        self._say_minutes(lambda: tr("Đã lập biên bản; đang tải về máy…") if not result.get(
            "unchanged") else tr("Biên bản không thay đổi; đang mở…"))
        self._waited_ms = 0
        self._timer.start()
        self._try_open()

    def _try_open(self) -> None:
        doc = self.state.documents.get(self.minutes_id or 0)
        data = self.requests.bridge.document_bytes(doc) if doc is not None else None
        if data is None:
            self._waited_ms += POLL_MS
            if self._waited_ms > GIVE_UP_MS:
                self._timer.stop()
                self.generate_button.setEnabled(True)
                self._say_minutes(lambda: tr("Chưa tải được biên bản về máy; thử lại sau"))
            return
        self._timer.stop()
        self.generate_button.setEnabled(True)
        assert doc is not None
        self.minutes_data = data
        reader = self._ensure_reader()
        reader.show()
        reader.open_document(data, title=str(doc["title"]), document_id=str(doc["id"]))
        self._say_minutes(lambda: tr(
            "Đã lưu vào tài liệu cuộc họp: {title} — phiên bản {version}, {pages} trang").format(
            title=doc["title"], version=doc.get("version", 1), pages=doc.get("pages", 0)))
        self._update_file_buttons()

    def existing_minutes(self) -> dict[str, Any] | None:
        """The meeting's current minutes document, if they were drawn up before."""
        name = minutes_filename(self.meeting_id or 0)
        found = [d for d in self.state.documents.values() if d.get("filename") == name]
        return max(found, key=lambda d: int(d.get("version", 1)), default=None)

    def _open_existing(self) -> None:
        if self.minutes_id is not None or self._timer.isActive() or self._generating:
            return
        doc = self.existing_minutes()
        if doc is None:
            return
        self.minutes_id = int(doc["id"])
        self._say_minutes(lambda: tr("Đang mở biên bản đã lập…"))
        self._waited_ms = 0
        self._timer.start()
        self._try_open()

    def _update_file_buttons(self) -> None:
        ready = self.minutes_data is not None
        self.export_button.setEnabled(ready)
        self.print_button.setEnabled(ready and self.print_job is None)
        self.sign_button.setEnabled(ready and self.signing is None)
        self.docx_button.setEnabled(bool(self.state.meeting))

    # --- the editable copy and digital signatures --------------------------------------

    def ask_export_docx(self) -> None:
        suggested = str(Path.home() / minutes_filename(self.meeting_id or 0)
                        .replace(".pdf", ".docx"))
        path, _filter = QFileDialog.getSaveFileName(self, tr("Xuất biên bản (Word)"), suggested,
                                                    tr("Tệp Word (*.docx)"))
        if path:
            self.export_docx_to(Path(path))

    def export_docx_to(self, path: Path) -> None:
        """Ask the server for the DOCX copy of the minutes and write it to ``path``."""
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")

        def answered(result: dict[str, Any] | None, error: str) -> None:
            if result is None:
                self._say_minutes(lambda: tr("Không xuất được bản Word: {reason}").format(
                    reason=error))
                self.say(self.minutes_label.text())
                return
            try:
                path.write_bytes(base64.b64decode(result["data"]))
            except OSError as exc:
                reason = exc.strerror or str(exc)
                self._say_minutes(lambda: tr("Không lưu được {path}: {reason}").format(
                    path=str(path), reason=reason))
                self.say(self.minutes_label.text())
                return
            self.last_docx = path
            self._say_minutes(lambda: tr("Đã xuất bản Word ra {path}").format(path=str(path)))
            self.say(self.minutes_label.text())

        if self.read("minutes.export", {"kind": "minutes", "format": "docx"}, answered):
            self._say_minutes(lambda: tr("Đang lập bản Word…"))

    def ask_sign(self) -> None:
        if self.minutes_data is None or self.signing is not None:
            return
        dialog = SignDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.sign_with(dialog.key())

    def sign_with(self, key: SigningKey) -> None:
        """Sign the minutes shown on this laptop, then store the signed copy as the next
        version; the key (file or token) never leaves this computer."""
        doc = self.state.documents.get(self.minutes_id or 0)
        if self.minutes_data is None or doc is None or self.signing is not None:
            return
        chair = self.state.you.get("role") == "chair"
        job = SigningJob(self)
        job.signed.connect(lambda data: self._signed(int(doc["id"]), data))
        job.failed.connect(self._sign_failed)
        self.signing = job
        self._update_file_buttons()
        self._say_minutes(lambda: tr("Đang ký số…"))
        job.start(self.minutes_data, key, "ChuToa" if chair else "ThuKy",
                  "Chủ tọa ký biên bản" if chair else "Thư ký ký biên bản", "")

    def _signed(self, document_id: int, data: bytes) -> None:
        self._say_minutes(lambda: tr("Đã ký; đang lưu bản đã ký lên máy chủ…"))

        def uploaded(result: dict[str, Any] | None, error: str) -> None:
            if result is None:
                self._sign_failed(tr("Không tải lên được: {error}").format(error=error))
                return
            if self.session is not None and self._done_session is not self.session:
                self.session.done.connect(self._done)
                self._done_session = self.session
            if self.session is not None and self._refused_session is not self.session:
                self.session.refused.connect(self._refused)
                self._refused_session = self.session
            self.minutes_id = None
            self.submit("minutes.store_signed", {"document_id": document_id,
                                                 "sha256": result["sha256"]})

        self.requests.upload(data, minutes_filename(self.meeting_id or 0), uploaded)

    def _refused(self, refusal: Any) -> None:
        if refusal.command.name == "minutes.store_signed" and self.signing is not None:
            self._sign_failed(str(refusal.message))

    def _sign_failed(self, message: str) -> None:
        self.signing = None
        self._say_minutes(lambda: tr("Không ký được biên bản: {reason}").format(
            reason=message))
        self.say(self.minutes_label.text())
        self._update_file_buttons()

    # --- export and print ---------------------------------------------------------------

    def ask_export(self) -> None:
        if self.minutes_data is None:
            return
        suggested = str(Path.home() / minutes_filename(self.meeting_id or 0))
        path, _filter = QFileDialog.getSaveFileName(self, tr("Xuất biên bản"), suggested,
                                                    tr("Tệp PDF (*.pdf)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Write the minutes shown to ``path``; a failure is said, the minutes stay."""
        if self.minutes_data is None:
            return False
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            path.write_bytes(self.minutes_data)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self._say_minutes(lambda: tr("Không lưu được {path}: {reason}").format(
                path=str(path), reason=reason))
            self.say(self.minutes_label.text())
            return False
        self.last_exported = path
        self._say_minutes(lambda: tr("Đã xuất biên bản ra {path}").format(path=str(path)))
        self.say(self.minutes_label.text())
        return True

    def ask_print(self) -> None:
        if self.minutes_data is None or self.print_job is not None:
            return
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(tr("In biên bản"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_minutes()

    def print_minutes(self) -> None:
        """Print on ``self.printer`` as the print dialog left it."""
        if self.minutes_data is None or self.print_job is not None:
            return
        job = PdfPrintJob(self.minutes_data, self.printer, self)
        job.progress.connect(lambda done, count: self._say_minutes(
            lambda: tr("Đang in trang {done}/{count}…").format(done=done, count=count)))
        job.finished.connect(self._printed)
        job.failed.connect(self._print_failed)
        self.print_job = job
        self._update_file_buttons()
        self._say_minutes(lambda: tr("Đang in…"))
        job.start()

    def _printed(self, pages: int) -> None:
        self._forget_print_job()
        self._say_minutes(lambda: tr("Đã gửi {pages} trang biên bản tới máy in").format(
            pages=pages))
        self.say(self.minutes_label.text())

    def _print_failed(self, message: str) -> None:
        self._forget_print_job()
        self._say_minutes(lambda: tr("Không in được biên bản: {reason}").format(
            reason=message))
        self.say(self.minutes_label.text())

    def _forget_print_job(self) -> None:
        if self.print_job is not None:
            self.print_job.deleteLater()
        self.print_job = None
        self._update_file_buttons()

    def _ensure_reader(self) -> DocumentReader:
        if self.reader is None:
            self.reader = DocumentReader(parent=self.minutes_box)
            self.reader.setObjectName("minutes_reader")
            stretch = self.minutes_layout.itemAt(self.minutes_layout.count() - 1)
            if stretch is not None and stretch.spacerItem() is not None:
                self.minutes_layout.removeItem(stretch)
            self.minutes_layout.addWidget(self.reader, 1)
        return self.reader

    def shutdown(self) -> None:
        self._timer.stop()
        if self.print_job is not None:
            self.print_job.cancel()
        if self.reader is not None:
            self.reader.shutdown()

    # --- state --------------------------------------------------------------------------

    def refresh(self, parts: set[Part]) -> None:
        if "agenda" in parts:
            chosen = self.item.currentData()
            self.item.blockSignals(True)
            self.item.clear()
            self.item.addItem(tr("Kết luận chung của cuộc họp"), WHOLE_MEETING)

            def walk(parent: int | None, prefix: str, depth: int) -> None:
                for number, item in enumerate(self.state.children(parent), start=1):
                    label = f"{prefix}{number}."
                    self.item.addItem("    " * depth + f"{label} {item['title']}",
                                      int(item["id"]))
                    walk(int(item["id"]), label, depth + 1)

            walk(None, "", 0)
            if chosen is not None and self.item.findData(chosen) >= 0:
                self.item.setCurrentIndex(self.item.findData(chosen))
            self.item.blockSignals(False)
            self._load_text()
        elif "conclusions" in parts:
            conclusion = self.state.conclusions.get(self.item_id or WHOLE_MEETING)
            if conclusion and conclusion["text"] == self.text.toPlainText().strip():
                self._say_saved(lambda: tr("Đã lưu"))
        has = bool(self.state.meeting)
        self.save_button.setEnabled(has)
        if self.minutes_id is None and not self._timer.isActive():
            self.generate_button.setEnabled(has)
        if "documents" in parts and has:
            self._open_existing()
        self._update_file_buttons()
