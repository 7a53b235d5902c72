#!/usr/bin/env python3
"""Bojagi: a subunit v2 stream (stdin) as one JSON object per test (stdout).

Each line: {"id", "status", "tags", "start", "stop", "reason", "traceback"}. Unlike subunit2csv this keeps the skip
reason and the traceback; unlike subunit2junitxml it keeps the status names (success, fail, skip, xfail, uxsuccess)
and the tags. Run with the Tempest venv's interpreter (python-subunit and testtools come with Tempest).
"""
import json
import sys

import subunit
import testtools


def text(details, name):
    content = details.get(name)
    if content is None:
        return None
    try:
        return content.as_text()
    except Exception:  # a detail that is not text
        return None


def emit(test):
    if test["status"] == "exists":  # a listing, not a result
        return
    stamps = [t.isoformat() if t is not None else None for t in test.get("timestamps", [None, None])]
    print(json.dumps({
        "id": test["id"],
        "status": test["status"],
        "tags": sorted(test.get("tags") or []),
        "start": stamps[0],
        "stop": stamps[1] if len(stamps) > 1 else None,
        "reason": text(test["details"], "reason"),
        "traceback": text(test["details"], "traceback"),
    }), flush=False)


def main():
    stream = subunit.ByteStreamToStreamResult(sys.stdin.buffer, non_subunit_name="stdout")
    result = testtools.StreamToDict(emit)
    result.startTestRun()
    try:
        stream.run(result)
    finally:
        result.stopTestRun()


if __name__ == "__main__":
    main()
