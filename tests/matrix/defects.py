# defects.py: the defects of issue 13, each driven end to end: a resize
# down and back (less as the peer), Home and End as ESC [ 1 ~ and ESC [ 4 ~
# under xterm, the prompts after an accent in the C locale, the signals,
# q in the help, a resize while stopped by Ctrl-Z; and a resize or SIGTERM
# just before circ waits for a key (the flaky resize check of the matrix).
import re
import os
import signal
import tempfile

from common import (CIRC, Tap, describe_status, diff, ended_ok, env_for, restored_checks,
                    screen_is, start)

def resize_both_ways(s, settle_between):
    """100x30 to 20x5 and back; returns (the screen at 20x5 or None, the
    screen before, the screen after). Without settle_between, at once (a
    window dragged faster than a busy machine lets the program follow):
    the program finds the size it had."""
    before = s.text()
    small = None
    if settle_between:
        s.resize(20, 5)
        s.settle()
        small = s.text()
        s.resize(100, 30)
    else:
        s.resize_there_and_back(20, 5)
    s.settle(before)
    return small, before, s.text()


def resize_repaint():
    tap = Tap()
    for between, how in ((False, "at once, while circ waits for the processor"),
                         (True, "waiting at 20x5 until the screen is drawn")):
        s = start("xterm-256color", "C.UTF-8", 100, 30)
        try:
            small, before, after = resize_both_ways(s, between)
            tap.check("resize 100x30 to 20x5 and back, %s (pyte drops the top lines when the "
                      "window shrinks): circ draws the whole screen again" % how,
                      after == before,
                      (["at 20x5:"] + small.splitlines() if small else []) + diff(before, after))
            s.send("q")
            s.wait_exit()
        finally:
            s.close()
    # the peer: less, in the same terminal, repaints the whole screen
    less = "/usr/bin/less"
    if not os.access(less, os.X_OK):
        tap.skip("less repaints the same way", "less is not installed")
        return tap.results
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        for i in range(1, 201):
            f.write("line %d of a text longer than the screen, for less to page\n" % i)
        path = f.name
    try:
        env = env_for("xterm-256color", "C.UTF-8", LESSHISTFILE="-", LESS="")
        for between, how in ((False, "at once"), (True, "waiting at 20x5")):
            s = start(argv=[less, path], env=env, cols=100, rows=30)
            try:
                # g (the first line): less's prompt becomes ":", as after a resize
                s.send("g")
                s.wait(lambda: s.status_line() == ":", 2)
                s.settle()
                _, before, after = resize_both_ways(s, between)
                tap.check("the peer: less, resized the same way (%s), draws the whole screen "
                          "again" % how, after == before and "line 1 of" in before,
                          diff(before, after))
                s.send("q")
                s.wait_exit()
            finally:
                s.close()
    finally:
        os.unlink(path)
    return tap.results


def home_end_tilde():
    tap = Tap()
    for term in ("xterm", "xterm-256color"):
        s = start(term, "C.UTF-8")
        try:
            s.send("\x1b[4~")
            screen_is(tap, s, "end-utf8", "TERM=%s: End sent as ESC [ 4 ~ (tmux, PuTTY) goes "
                      "to the end" % term, update=False)
            s.send("\x1b[1~")
            screen_is(tap, s, "top-utf8", "TERM=%s: Home sent as ESC [ 1 ~ goes to the top"
                      % term, update=False)
        finally:
            s.close()
    return tap.results


def c_locale_prompts():
    tap = Tap()
    for key, name in (("/", "search"), (":", "goto")):
        for finish, fname in (("\r", "Enter"), ("\x1b", "Esc")):
            s = start("xterm-256color", "C")
            try:
                s.send(key + "ab")
                s.quiet(0.03)
                s.send("é".encode("utf-8"))
                s.quiet(0.03)
                s.send("cd")
                # the line as typed; the browser may show a message about it
                # (the search's match count) at the right, after 2+ spaces
                def typed():
                    return re.split(r" {2,}", s.status_line())[0].rstrip()
                s.wait(lambda: typed().endswith("cd"), 1)
                st = s.status_line()
                tap.check("LC_ALL=C, UTF-8 terminal: %sab é cd in the %s prompt: cd is "
                          "typed after the accent" % (key, name),
                          typed().startswith(key + "ab") and typed().endswith("cd"),
                          ["status line: " + st])
                s.send(finish)
                s.wait(lambda: not s.status_line().startswith(key), 1)
                s.quiet(0.05)
                st = s.status_line()
                tap.check("LC_ALL=C: %s closes the %s prompt after an accent" % (fname, name),
                          s.alive() and not st.startswith(key), ["status line: " + st])
            finally:
                s.close()
    return tap.results


SIGNALS = [("Ctrl-\\ (SIGQUIT)", b"\x1c", None), ("SIGTERM", None, signal.SIGTERM),
           ("SIGHUP", None, signal.SIGHUP), ("SIGINT", None, signal.SIGINT),
           ("SIGPIPE", None, signal.SIGPIPE), ("SIGABRT", None, signal.SIGABRT)]


def signals():
    tap = Tap()
    for name, data, sig in SIGNALS:
        s = start("xterm", "C.UTF-8")
        try:
            if data:
                s.send(data)
            else:
                s.signal(sig)
            tap.check(name + ": circ ends", s.wait_exit(3), [describe_status(s)])
            restored_checks(tap, s, name)
        finally:
            s.close()
    return tap.results


def help_q():
    tap = Tap()
    s = start("xterm-256color", "C.UTF-8")
    try:
        pre = s.body()
        s.send("?")
        s.wait(lambda: s.status_line().startswith(" Keys"), 2)
        s.settle()
        s.send("q")
        s.wait(lambda: s.body() == pre or not s.alive(), 2)
        tap.check("q in the help (opened with ?) closes it: back to the text, circ still runs",
                  s.alive() and s.body() == pre,
                  ["circ ended (%s)" % describe_status(s)] if not s.alive() else s.lines())
        if s.alive():
            s.send("q")
        tap.check("then q quits", ended_ok(s), [describe_status(s)])
    finally:
        s.close()
    return tap.results


def suspend():
    tap = Tap()
    s = start("xterm-256color", "C.UTF-8", 70, 20)
    try:
        s.send("\x1a")
        stopped = s.wait(lambda: s.stopped, 3)
        tap.check("Ctrl-Z at 70x20 stops circ (a shell takes the terminal back)", stopped,
                  ["state: " + s.proc_state()])
        s.quiet(0.05, first=0.2)
        s.resize(80, 24)
        s.fg()
        screen_is(tap, s, "open-utf8", "resized to 80x24 while stopped, fg: circ draws "
                  "its screen at 80x24", update=False)
        s.send("q")
        tap.check("after the resume q quits, status 0", ended_ok(s), [describe_status(s)])
        restored_checks(tap, s, "after Ctrl-Z and fg")
    finally:
        s.close()
    return tap.results


def signal_before_read():
    """A resize, then SIGTERM, that come after circ drew its screen and
    before it waits for the next key. tests/slowread.so (LD_PRELOAD) makes
    every read() of the terminal sleep 0.3 s first: a program that looks at
    its flags, then calls read() to wait, gets the signal in that sleep and
    blocks in read() without seeing it (until a key: the matrix's resize
    check failed so, now and then, under load). circ must wait for the
    terminal without reading (pselect, the signals let in only there)."""
    tap = Tap()
    shim = os.path.join(os.path.dirname(CIRC), "..", "tests", "slowread.so")
    with open(CIRC, "rb") as f:
        asan = b"__asan_init" in f.read()
    if asan or not os.access(shim, os.R_OK):
        why = "a sanitizer build" if asan else "tests/slowread.so is not built"
        tap.skip("a resize, then SIGTERM, just before circ waits for a key", why)
        return tap.results
    s = start(env=env_for("xterm-256color", "C.UTF-8", LD_PRELOAD=os.path.abspath(shim),
                          SLOWREAD_US="300000"))
    try:
        # each signal as soon as circ has drawn (its output quiet for 30 ms)
        before = s.text()
        n = len(s.raw)
        s.resize(50, 15)
        drawn = s.wait(lambda: len(s.raw) > n, 3)
        tap.check("a resize to 50x15 just after circ drew its first screen: circ draws "
                  "again", drawn, s.lines())
        s.quiet(0.03)
        s.resize(80, 24)
        s.settle(before)
        tap.check("a resize back to 80x24 just after circ drew the screen at 50x15: circ "
                  "draws it again at 80x24", s.text() == before, diff(before, s.text()))
        s.signal(signal.SIGTERM)
        tap.check("SIGTERM just after circ drew its screen: circ ends", s.wait_exit(2),
                  [describe_status(s)])
    finally:
        s.close()
    return tap.results
