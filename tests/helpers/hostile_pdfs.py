"""Hostile PDFs made on the spot (issue 20): each shape a weaponised document takes.

Every file is small on disk; what it costs is in drawing it. The builder writes a
correct cross-reference table, so MuPDF reads them as intended, not "repaired".
"""

from __future__ import annotations

import zlib
from collections.abc import Callable


def build(objects: list[bytes], *, prefix: bytes = b"") -> bytes:
    """A PDF with ``objects`` as 1 0 obj, 2 0 obj...; object 1 is the catalog."""
    out = bytearray(prefix + b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", *, deflate: bool = False) -> bytes:
    if deflate:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _one_page(page_extra: bytes, content: bytes, resources: bytes = b"<< >>",
              more: list[bytes] | None = None, media_box: bytes = b"[0 0 595 842]",
              prefix: bytes = b"") -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + media_box + b" /Resources "
        + resources + b" /Contents 4 0 R" + page_extra + b" >>",
        stream(content),
    ]
    return build(objects + (more or []), prefix=prefix)


def plain(text: bytes = b"Trang thu") -> bytes:
    """A harmless one-page PDF (the control)."""
    return _one_page(b"", b"BT /F1 24 Tf 72 720 Td (" + text + b") Tj ET",
                     b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
                     b" >> >>")


def form_fan_out(depth: int = 9, fan: int = 10) -> bytes:
    """A form drawing another form ``fan`` times, ``depth`` levels deep: fan**depth draws."""
    first = 5  # objects 1-4 are catalog, pages, page, page content
    forms: list[bytes] = []
    for level in range(depth + 1):
        if level < depth:
            body = b"".join(b"q 1 0 0 1 0.1 0.1 cm /X Do Q\n" for _ in range(fan))
            res = b"<< /XObject << /X %d 0 R >> >>" % (first + level + 1)
        else:
            body = b"0 0 1 rg 10 10 100 100 re f"
            res = b"<< >>"
        forms.append(stream(body, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842]"
                                  b" /Resources " + res))
    return _one_page(b"", b"/X Do", b"<< /XObject << /X %d 0 R >> >>" % first, forms)


def _zeros_deflated(size: int) -> bytes:
    """zlib data for ``size`` zero bytes, made in milliseconds: after a full flush every
    16 MiB block compresses to the same bytes, and the Adler-32 of zeros is known."""
    block = 1 << 24
    assert size % block == 0
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(bytes(block)) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(bytes(block)) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush(zlib.Z_FINISH)
    adler = ((size % 65521) << 16) | 1
    return b"\x78\xda" + piece + again * (size // block - 1) + end + adler.to_bytes(4, "big")


def fan_out_then_plain() -> bytes:
    """Page 1 is the form fan-out, page 2 a plain page: the second must stay readable."""
    depth, fan = 9, 10
    first = 7  # 1 catalog, 2 pages, 3-4 page one and its content, 5-6 page two and its
    forms: list[bytes] = []
    for level in range(depth + 1):
        if level < depth:
            body = b"".join(b"q 1 0 0 1 0.1 0.1 cm /X Do Q\n" for _ in range(fan))
            res = b"<< /XObject << /X %d 0 R >> >>" % (first + level + 1)
        else:
            body, res = b"0 0 1 rg 10 10 100 100 re f", b"<< >>"
        forms.append(stream(body, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842]"
                                  b" /Resources " + res))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject"
        b" << /X %d 0 R >> >> /Contents 4 0 R >>" % first,
        stream(b"/X Do"),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R >>",
        stream(b"1 0 0 rg 10 10 200 200 re f"),
    ]
    return build(objects + forms)


def deflate_bomb(megabytes: int = 2048) -> bytes:
    """An image whose few KB of deflate unpack to ``megabytes`` of pixels."""
    width = 16384
    height = megabytes * (1 << 20) // (width * 3) // 1024 * 1024
    packed = _zeros_deflated(width * height * 3)
    image = b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB" \
            b" /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (
                width, height, len(packed)) + bytes(packed) + b"\nendstream"
    return _one_page(b"", b"q 595 0 0 842 0 0 cm /Im Do Q",
                     b"<< /XObject << /Im 5 0 R >> >>", [image])


def page_tree_cycle() -> bytes:
    """A page tree whose node lists itself (and its parent) among its kids."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 3 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 2 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>",
        stream(b"0 0 1 rg 10 10 100 100 re f"),
    ]
    return build(objects)


def huge_media_box() -> bytes:
    return _one_page(b"", b"0 0 1 rg 10 10 100 100 re f", media_box=b"[0 0 1e38 1e38]")


def nan_media_box() -> bytes:
    return _one_page(b"", b"0 0 1 rg 10 10 100 100 re f", media_box=b"[0 0 NaN nan]")


def absurd_image() -> bytes:
    """An image that claims to be 2^31 - 1 pixels square, with a few bytes of data."""
    image = stream(b"\x00" * 64, b" /Type /XObject /Subtype /Image /Width 2147483647"
                                 b" /Height 2147483647 /ColorSpace /DeviceRGB"
                                 b" /BitsPerComponent 8")
    return _one_page(b"", b"q 595 0 0 842 0 0 cm /Im Do Q",
                     b"<< /XObject << /Im 5 0 R >> >>", [image])


def renamed_executable() -> bytes:
    """A Windows program ("MZ") carrying a PDF after its header: a polyglot."""
    stub = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(48) + b"PE\x00\x00"
    return _one_page(b"", b"0 0 1 rg 10 10 100 100 re f", prefix=stub)


#: name -> maker; each is refused by the check or opens with every page bounded.
HOSTILE: dict[str, Callable[[], bytes]] = {
    "form_fan_out": form_fan_out,
    "deflate_bomb": deflate_bomb,
    "page_tree_cycle": page_tree_cycle,
    "huge_media_box": huge_media_box,
    "nan_media_box": nan_media_box,
    "absurd_image": absurd_image,
    "renamed_executable": renamed_executable,
}
