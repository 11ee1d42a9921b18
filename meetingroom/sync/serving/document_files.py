"""The chair server's document files over the wire: pieces fetched, pieces uploaded,
office files converted to PDF on arrival.

A layer between the shared socket front and the chair server, apart so the server's
request handling stays readable; every file operation runs on the I/O threads, never on
the event loop or the database thread.
"""

from __future__ import annotations

import base64
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from meetingroom.core.pdf.sniff import sniff
from meetingroom.core.protocol import (
    MAX_UPLOAD_PIECE_BYTES,
    ErrorCode,
    FetchChunk,
    ProtocolError,
    Reason,
    UploadChunk,
    UploadStatus,
)
from meetingroom.server.convert import ConversionError, convert_to_pdf, is_office_file
from meetingroom.server.service import Identity, MeetingService
from meetingroom.sync.serving.pieces import BinaryReply, file_piece
from meetingroom.sync.serving.socket_server import Peer, SocketServer, encoded_piece

log = logging.getLogger("meetingroom.server")


class DocumentFiles(SocketServer):
    """``fetch_chunk``, ``upload_status`` and ``upload_chunk`` for the chair server."""

    service: MeetingService
    #: The database thread (set by the chair server).
    _db: ThreadPoolExecutor

    async def _upload_status(self, peer: Peer, request: UploadStatus) -> dict[str, Any]:
        sha256, size, blobs = request.sha256, request.size, self.service.blobs
        if blobs.has(sha256):
            return {"sha256": sha256, "complete": True, "received": size}
        return {"sha256": sha256, "complete": False,
                "received": await self._run(self._io, blobs.received, sha256)}

    async def _fetch_chunk(self, identity: Identity, request: FetchChunk,
                           piece_limit: int) -> dict[str, Any] | BinaryReply:
        if request.binary and request.length > piece_limit:
            raise ProtocolError(ErrorCode.INVALID_ARGS,
                                f"a binary piece carries at most {piece_limit} bytes here")
        size = self.service.readable_known(identity, request.sha256)
        if size is None:
            size = await self._run(self._db, self.service.readable_blob, identity,
                                   request.sha256)
        if request.offset >= size:
            raise ProtocolError(ErrorCode.INVALID_ARGS, f"offset beyond the file ({size} bytes)")
        if request.binary:
            # Raw bytes: the client verifies the whole file against its SHA-256 name.
            return file_piece(self.service.blobs, request.sha256, request.offset,
                              min(request.length, size - request.offset), size)
        # Reading, hashing and encoding a piece all happen off the event loop.
        piece = await self._run(self._io, encoded_piece, self.service.blobs, request.sha256,
                                request.offset, request.length)
        return {"sha256": request.sha256, "offset": request.offset, "size": size, **piece}

    async def _require_uploader(self, peer: Peer, identity: Identity) -> None:
        if peer.may_upload is None:
            peer.may_upload = await self._run(self._db, self.service.may_upload, identity)
        if not peer.may_upload:
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                "secretaries, chairs and administrators upload documents",
                                reason=Reason.UPLOAD_FORBIDDEN)

    async def _upload_chunk(self, identity: Identity, request: UploadChunk) -> dict[str, Any]:
        try:
            data = base64.b64decode(request.data, validate=True)
        except ValueError:
            raise ProtocolError(ErrorCode.INVALID_ARGS, "data is not valid base64") from None
        if len(data) > MAX_UPLOAD_PIECE_BYTES:
            raise ProtocolError(ErrorCode.TOO_LARGE,
                                f"a piece carries at most {MAX_UPLOAD_PIECE_BYTES} bytes")
        blobs = self.service.blobs
        if blobs.has(request.sha256):
            received = request.size
        else:
            try:
                received = await self._run(self._io, blobs.append, request.sha256,
                                           request.size, request.offset, data)
            except ValueError as exc:
                raise ProtocolError(ErrorCode.INVALID_ARGS, str(exc),
                                    details={"received": blobs.received(request.sha256)}) \
                    from None
        result: dict[str, Any] = {"sha256": request.sha256, "received": received,
                                  "complete": received == request.size}
        if result["complete"]:
            log.info("upload complete user=%s size=%d", identity.username, request.size)
            result["pdf_sha256"] = await self._run(self._io, self._as_pdf, request.sha256,
                                                   request.filename)
        return result

    def _as_pdf(self, sha256: str, filename: str) -> str:
        """The PDF to attach: the file itself, or its conversion from an office format."""
        blobs = self.service.blobs
        head = blobs.read_range(sha256, 0, 1024)
        if sniff(head) is None or not is_office_file(filename):
            return sha256
        known = blobs.converted(sha256)
        if known is not None:
            return known
        try:
            pdf = blobs.put(convert_to_pdf(blobs.read(sha256), filename))
        except ConversionError as exc:
            raise ProtocolError(ErrorCode.UNAVAILABLE, str(exc), reason=Reason.CONVERSION_FAILED,
                                params={"problem": exc.problem}) from None
        blobs.remember_conversion(sha256, pdf)
        return pdf
