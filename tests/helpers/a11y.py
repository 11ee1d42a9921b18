"""Which controls a screen reader could not name: the accessibility walk of a window.

A control with text (a button's caption, a line edit's placeholder) is named by
it; a list, a spin box, an icon-only button or an edit without placeholder needs
``setAccessibleName`` — without one a screen reader says only "list" or "button".
"""

from __future__ import annotations

from meetingroom.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QWidget,
)


def _describe(widget: QWidget) -> str:
    parents: list[str] = []
    parent = widget.parentWidget()
    while parent is not None and len(parents) < 3:
        parents.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    return f"{type(widget).__name__} {widget.objectName()!r} in {'/'.join(parents)}"


def needs_name(widget: QWidget) -> bool:
    """An interactive widget that only an accessible name can describe."""
    if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QAbstractSpinBox):
        return False  # the spin box's own editor: the spin box is named
    if isinstance(widget.parentWidget(), QLineEdit):
        return False  # Qt's own clear button of a line edit, named by Qt
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, QComboBox):
            return False  # a combo box's drop-down list: the combo box is what is named
        ancestor = ancestor.parentWidget()
    if isinstance(widget, QAbstractButton):
        return not widget.text().replace("&", "").strip()
    if isinstance(widget, QLineEdit):
        return not widget.placeholderText().strip()
    if isinstance(widget, QHeaderView):
        return False  # a table's header belongs to its view, which is named
    return isinstance(widget, QAbstractItemView | QAbstractSpinBox)


def unnamed(window: QWidget) -> list[str]:
    """Every control of ``window`` (shown or not) a screen reader could not name."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if type(widget).__module__.startswith("PySide6") and widget.objectName().startswith(
                "qt_"):
            continue  # Qt's own parts (scroll bars' buttons, a tab bar's scrollers)
        if widget.isHidden():
            continue  # hidden until it has something to say (a banner gets its text then)
        if needs_name(widget) and not widget.accessibleName().strip():
            found.append(_describe(widget))
    return found
