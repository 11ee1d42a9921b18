"""What a file's first bytes say it is: the one judgement of "is this a PDF?".

The reader, the server's upload path and the document check all ask this
function, so a file cannot be "damaged" to one and "not a PDF" to another
(issue 20: "MZ" before "%PDF" was judged two ways). The rule is the one PDF
viewers follow, ``%PDF`` within the first 1024 bytes, with one refusal on top:
a file that starts like a program (Windows ``MZ``, ELF, Mach-O, a script) is an
executable wearing a PDF header, never a document, wherever its ``%PDF`` is.
"""

from __future__ import annotations

from meetingroom.core.pdf.errors import OpenFailure

#: How far into a file the PDF header may start (what Acrobat accepts).
HEADER_WINDOW = 1024

#: First bytes of programs: Windows PE ("MZ"), ELF, Mach-O (both byte orders, fat), scripts.
EXECUTABLE_MAGICS = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa\xcf",
                     b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!")


def sniff(head: bytes) -> OpenFailure | None:
    """None when ``head`` (at least the first 1024 bytes, or the whole file) may be a PDF.

    Otherwise why not: EMPTY, EXECUTABLE or NOT_PDF.
    """
    if not head:
        return OpenFailure.EMPTY
    if head.startswith(EXECUTABLE_MAGICS):
        return OpenFailure.EXECUTABLE
    if b"%PDF" not in head[:HEADER_WINDOW]:
        return OpenFailure.NOT_PDF
    return None
