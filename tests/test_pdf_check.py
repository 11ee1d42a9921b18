"""The one document check (issue 20.2): corpus files pass, hostile shapes are bounded.

No wall-clock assertion: each test is bounded by its pytest-timeout marker, and the
check's own limits are what keep it inside.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meetingroom.cli import main
from meetingroom.core.pdf.check import Limits, Reason, Verdict, check_file, reason_text
from meetingroom.core.pdf.document import PdfDocument
from meetingroom.core.pdf.errors import OpenFailure, PdfOpenError
from tests.helpers.hostile_pdfs import HOSTILE, form_fan_out, plain, renamed_executable

CORPUS = Path("/work/shared/pdfs")
#: Short page limit: the fan-out is stopped in seconds, yet a plain page is far inside it.
HOSTILE_LIMITS = Limits(page_seconds=5.0, total_seconds=60.0)


def _corpus_that_opens() -> list[Path]:
    if not (CORPUS / "files.json").is_file():
        return []
    names = [Path(entry["path"]).name
             for entry in json.loads((CORPUS / "files.json").read_text())["data"]]
    opening = []
    for name in names:
        try:
            PdfDocument.open_file(CORPUS / name).close()
        except PdfOpenError:
            continue
        opening.append(CORPUS / name)
    return opening


@pytest.mark.timeout(600)
def test_every_corpus_file_that_opens_today_passes_the_check() -> None:
    files = _corpus_that_opens()
    if not files:
        pytest.skip("the shared corpus is not on this machine")
    for path in files:
        verdict = check_file(path)
        assert verdict.ok, (path.name, verdict)
        document = PdfDocument.open_file(path)
        assert verdict.pages == document.page_count
        document.close()


@pytest.mark.timeout(120)
def test_a_form_fan_out_is_refused_as_too_complex_on_its_page(tmp_path: Path) -> None:
    path = tmp_path / "fan.pdf"
    path.write_bytes(form_fan_out())
    verdict = check_file(path, HOSTILE_LIMITS)
    assert verdict == Verdict(False, reason=Reason.TOO_COMPLEX, page=1)
    assert verdict.details() == {"reason": "too_complex", "page": 1}


@pytest.mark.timeout(60)
def test_mz_before_pdf_is_one_judgement_for_the_check_and_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "setup.pdf"
    path.write_bytes(renamed_executable())
    assert check_file(path).reason is Reason.EXECUTABLE
    with pytest.raises(PdfOpenError) as opened:
        PdfDocument.open(path.read_bytes())
    assert opened.value.kind is OpenFailure.EXECUTABLE


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_every_hostile_shape_gets_a_verdict_within_the_limits(name: str,
                                                              tmp_path: Path) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(HOSTILE[name]())
    verdict = check_file(path, HOSTILE_LIMITS)
    assert verdict.ok or verdict.reason is not None
    assert verdict.text("en")


@pytest.mark.timeout(120)
def test_the_cli_prints_one_line_per_file_and_fails_if_any_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(plain())
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(renamed_executable())
    assert main(["pdf", "check", str(good)]) == 0
    assert capsys.readouterr().out == f"{good}: đạt, 1 trang\n"
    assert main(["pdf", "check", "--lang", "en", str(good), str(bad)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{good}: ok, 1 pages",
        f"{bad}: refused: the file is a program, not a PDF document"]


def test_reasons_are_worded_in_one_language_at_a_time() -> None:
    assert reason_text("too_complex", 3) == "trang 3 quá phức tạp, không hiển thị được"
    assert reason_text("too_complex", 3, "en") == "page 3 is too complex to display"
    assert Verdict.from_json(Verdict(True, pages=4).to_json()) == Verdict(True, pages=4)
    assert Verdict.from_json('{"ok": true, "version": 0}') is None
