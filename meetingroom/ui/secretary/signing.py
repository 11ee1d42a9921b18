"""Signing the minutes on this laptop: with a certificate file or a USB token (ký số).

The dialog only gathers where the key is and its password or PIN; the signing itself
(:mod:`meetingroom.core.pdf.signatures`) runs on a pool thread, because a token may take
seconds and pyHanko most of a second to load, and the answer comes back as a signal.
The private key never leaves the file or the token; only the signed PDF goes to the
server, which keeps it as the minutes' new version.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from meetingroom.core.pdf.signatures import SigningError, p12_signer, pkcs11_signer, sign_pdf
from meetingroom.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
from meetingroom.ui.secretary.texts import tr
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
        self.setWindowTitle(tr("Ký số biên bản"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("sign_kind")
        self.kind.addItem(tr("Tệp chứng thư số (PKCS#12: .p12, .pfx)"), "p12")
        self.kind.addItem(tr("Thiết bị ký số USB (token PKCS#11)"), "pkcs11")
        self.pages = QStackedWidget(self)

        file_page = QWidget(self)
        file_form = QFormLayout(file_page)
        self.p12_path = QLineEdit(file_page)
        self.p12_path.setObjectName("sign_p12_path")
        browse = QPushButton(tr("Chọn…"), file_page)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.p12_path, 1)
        row.addWidget(browse)
        file_form.addRow(tr("Tệp chứng thư:"), row)
        self.password = QLineEdit(file_page)
        self.password.setObjectName("sign_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        file_form.addRow(tr("Mật khẩu:"), self.password)

        token_page = QWidget(self)
        token_form = QFormLayout(token_page)
        self.library = QLineEdit(DEFAULT_PKCS11, token_page)
        self.library.setObjectName("sign_library")
        token_form.addRow(tr("Thư viện PKCS#11:"), self.library)
        self.token_label = QLineEdit(token_page)
        self.token_label.setObjectName("sign_token_label")
        token_form.addRow(tr("Tên thiết bị (token):"), self.token_label)
        self.key_label = QLineEdit(token_page)
        self.key_label.setObjectName("sign_key_label")
        token_form.addRow(tr("Tên khóa:"), self.key_label)
        self.pin = QLineEdit(token_page)
        self.pin.setObjectName("sign_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        token_form.addRow(tr("Mã PIN:"), self.pin)

        self.pages.addWidget(file_page)
        self.pages.addWidget(token_page)
        self.kind.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(self)
        self.sign_button = buttons.addButton(tr("Ký"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("sign_accept")
        cancel = buttons.addButton(tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Chữ ký được thêm vào bản biên bản đang mở; máy chủ lưu "
                                   "bản đã ký thành phiên bản mới."), self))
        layout.addWidget(self.kind)
        layout.addWidget(self.pages)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

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
            self.problem.setText(tr("Chưa chọn tệp chứng thư số, hoặc tệp không tồn tại"))
            return
        if key.p12_path is None and not (key.library and key.token_label and key.key_label):
            self.problem.setText(tr("Cần thư viện PKCS#11, tên thiết bị và tên khóa"))
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
