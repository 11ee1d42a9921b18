"""Personal annotations as plain, JSON-ready records that two laptops can merge.

Annotations belong to a user and to one exact version of a document (its
SHA-256), never to the PDF file: the council's copy stays untouched and the
same notes can follow the delegate to another laptop through the chair server.
Each record has a stable uuid, a modification time and a tombstone flag so a
merge is a plain "last writer wins" per id, with no central lock needed.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Protocol

from meetingroom.core.pdf.geometry import PdfRect, Point


class AnnotationKind(StrEnum):
    HIGHLIGHT = "highlight"
    UNDERLINE = "underline"
    NOTE = "note"
    INK = "ink"


DEFAULT_COLORS: dict[AnnotationKind, str] = {
    AnnotationKind.HIGHLIGHT: "#ffd400",
    AnnotationKind.UNDERLINE: "#d62728",
    AnnotationKind.NOTE: "#ff9f1c",
    AnnotationKind.INK: "#1f5fd6",
}


def now() -> float:
    """Wall-clock seconds; the merge compares these across machines."""
    return time.time()


@dataclass(frozen=True)
class Annotation:
    """One mark on one page, in unrotated page points.

    ``rects`` carries text lines for highlights and underlines, ``strokes``
    the polylines of freehand ink, ``anchor`` the point a sticky note is
    pinned to. ``text`` is the note body (or the marked text, for search).
    """

    document_sha256: str
    page: int
    kind: AnnotationKind
    rects: tuple[PdfRect, ...] = ()
    strokes: tuple[tuple[Point, ...], ...] = ()
    anchor: Point | None = None
    text: str = ""
    color: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created: float = field(default_factory=now)
    modified: float = field(default_factory=now)
    deleted: bool = False

    def __post_init__(self) -> None:
        if not self.color:
            object.__setattr__(self, "color", DEFAULT_COLORS[self.kind])

    def edited(self, **changes: Any) -> Annotation:
        """A newer version of the same annotation; modified always moves forward."""
        stamp = max(now(), self.modified + 1e-6)
        return replace(self, **changes, modified=stamp)

    def tombstone(self) -> Annotation:
        """Deletion is a new version, so the deletion itself syncs and merges."""
        return self.edited(deleted=True)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document_sha256": self.document_sha256,
            "page": self.page,
            "kind": self.kind.value,
            "rects": [list(r.as_tuple()) for r in self.rects],
            "strokes": [[list(p) for p in stroke] for stroke in self.strokes],
            "anchor": list(self.anchor) if self.anchor is not None else None,
            "text": self.text,
            "color": self.color,
            "created": self.created,
            "modified": self.modified,
            "deleted": self.deleted,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Annotation:
        anchor = data.get("anchor")
        return cls(
            id=str(data["id"]),
            document_sha256=str(data["document_sha256"]),
            page=int(data["page"]),
            kind=AnnotationKind(data["kind"]),
            rects=tuple(PdfRect(*map(float, r)) for r in data.get("rects", [])),
            strokes=tuple(
                tuple((float(p[0]), float(p[1])) for p in s) for s in data.get("strokes", [])
            ),
            anchor=(float(anchor[0]), float(anchor[1])) if anchor is not None else None,
            text=str(data.get("text", "")),
            color=str(data.get("color", "")),
            created=float(data["created"]),
            modified=float(data["modified"]),
            deleted=bool(data.get("deleted", False)),
        )

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True)


def _wins(candidate: Annotation, incumbent: Annotation) -> bool:
    """Last writer wins; ties go to the tombstone, then to a stable order.

    The tie-breakers make the merge commutative, so both laptops converge to
    the same state whichever one syncs first.
    """
    a = (candidate.modified, candidate.deleted, candidate.dumps())
    b = (incumbent.modified, incumbent.deleted, incumbent.dumps())
    return a > b


def merge_annotations(*sources: Iterable[Annotation]) -> list[Annotation]:
    """Union of all sources, keeping the newest version of each id (tombstones too).

    Tombstones are kept, not dropped, so a deletion keeps beating the older
    copy still sitting on another machine.
    """
    best: dict[str, Annotation] = {}
    for source in sources:
        for annotation in source:
            current = best.get(annotation.id)
            if current is None or _wins(annotation, current):
                best[annotation.id] = annotation
    return sorted(best.values(), key=lambda a: (a.page, a.created, a.id))


def visible(annotations: Iterable[Annotation]) -> list[Annotation]:
    return [a for a in annotations if not a.deleted]


class AnnotationSync(Protocol):
    """What the account sync on the chair server must offer (implemented in sync/).

    ``push`` sends every version the client holds, tombstones included;
    ``pull`` returns the account's versions. Merging is the client's job
    (:func:`merge_annotations`), so the server may simply keep the newest
    version per id.
    """

    def push(self, document_sha256: str, annotations: Sequence[Annotation]) -> None: ...

    def pull(self, document_sha256: str) -> list[Annotation]: ...
