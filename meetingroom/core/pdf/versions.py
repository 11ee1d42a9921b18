"""A new version of a document, and what happens to the notes made on the old one."""

from __future__ import annotations

import uuid
from dataclasses import replace

from meetingroom.core.pdf.annotation_store import AnnotationStore


def carry_annotations(store: AnnotationStore, old_sha256: str, new_sha256: str, *,
                      old_pages: int, new_pages: int) -> int:
    """Copy personal annotations to the new version when the page count is unchanged.

    The originals stay with the version they were made on. Copies get ids derived
    from the original and the new version, so carrying twice (or on two laptops)
    makes the same records and a later sync merges them instead of duplicating.
    Returns how many were carried; none when the pages differ, since positions
    would no longer point at the same text.
    """
    if old_pages != new_pages or old_sha256 == new_sha256:
        return 0
    copies = [replace(a, document_sha256=new_sha256,
                      id=uuid.uuid5(uuid.NAMESPACE_OID, f"{a.id}:{new_sha256}").hex)
              for a in store.annotations(old_sha256)]
    store.merge(new_sha256, copies)
    return len(copies)
