"""The chair's frequent actions, their keys, and buttons that show the key in the tooltip.

Every action is a QAction on the console (so the key works anywhere in the
window); the button on a panel is a view of that action. Text fields keep
their own keys: Qt lets a focused editor take Space before a shortcut does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from meetingroom.ui.chair.texts import tr
from meetingroom.ui.qt import QT_TRANSLATE_NOOP, QAction, QKeySequence, QPushButton, Qt, QWidget


@dataclass(frozen=True)
class Shortcut:
    #: The Vietnamese words (QT_TRANSLATE_NOOP gives them back as they are).
    label: object
    keys: tuple[str, ...]


#: name → (Vietnamese label, keys). The first key is the one shown in tooltips.
SHORTCUTS: dict[str, Shortcut] = {
    "call_next_speech": Shortcut(
        QT_TRANSLATE_NOOP("chair", "Mời người phát biểu tiếp theo"), ("F5",)),
    "call_next_question": Shortcut(
        QT_TRANSLATE_NOOP("chair", "Mời người chất vấn tiếp theo"), ("F6",)),
    "start_pause": Shortcut(
        QT_TRANSLATE_NOOP("chair", "Bắt đầu / tạm dừng / tiếp tục"), ("Space",)),
    "end_speech": Shortcut(
        QT_TRANSLATE_NOOP("chair", "Kết thúc phát biểu"), ("F8",)),
    "add_minute": Shortcut(
        QT_TRANSLATE_NOOP("chair", "Thêm 1 phút"), ("Ctrl+=", "Ctrl++")),
    "next_item": Shortcut(
        QT_TRANSLATE_NOOP("chair", "Mục tiếp theo"), ("Ctrl+N",)),
    "previous_item": Shortcut(
        QT_TRANSLATE_NOOP("chair", "Mục trước"), ("Ctrl+Shift+N",)),
    "open_vote": Shortcut(
        QT_TRANSLATE_NOOP("chair", "Mở biểu quyết"), ("Ctrl+O",)),
    "stop_vote": Shortcut(
        QT_TRANSLATE_NOOP("chair", "Dừng nhận phiếu"), ("Ctrl+D",)),
    "close_vote": Shortcut(
        QT_TRANSLATE_NOOP("chair", "Kết thúc và công bố kết quả"), ("Ctrl+Return", "Ctrl+Enter")),
    "share_page": Shortcut(
        QT_TRANSLATE_NOOP("chair", "Chia sẻ trang của tôi"), ("Ctrl+Shift+S",)),
    "big_screen": Shortcut(
        QT_TRANSLATE_NOOP("chair", "Hiện / ẩn màn hình chung"), ("F11",)),
}


def native(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def with_key(text: str, name: str) -> str:
    """"Mời người tiếp theo (F5)": the tooltip of an action that has a shortcut."""
    shortcut = SHORTCUTS.get(name)
    if shortcut is None:
        return text
    return f"{text} ({native(shortcut.keys[0])})"


def make_action(owner: QWidget, name: str, slot: Callable[[], object],
                text: str | None = None) -> QAction:
    """An action with the shortcut of ``name``, added to ``owner`` so the key works there."""
    shortcut = SHORTCUTS[name]
    action = QAction(owner)
    action.setObjectName(name)
    action.setShortcuts([QKeySequence(k) for k in shortcut.keys])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    label_action(action, text)
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


def label_action(action: QAction, text: str | None = None) -> None:
    """(Re)word an action made by :func:`make_action` in the current language: its text
    (``text``, else the shortcut's label) and its tooltip with the key. Owners call it
    again on a language change; buttons showing the action follow by themselves."""
    shortcut = SHORTCUTS[action.objectName()]
    action.setText(text or tr(shortcut.label))
    action.setToolTip(with_key(tr(shortcut.label), action.objectName()))


class ActionButton(QPushButton):
    """A push button that mirrors a QAction: its text, tooltip and enabled state."""

    def __init__(self, action: QAction, parent: QWidget | None = None,
                 text: str | None = None) -> None:
        super().__init__(text or action.text(), parent)
        self._action = action
        self._fixed_text = text
        self.setObjectName(action.objectName() + "_button")
        self.clicked.connect(lambda _checked=False: action.trigger())
        action.changed.connect(self._sync)
        self._sync()

    @property
    def action(self) -> QAction:
        return self._action

    def set_fixed_text(self, text: str) -> None:
        """The button's own short words (the action's tooltip still says the whole);
        set again by the owner when the language changes."""
        self._fixed_text = text
        self.setText(text)

    def _sync(self) -> None:
        self.setEnabled(self._action.isEnabled())
        hidden = not self._action.isVisible()
        if hidden != self.isHidden() and (hidden or self.parentWidget() is not None):
            self.setHidden(hidden)  # never shows a parentless button as a window
        self.setToolTip(self._action.toolTip())
        if self._fixed_text is None:
            self.setText(self._action.text())


def plain_button(text: str, tooltip: str, slot: Callable[[], object],
                 parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setToolTip(tooltip)
    button.clicked.connect(lambda _checked=False: slot())
    return button
