"""The error-log guard itself: it must see an unexpected ERROR and let an expected one be."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytest_plugins = ["pytester"]


def test_an_unexpected_error_record_fails_the_test(pytester: pytest.Pytester,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # in a process of its own: this test's own guard would see the inner test's records
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]))
    pytester.makeconftest('pytest_plugins = ["tests.helpers.logfail"]\n')
    pytester.makepyfile(
        "import logging\n"
        "import pytest\n"
        "def test_swallowed():\n"
        "    try:\n"
        "        raise RuntimeError('bug')\n"
        "    except RuntimeError:\n"
        "        logging.getLogger('meetingroom.x').exception('handler failed')\n"
        "@pytest.mark.logs_errors('checks the log')\n"
        "def test_expected():\n"
        "    logging.getLogger('meetingroom.x').error('expected')\n"
        "def test_other_library():\n"
        "    logging.getLogger('somelib').error('not ours')\n")
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "-p", "no:asyncio", "-p", "no:qt",
        "-o", "markers=logs_errors(why): expected")
    result.assert_outcomes(passed=3, errors=1)  # the swallowed one errs at teardown
    result.stdout.fnmatch_lines(["*unexpected ERROR log record*", "*handler failed*"])


def test_warnings_are_not_errors(caplog: pytest.LogCaptureFixture) -> None:
    logging.getLogger("meetingroom.x").warning("a warning is not a failure")
