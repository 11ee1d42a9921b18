"""Official records a province can file: laid out per Nghị định 30/2020/NĐ-CP.

:mod:`meetingroom.server.official.record` is the shape every record shares, the authority's
heading, number and symbol, place and date, title, body, nơi nhận, signature blocks;
:mod:`meetingroom.server.official.pdf` lays it out as a PDF with PyMuPDF's ``Story`` and the
embedded Liberation Serif, :mod:`meetingroom.server.official.docx` writes the editable Word copy
from the same record, so both always say the same thing. What goes into a record (the
minutes, a vote-count record, a conclusions notice, a written-opinion summary) is built
from the hall's database in :mod:`meetingroom.server.minutes`.
"""

from meetingroom.server.official.record import (
    OfficialRecord,
    Paragraph,
    Signature,
    TableBlock,
    vietnamese_date,
)

__all__ = ["OfficialRecord", "Paragraph", "Signature", "TableBlock", "vietnamese_date"]
