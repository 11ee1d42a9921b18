"""The agenda editor: the tree (drag and drop), the item form, and each item's documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from meetingroom.laptop.meeting_store import Part
from meetingroom.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    Qt,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.secretary.agenda_model import COLUMN_COUNT, AgendaEditModel
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.secretary.section import Section
from meetingroom.ui.secretary.texts import form_row, set_label, tr


def _button(name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    return button


class AgendaEditor(Section):
    def __init__(self, requests: Requests, parent: QWidget | None = None) -> None:
        super().__init__(requests, parent)
        self.model = AgendaEditModel(self.state, self)
        self.model.move_requested.connect(self.move_item)
        self.tree = QTreeView(self)
        self.tree.setObjectName("agenda_tree")
        self.tree.setModel(self.model)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(lambda *_a: self._selected())

        self.title = QLineEdit(self)
        self.title.setObjectName("item_title")
        self.title.setMaxLength(500)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("item_minutes")
        self.minutes.setRange(0, 1440)
        self.presenter = QLineEdit(self)
        self.presenter.setObjectName("item_presenter")
        self.presenter.setMaxLength(200)
        self.form = form = QFormLayout()
        for field in (self.title, self.minutes, self.presenter):
            form_row(form, field)
        self.add_button = _button("item_add", self)
        self.add_child_button = _button("item_add_child", self)
        self.save_button = _button("item_save", self)
        self.remove_button = _button("item_remove", self)
        self.up_button = _button("item_up", self)
        self.down_button = _button("item_down", self)
        self.add_button.clicked.connect(lambda: self.add_item())
        self.add_child_button.clicked.connect(lambda: self.add_item(child=True))
        self.save_button.clicked.connect(lambda: self.save_item())
        self.remove_button.clicked.connect(lambda: self.remove_item())
        self.up_button.clicked.connect(lambda: self.shift(-1))
        self.down_button.clicked.connect(lambda: self.shift(1))
        self.item_box = item_box = QGroupBox(self)
        item_layout = QVBoxLayout(item_box)
        item_layout.addLayout(form)
        for buttons in ((self.add_button, self.add_child_button, self.save_button),
                        (self.remove_button, self.up_button, self.down_button)):
            row = QHBoxLayout()
            for b in buttons:
                row.addWidget(b)
            row.addStretch(1)
            item_layout.addLayout(row)

        self.documents = QListWidget(self)
        self.documents.setObjectName("item_documents")
        self.doc_title = QLineEdit(self)
        self.doc_title.setObjectName("document_title")
        self.confidential = QCheckBox(self)
        self.attach_button = _button("document_attach", self)
        self.replace_button = _button("document_replace", self)
        self.withdraw_button = _button("document_withdraw", self)
        self.attach_button.clicked.connect(lambda: self._pick(replace=False))
        self.replace_button.clicked.connect(lambda: self._pick(replace=True))
        self.withdraw_button.clicked.connect(lambda: self.withdraw())
        self.documents.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.doc_box = doc_box = QGroupBox(self)
        doc_layout = QVBoxLayout(doc_box)
        doc_layout.addWidget(self.documents, 1)
        doc_layout.addWidget(self.doc_title)
        doc_layout.addWidget(self.confidential)
        row = QHBoxLayout()
        for b in (self.attach_button, self.replace_button, self.withdraw_button):
            row.addWidget(b)
        row.addStretch(1)
        doc_layout.addLayout(row)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(item_box)
        right_layout.addWidget(doc_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setSizes([640, 460])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.minutes.setSuffix(tr(" phút"))
        set_label(self.form, self.title, tr("Nội dung"))
        set_label(self.form, self.minutes, tr("Thời lượng dự kiến"))
        set_label(self.form, self.presenter, tr("Người trình bày"))
        self.add_button.setText(tr("Thêm mục"))
        self.add_child_button.setText(tr("Thêm mục con"))
        self.save_button.setText(tr("Lưu mục"))
        self.remove_button.setText(tr("Xóa mục"))
        self.up_button.setText(tr("Lên"))
        self.down_button.setText(tr("Xuống"))
        self.item_box.setTitle(tr("Mục đang chọn"))
        self.doc_title.setPlaceholderText(tr("Tiêu đề (để trống: theo tên tệp)"))
        self.confidential.setText(tr("Tài liệu mật (khách mời không xem được)"))
        self.attach_button.setText(tr("Đính kèm tài liệu…"))
        self.replace_button.setText(tr("Thay bằng phiên bản mới…"))
        self.withdraw_button.setText(tr("Rút tài liệu"))
        self.doc_box.setTitle(tr("Tài liệu của mục"))
        # Worded from the state: the tree's headings and the item's documents.
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        self._fill_documents()

    # --- selection ----------------------------------------------------------------------

    @property
    def selected_id(self) -> int | None:
        return self.model.item_id(self.tree.currentIndex())

    def select(self, item_id: int | None) -> None:
        index = self.model.index_of(item_id)
        self.tree.setCurrentIndex(index)
        if index.isValid():
            self.tree.scrollTo(index)

    def _selected(self) -> None:
        item = self.state.agenda.get(self.selected_id or 0)
        if item is not None:
            self.title.setText(str(item["title"]))
            self.minutes.setValue(int(item.get("planned_minutes") or 0))
            self.presenter.setText(str(item.get("presenter") or ""))
        self._fill_documents()
        self._update_buttons()

    def _fill_documents(self) -> None:
        chosen = self.selected_document_id
        self.documents.clear()
        item_id = self.selected_id
        if item_id is None:
            return
        for doc in sorted(self.state.documents_of(item_id), key=lambda d: d["id"]):
            if doc.get("approval", "approved") != "approved":
                continue
            mark = tr(" (mật)") if doc.get("confidential") else ""
            text = tr("{title} — phiên bản {version}, {pages} trang{mark}").format(
                title=doc["title"], version=doc.get("version", 1), pages=doc.get("pages", 0),
                mark=mark)
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, int(doc["id"]))
            self.documents.addItem(entry)
            if doc["id"] == chosen:
                self.documents.setCurrentItem(entry)

    @property
    def selected_document_id(self) -> int | None:
        entry = self.documents.currentItem()
        return int(entry.data(Qt.ItemDataRole.UserRole)) if entry is not None else None

    def _update_buttons(self) -> None:
        open_meeting = bool(self.state.meeting) and self.state.meeting.get("status") != "closed"
        has_item = self.selected_id is not None
        for button in (self.add_button,):
            button.setEnabled(open_meeting)
        for button in (self.add_child_button, self.save_button, self.remove_button,
                       self.up_button, self.down_button, self.attach_button):
            button.setEnabled(open_meeting and has_item)
        has_doc = self.selected_document_id is not None
        self.replace_button.setEnabled(open_meeting and has_doc)
        self.withdraw_button.setEnabled(open_meeting and has_doc)

    # --- agenda commands ----------------------------------------------------------------

    def _item_args(self) -> dict[str, Any]:
        return {"title": self.title.text().strip(), "planned_minutes": self.minutes.value(),
                "presenter": self.presenter.text().strip()}

    def add_item(self, *, child: bool = False) -> None:
        args = self._item_args()
        if not args["title"]:
            self.say(tr("Nhập nội dung của mục"))
            return
        if child and self.selected_id is not None:
            args["parent_id"] = self.selected_id
        self.submit("agenda.add_item", args)

    def save_item(self) -> None:
        args = self._item_args()
        if self.selected_id is None or not args["title"]:
            return
        self.submit("agenda.update_item", {"item_id": self.selected_id, **args})

    def remove_item(self) -> None:
        if self.selected_id is not None:
            self.submit("agenda.remove_item", {"item_id": self.selected_id})

    def move_item(self, item_id: int, parent_id: int | None, position: int) -> None:
        self.submit("agenda.move_item", {"item_id": item_id, "parent_id": parent_id,
                                         "position": max(position, 0)})

    def shift(self, step: int) -> None:
        item_id = self.selected_id
        if item_id is None:
            return
        parent = self.model.parent_of(item_id)
        siblings = self.model.siblings(parent)
        position = siblings.index(item_id) + step
        if 0 <= position < len(siblings):
            self.move_item(item_id, parent, position)

    # --- documents ----------------------------------------------------------------------

    def _pick(self, *, replace: bool) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, tr("Chọn tài liệu"), "",
                                                    tr("Tài liệu (*.pdf *.doc *.docx *.odt "
                                                       "*.xls *.xlsx *.ods *.ppt *.pptx *.odp)"))
        if not path:
            return
        if replace:
            self.replace_file(Path(path))
        else:
            self.attach_file(Path(path))

    def attach_file(self, path: Path, title: str = "") -> None:
        self.attach_bytes(path.read_bytes(), path.name, title)

    def attach_bytes(self, data: bytes, filename: str, title: str = "") -> None:
        """Upload, then ``document.add`` to the selected item (or to the meeting)."""
        item_id = self.selected_id
        title = title or self.doc_title.text().strip() or Path(filename).stem
        confidential = self.confidential.isChecked()
        self.say(tr("Đang tải lên {name}…").format(name=filename))

        def uploaded(result: dict[str, Any] | None, error: str) -> None:
            if result is None:
                self.say(tr("Không tải lên được: {error}").format(error=error))
                return
            args: dict[str, Any] = {"sha256": result["sha256"], "title": title[:500],
                                    "filename": Path(filename).with_suffix(".pdf").name,
                                    "confidential": confidential}
            if item_id is not None:
                args["item_id"] = item_id
            self.submit("document.add", args)
            self.doc_title.clear()
            self.say(tr("Đã tải lên, đang đính kèm {name}").format(name=filename))

        self.requests.upload(data, filename, uploaded)

    def replace_file(self, path: Path) -> None:
        self.replace_bytes(path.read_bytes(), path.name)

    def replace_bytes(self, data: bytes, filename: str) -> None:
        document_id = self.selected_document_id
        if document_id is None:
            return

        def uploaded(result: dict[str, Any] | None, error: str) -> None:
            if result is None:
                self.say(tr("Không tải lên được: {error}").format(error=error))
                return
            self.submit("document.replace", {
                "document_id": document_id, "sha256": result["sha256"],
                "filename": Path(filename).with_suffix(".pdf").name})

        self.requests.upload(data, filename, uploaded)

    def withdraw(self) -> None:
        if self.selected_document_id is not None:
            self.submit("document.withdraw", {"document_id": self.selected_document_id})

    # --- state --------------------------------------------------------------------------

    def refresh(self, parts: set[Part]) -> None:
        self.model.use(self.state)
        if parts & {"agenda", "documents"}:
            chosen = self.selected_id
            self.model.refresh()
            self.tree.expandAll()
            if chosen is not None and chosen in self.state.agenda:
                self.select(chosen)
            self._fill_documents()
        self._update_buttons()
