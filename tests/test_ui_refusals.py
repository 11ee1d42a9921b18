"""Every refusal the server can give is worded by the client, in the window's language."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.core.protocol import ErrorCode, Reason
from meetingroom.sync.client.connection import classify_refusal
from meetingroom.sync.client.local_store import PendingCommand
from meetingroom.ui import i18n
from meetingroom.ui.refusals import command_refusal_text, known_reasons, refusal_text

VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
#: Parameters a reason may carry, so every placeholder gets filled.
PARAMS = {"retry_after": 30, "min_length": 8, "item_id": 3, "seats": 3, "candidates": 2,
          "meeting_id": 1, "status": "closed", "action": "login"}


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    translations = i18n.Translations()
    assert translations.install("en")
    yield
    translations.install("vi")


def test_every_reason_of_the_protocol_is_worded() -> None:
    assert known_reasons() == {r.value for r in Reason}


@pytest.mark.parametrize("reason", list(Reason))
def test_each_reason_reads_in_vietnamese_by_default(qtbot: QtBot, reason: Reason) -> None:
    text = refusal_text("invalid_state", {"reason": reason.value, **PARAMS})
    assert VIETNAMESE.search(text), text
    assert "{" not in text, text


@pytest.mark.parametrize("reason", list(Reason))
def test_each_reason_reads_in_english_in_the_english_windows(english: None,
                                                             reason: Reason) -> None:
    text = refusal_text("invalid_state", {"reason": reason.value, **PARAMS})
    assert not VIETNAMESE.search(text), text
    assert "{" not in text, text


def test_parameters_are_filled_and_unknown_reasons_fall_back_to_the_code(
        english: None) -> None:
    assert refusal_text("rate_limited", {"reason": "too_many_attempts", "retry_after": 42}) \
        == "Too many failed logins; try again in 42 seconds."
    # A newer server's reason: the code's wording, never the server's English message.
    assert refusal_text("forbidden", {"reason": "something_new"}) == \
        "You are not allowed to do this."
    assert refusal_text("invalid_args", [{"field": "title", "problem": "too short"}]) == \
        "Invalid value."
    for code in ErrorCode:
        assert not VIETNAMESE.search(refusal_text(code.value))


def test_a_refused_ballot_says_it_was_not_counted_in_both_languages(qtbot: QtBot) -> None:
    command = PendingCommand("c1", 1, "vote.cast", {"vote_id": 3, "choice": 0},
                             "2026-12-01T01:00:00+00:00", made_offline=True)
    refusal = classify_refusal(command, "invalid_state", "the vote is not open",
                               {"reason": "vote_not_open", "status": "closed"})
    assert command_refusal_text(refusal) == ("Phiếu của bạn chưa được ghi nhận: biểu quyết "
                                             "đã kết thúc khi bạn mất kết nối.")
    other = classify_refusal(command, "invalid_state", "check in first",
                             {"reason": "check_in_first"})
    assert command_refusal_text(other) == ("Phiếu của bạn chưa được ghi nhận: Bạn chưa điểm "
                                           "danh nên chưa thể biểu quyết.")
    translations = i18n.Translations()
    try:
        assert translations.install("en")
        assert command_refusal_text(refusal) == \
            "Your ballot was not counted: the vote closed while you were offline."
    finally:
        translations.install("vi")
