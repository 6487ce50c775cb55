"""tap.py - what the Python tests share: check() prints one "ok - ..." or
"not ok - ..." line per check and counts the checks that failed in
tap.failed. A test imports it from its own folder (tests/)."""

failed = 0


def check(ok, what):
    """Prints the result of one check; returns ok."""
    global failed
    print(("ok - " if ok else "not ok - ") + what)
    if not ok:
        failed += 1
    return ok


def check_line(ok, what):
    """Like check(), with the lines of what joined by " | ", so that a
    check stays one line; returns ok."""
    return check(ok, " | ".join(what.splitlines()))
