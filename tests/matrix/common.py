# common.py: what the matrix's tests share: starting circ in a terminal
# (vt.Session) with an explicit environment, the expected screens
# (NAME.screen, written by GOLDEN_UPDATE=1), and the checks made after a
# program ends (terminal modes, alternate screen, cursor).
import difflib
import os
import sys

import caps
import vt

HERE = os.path.dirname(os.path.abspath(__file__))
CIRC = os.path.abspath(os.environ.get("CIRC", "src/circ"))
DATADIR = os.path.abspath(os.environ.get("CIRC_DATADIR", os.path.join(HERE, "../../content")))
UPDATE = bool(os.environ.get("GOLDEN_UPDATE"))


class Tap:
    """The results of one job: (ok, description, diagnostic lines)."""

    def __init__(self):
        self.results = []

    def check(self, desc, ok, diag=()):
        self.results.append((bool(ok), desc, [] if ok else list(diag)))
        return ok

    def skip(self, desc, why):
        self.results.append((True, desc + " # SKIP " + why, []))


def env_for(term, loc, **more):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": term, "LC_ALL": loc,
           "CIRC_DATADIR": DATADIR}
    for k in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS", "TERMINFO", "TERMINFO_DIRS"):
        if os.environ.get(k):
            env[k] = os.environ[k]
    env.update(more)
    return env


def start(term="xterm-256color", loc="C.UTF-8", cols=80, rows=24, latin1=False, argv=None,
          env=None):
    """circ (or argv) in a new terminal, once its first screen is drawn."""
    s = vt.Session(argv or [CIRC], env or env_for(term, loc), cols, rows, latin1=latin1)
    s.wait(lambda: s.status_line().strip() != "" or s.status is not None, 8)
    s.settle()
    return s


def encode(text, charset):
    return text.encode("latin-1" if charset == "latin1" else "utf-8")


def golden_path(name):
    return os.path.join(HERE, name + ".screen")


def golden(name):
    try:
        with open(golden_path(name), encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return None


def diff(want, got):
    if want is None:
        return ["no expected screen (GOLDEN_UPDATE=1 makes it)", "got:"] + got.splitlines()
    return list(difflib.unified_diff(want.splitlines(), got.splitlines(), "expected", "got",
                                     lineterm=""))[2:]


def screen_is(tap, s, name, desc, update=True):
    """The screen is tests/matrix/NAME.screen (which GOLDEN_UPDATE=1 writes,
    unless update is false: a screen written from another step)."""
    update = update and UPDATE
    want = None if update else golden(name)
    s.settle(want)
    got = s.text()
    if update:
        old = golden(name)
        if old is None or old != got:
            if old is not None:
                sys.stderr.write("run.py: %s.screen changed\n" % name)
            with open(golden_path(name), "w", encoding="utf-8") as f:
                f.write(got)
        want = got
    extra = [] if s.alive() else ["circ is no longer running (status %r)" % s.status]
    return tap.check(desc, got == want, diff(want, got) + extra)


def ended_ok(s, limit=3.0):
    s.wait_exit(limit)
    return s.status is not None and os.WIFEXITED(s.status) and os.WEXITSTATUS(s.status) == 0


def describe_status(s):
    if s.status is None:
        return "still running"
    if os.WIFSIGNALED(s.status):
        return "killed by signal %d" % os.WTERMSIG(s.status)
    return "exit status %d" % os.WEXITSTATUS(s.status)


def restored_checks(tap, s, what):
    """After the program ended: the modes, the alternate screen, the cursor."""
    after = s.stty_after()
    tap.check("%s: the terminal modes are restored (stty -g equal)" % what,
              after == s.stty_before, ["before: " + s.stty_before, "after:  " + after])
    alt, hidden = caps.modes_at_end(s.raw)
    tap.check("%s: the alternate screen is left and the cursor shown" % what,
              not alt and not hidden,
              ["alternate screen still on" if alt else "", "cursor still hidden" if hidden else "",
               "last bytes: %r" % bytes(s.raw[-120:])])
