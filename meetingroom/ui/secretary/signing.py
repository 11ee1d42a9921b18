"""Signing the minutes on this laptop: with a certificate file or a USB token (ký số).

The dialog only gathers where the key is and its password or PIN; the signing itself
(:mod:`meetingroom.core.pdf.signatures`) runs on a pool thread, because a token may take
seconds and pyHanko most of a second to load, and the answer comes back as a signal.
The private key never leaves the file or the token; only the signed PDF goes to the
server, which keeps it as the minutes' new version.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from meetingroom.core.pdf.signatures import SigningError, p12_signer, pkcs11_signer, sign_pdf
from meetingroom.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from meetingroom.ui.secretary.texts import form_row, set_label, tr
from meetingroom.ui.tasks import Task

log = logging.getLogger("meetingroom.ui.secretary.signing")

#: Where Debian and Windows token drivers usually are; the secretary can choose another.
DEFAULT_PKCS11 = "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"


@dataclass(frozen=True)
class SigningKey:
    """Where the key is: a PKCS#12 file and its password, or a token and its PIN."""

    p12_path: Path | None = None
    password: str = ""
    library: str = ""
    token_label: str = ""
    key_label: str = ""
    pin: str = ""


class SignDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox(self)
        self.kind.setObjectName("sign_kind")
        self.kind.addItem("", "p12")
        self.kind.addItem("", "pkcs11")
        self.pages = QStackedWidget(self)

        file_page = QWidget(self)
        self.file_form = file_form = QFormLayout(file_page)
        self.p12_path = QLineEdit(file_page)
        self.p12_path.setObjectName("sign_p12_path")
        self.browse = browse = QPushButton(file_page)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        self.p12_row = row = QHBoxLayout()
        row.addWidget(self.p12_path, 1)
        row.addWidget(browse)
        form_row(file_form, row)
        self.password = QLineEdit(file_page)
        self.password.setObjectName("sign_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form_row(file_form, self.password)

        token_page = QWidget(self)
        self.token_form = token_form = QFormLayout(token_page)
        self.library = QLineEdit(DEFAULT_PKCS11, token_page)
        self.library.setObjectName("sign_library")
        form_row(token_form, self.library)
        self.token_label = QLineEdit(token_page)
        self.token_label.setObjectName("sign_token_label")
        form_row(token_form, self.token_label)
        self.key_label = QLineEdit(token_page)
        self.key_label.setObjectName("sign_key_label")
        form_row(token_form, self.key_label)
        self.pin = QLineEdit(token_page)
        self.pin.setObjectName("sign_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form_row(token_form, self.pin)

        self.pages.addWidget(file_page)
        self.pages.addWidget(token_page)
        self.kind.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(self)
        self.sign_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("sign_accept")
        self.cancel_button = cancel = buttons.addButton(
            "", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.kind)
        layout.addWidget(self.pages)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._problem: Callable[[], str] = str
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Ký số biên bản"))
        kinds = {"p12": tr("Tệp chứng thư số (PKCS#12: .p12, .pfx)"),
                 "pkcs11": tr("Thiết bị ký số USB (token PKCS#11)")}
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kinds[str(self.kind.itemData(i))])
        self.browse.setText(tr("Chọn…"))
        set_label(self.file_form, self.p12_row, tr("Tệp chứng thư:"))
        set_label(self.file_form, self.password, tr("Mật khẩu:"))
        set_label(self.token_form, self.library, tr("Thư viện PKCS#11:"))
        set_label(self.token_form, self.token_label, tr("Tên thiết bị (token):"))
        set_label(self.token_form, self.key_label, tr("Tên khóa:"))
        set_label(self.token_form, self.pin, tr("Mã PIN:"))
        self.sign_button.setText(tr("Ký"))
        self.cancel_button.setText(tr("Hủy"))
        self.intro.setText(tr("Chữ ký được thêm vào bản biên bản đang mở; máy chủ lưu "
                              "bản đã ký thành phiên bản mới."))
        self._say_problem(self._problem)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_problem"):
            self.retranslate()
        super().changeEvent(event)

    def _say_problem(self, words: Callable[[], str]) -> None:
        self._problem = words
        self.problem.setText(words())

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, tr("Chọn tệp chứng thư số"),
                                                    self.p12_path.text(),
                                                    tr("Chứng thư số (*.p12 *.pfx)"))
        if path:
            self.p12_path.setText(path)

    def key(self) -> SigningKey:
        if self.kind.currentData() == "p12":
            return SigningKey(p12_path=Path(self.p12_path.text().strip()),
                              password=self.password.text())
        return SigningKey(library=self.library.text().strip(),
                          token_label=self.token_label.text().strip(),
                          key_label=self.key_label.text().strip(), pin=self.pin.text())

    def _accept(self) -> None:
        key = self.key()
        if key.p12_path is not None and not key.p12_path.is_file():
            self._say_problem(lambda: tr("Chưa chọn tệp chứng thư số, hoặc tệp không tồn tại"))
            return
        if key.p12_path is None and not (key.library and key.token_label and key.key_label):
            self._say_problem(lambda: tr("Cần thư viện PKCS#11, tên thiết bị và tên khóa"))
            return
        self.accept()


class SigningJob(QObject):
    """Sign ``data`` on a pool thread: ``signed(bytes)`` or ``failed(message)``."""

    signed = Signal(bytes)
    failed = Signal(str)

    def start(self, data: bytes, key: SigningKey, field_name: str, reason: str,
              location: str) -> None:
        def run() -> bytes:
            if key.p12_path is not None:
                return sign_pdf(data, p12_signer(key.p12_path, key.password),
                                field_name=field_name, reason=reason, location=location)
            with pkcs11_signer(key.library, key.token_label, key.key_label,
                               key.pin) as signer:
                return sign_pdf(data, signer, field_name=field_name, reason=reason,
                                location=location)

        def failed(exc: Exception) -> None:
            if not isinstance(exc, SigningError):  # a bug, not a wrong PIN: keep its trace
                log.error("signing failed", exc_info=exc)
            self.failed.emit(str(exc))

        # Answers are dropped if this job (owned by the window) is gone meanwhile.
        Task(run).success(self.signed.emit).failure(failed).run(self)
