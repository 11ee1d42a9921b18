"""The delegate window's keys: one table that both builds the shortcuts and lists them.

"Trợ giúp → Phím tắt" reads :data:`DELEGATE_KEYS`, and every QAction of the
window that has a key is made from the same row by :func:`key_action`, so the
help can never list a key the window does not have (or miss one it has).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from meetingroom.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAction,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QKeySequence,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DelegateKeys", text)


@dataclass(frozen=True)
class Key:
    #: The Vietnamese words (QT_TRANSLATE_NOOP gives them back as they are).
    source: object
    keys: tuple[str, ...]

    @property
    def label(self) -> str:
        return str(self.source)


#: name → (Vietnamese label, keys); the first key is the one shown in tooltips.
DELEGATE_KEYS: dict[str, Key] = {
    "previous_page": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Trang trước của tài liệu"),
                 ("PgUp",)),
    "next_page": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Trang sau của tài liệu"),
                 ("PgDown",)),
    "item_document": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Mở tài liệu của mục đang thảo luận"),
                 ("Ctrl+Shift+O",)),
    "wide_reader": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Mở rộng vùng đọc (thu gọn các bảng bên)"),
                 ("F11",)),
    "text_bigger": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Chữ to hơn (A+)"),
                 ("Ctrl+Shift+Up",)),
    "text_smaller": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Chữ nhỏ hơn (A−)"),
                 ("Ctrl+Shift+Down",)),
    "check_in": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Điểm danh"),
                 ("Ctrl+D",)),
    "request_speech": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Đăng ký phát biểu"),
                 ("Ctrl+P",)),
    "request_question": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Đăng ký chất vấn"),
                 ("Ctrl+Shift+P",)),
    "vote_1": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Biểu quyết: chọn phương án 1 (Tán thành), rồi xác nhận"),
                 ("1",)),
    "vote_2": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Biểu quyết: chọn phương án 2 (Không tán thành), rồi xác nhận"),
                 ("2",)),
    "vote_3": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Biểu quyết: chọn phương án 3 (Không biểu quyết), rồi xác nhận"),
                 ("3",)),
    "tab_speaking": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Bảng Phát biểu"),
                 ("Alt+1",)),
    "tab_vote": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Bảng Biểu quyết"),
                 ("Alt+2",)),
    "tab_notes": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Bảng Ghi chú"),
                 ("Alt+3",)),
    "keys_help": Key(QT_TRANSLATE_NOOP("DelegateKeys",
                              "Danh sách phím tắt"),
                 ("F1",)),
}


def native(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def label(name: str) -> str:
    return _tr(DELEGATE_KEYS[name].label)


def with_key(text: str, name: str) -> str:
    """"Điểm danh (Ctrl+D)": a tooltip that teaches the key."""
    return f"{text} ({native(DELEGATE_KEYS[name].keys[0])})"


def key_action(owner: QWidget, name: str, slot: Callable[[], object],
               text: str | None = None) -> QAction:
    """An action with the keys of ``name``, added to ``owner`` so they work in the window."""
    row = DELEGATE_KEYS[name]
    action = QAction(text or _tr(row.label), owner)
    action.setObjectName(name)
    action.setShortcuts([QKeySequence(k) for k in row.keys])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(with_key(_tr(row.label), name))
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


def word_key_action(action: QAction) -> None:
    """Word an action made by ``key_action`` again, in the language now installed."""
    row = DELEGATE_KEYS.get(action.objectName())
    if row is not None:
        action.setText(_tr(row.label))
        action.setToolTip(with_key(_tr(row.label), action.objectName()))


def key_rows() -> list[tuple[str, str]]:
    """(keys as the user types them, what they do), in the table's order."""
    return [(", ".join(native(k) for k in row.keys), _tr(row.label))
            for row in DELEGATE_KEYS.values()]


class KeysDialog(QDialog):
    """The list of keys; not modal, so the delegate can keep it open beside the reader."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 480)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Phím tắt"))
        self.table.setHeaderLabels([self.tr("Phím"), self.tr("Tác dụng")])
        self.table.clear()
        for keys, what in key_rows():
            self.table.addTopLevelItem(QTreeWidgetItem([keys, what]))
        self.table.resizeColumnToContents(0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def rows(self) -> list[tuple[str, str]]:
        rows: list[tuple[str, str]] = []
        for i in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(i)
            if item is not None:
                rows.append((item.text(0), item.text(1)))
        return rows
