#!/usr/bin/python3
# run.py: the terminal matrix (tests/matrix.test runs it in make check).
# circ runs in a pseudo-terminal and its output goes through pyte, a strict
# VT emulator (vt.py), for each TERM of TERMS and each locale of LOCALES:
# open, move, End and Home (the bytes that terminal's keyboard sends),
# a search typed with an accent, a resize down and back, the help and
# quit. The screens are compared with tests/matrix/NAME.screen; after
# quitting, the terminal's modes are those from before (stty -g), the
# alternate screen is left, the cursor shown, and every byte sent is one
# the TERM's terminfo entry has (caps.py). Then every key sequence of
# keys.tsv is driven under each TERM its client claims, and the defects of
# issue 13 each have a test (resize repaint, Ctrl-Z, signals, prompts in the
# C locale, q in the help).
# The checks wait until the screen is the expected one, or until it stays
# the same (bounded); none relies on a fixed sleep alone.
# Prints TAP. GOLDEN_UPDATE=1 rewrites the expected screens (read the
# difference first). MATRIX_JOBS (default 2): how many runs at once.
import json
import os
import re
import signal
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # nothing written into the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
try:
    import pyte  # noqa: F401  pylint: disable=unused-import
except ImportError:
    print("1..0 # SKIP python3-pyte is not installed (./setup installs it)")
    sys.exit(0)
import caps  # noqa: E402
import vt  # noqa: E402

CIRC = os.path.abspath(os.environ.get("CIRC", "src/circ"))
DATADIR = os.path.abspath(os.environ.get("CIRC_DATADIR", os.path.join(HERE, "../../content")))
UPDATE = bool(os.environ.get("GOLDEN_UPDATE"))

TERMS = ["xterm", "xterm-256color", "putty", "putty-256color", "screen", "screen-256color",
         "tmux-256color", "linux", "vt100", "vt220", "rxvt-unicode"]
# locale, the terminal's character set, the name of its expected screens
LOCALES = [("C.UTF-8", "utf8", "utf8"), ("C", "utf8", "ascii"),
           ("fr_FR.UTF-8", "utf8", "fr"), ("fr_FR.ISO-8859-1", "latin1", "latin1")]
# what the Home, End and PgDn keys of the terminal a TERM names send
# (keys.tsv has the sources); a VT100 has no Home, End or PgDn key: g, G
# and Space stand for them
HOME_END_PGDN = {
    "xterm": ("\x1bOH", "\x1bOF", "\x1b[6~"),  # xterm, application cursor keys (smkx)
    "xterm-256color": ("\x1bOH", "\x1bOF", "\x1b[6~"),
    "putty": ("\x1b[1~", "\x1b[4~", "\x1b[6~"),  # PuTTY's default keyboard
    "putty-256color": ("\x1b[1~", "\x1b[4~", "\x1b[6~"),
    "screen": ("\x1b[1~", "\x1b[4~", "\x1b[6~"),
    "screen-256color": ("\x1b[1~", "\x1b[4~", "\x1b[6~"),
    "tmux-256color": ("\x1b[1~", "\x1b[4~", "\x1b[6~"),
    "linux": ("\x1b[1~", "\x1b[4~", "\x1b[6~"),
    "vt100": ("g", "G", " "),
    "vt220": ("\x1b[1~", "\x1b[4~", "\x1b[6~"),  # Find, Select, Next Screen
    "rxvt-unicode": ("\x1b[7~", "\x1b[8~", "\x1b[6~"),
}
ACCENT = "équipe"
# the TERM whose screens GOLDEN_UPDATE=1 writes; the others must equal them
REF_TERM = "xterm-256color"


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
    import difflib  # pylint: disable=import-outside-toplevel
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
            if old is not None and not name.startswith("_"):
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


def restored_checks(tap, s, what, term):
    """After the program ended: the modes, the alternate screen, the cursor."""
    after = s.stty_after()
    tap.check("%s: the terminal modes are restored (stty -g equal)" % what,
              after == s.stty_before, ["before: " + s.stty_before, "after:  " + after])
    alt, hidden = caps.modes_at_end(s.raw)
    tap.check("%s: the alternate screen is left and the cursor shown" % what,
              not alt and not hidden,
              ["alternate screen still on" if alt else "", "cursor still hidden" if hidden else "",
               "last bytes: %r" % bytes(s.raw[-120:])])
    del term


def fresh_help(term, loc, name):
    """Write NAME.screen from the help of a circ just started (in the C
    locale the search typed with an accent may leave circ in a state
    where ? is not the help: the expected screen must not come from it)."""
    s = start(term, loc)
    try:
        s.send("?")
        s.settle()
        with open(golden_path(name), "w", encoding="utf-8") as f:
            f.write(s.text())
    finally:
        s.close()


# --- the matrix: TERM x locale -------------------------------------------------
def scenario(term, loc, charset, gname):
    tap = Tap()
    ref = term == REF_TERM  # GOLDEN_UPDATE=1 writes its screens
    what = "TERM=%s LC_ALL=%s" % (term, loc)
    s = start(term, loc, latin1=charset == "latin1")
    try:
        screen_is(tap, s, "open-" + gname, what + ": the opening screen", update=ref)
        home, end, pgdn = HOME_END_PGDN[term]
        for k in ("j", "j", " ", pgdn):
            s.send(k)
            s.quiet(0.03)
        screen_is(tap, s, "moved-" + gname, what + ": j j Space PgDn move down", update=ref)
        s.send(end)
        screen_is(tap, s, "end-" + gname, what + ": End (%r) goes to the end" % end, update=ref)
        s.send(home)
        screen_is(tap, s, "top-" + gname, what + ": Home (%r) goes to the top" % home, update=ref)
        s.send(b"/" + encode(ACCENT, charset))
        s.quiet(0.05)
        s.send("\r")
        if gname == "ascii":
            s.quiet(0.05)
            s.settle()
            st = s.status_line()
            tap.check(what + ": /équipe typed in UTF-8, then Enter: the prompt is closed",
                      s.alive() and not st.startswith("/"), ["status line: " + st])
        else:
            screen_is(tap, s, "search-" + gname,
                      what + ": /équipe typed with its accent goes to the first match", update=ref)
        before = s.text()
        s.resize(50, 15)
        if gname == "ascii":
            s.settle()
            ls = s.lines()
            tap.check(what + ": at 50x15 the whole screen is drawn again",
                      ls[0].startswith(" ST/SGB/2010/2") and ls[-1].strip() != "", ls)
        else:
            screen_is(tap, s, "small-" + gname, what + ": resized to 50x15, the whole screen", update=ref)
        s.resize(80, 24)
        s.settle(before)
        tap.check(what + ": back to 80x24, the same screen as before", s.text() == before,
                  diff(before, s.text()))
        # Ctrl-L: the same screen without the message; it is the one q in
        # the help must come back to (the final screen)
        s.send("\x0c")
        s.quiet(0.05)
        if gname != "ascii":
            screen_is(tap, s, "final-" + gname, what + ": Ctrl-L redraws, the message cleared", update=ref)
        pre = s.body()
        if UPDATE and ref and gname == "ascii":
            fresh_help(term, loc, "help-" + gname)
        s.send("?")
        screen_is(tap, s, "help-" + gname, what + ": ? opens the help",
                  update=ref and gname != "ascii")
        s.send("q")
        s.wait(lambda: s.body() == pre or not s.alive(), 2)
        s.settle()
        tap.check(what + ": q in the help goes back to the text", s.alive() and s.body() == pre,
                  ["circ ended (%s)" % describe_status(s)] if not s.alive() else
                  diff(pre, s.body()))
        if gname != "ascii":
            screen_is(tap, s, "final-" + gname, what + ": the final screen", update=False)
        if s.alive():
            s.send("q")
        tap.check(what + ": q quits, status 0", ended_ok(s), [describe_status(s)])
        restored_checks(tap, s, what, term)
        problems = caps.check(term, s.raw, "ascii" if gname == "ascii" else charset)
        tap.check(what + ": every byte sent is in the terminfo entry and the character set",
                  not problems, problems[:15])
    finally:
        s.close()
    return tap.results


# --- the keys of keys.tsv ------------------------------------------------------
def read_keys():
    terms, rows = {}, []
    with open(os.path.join(HERE, "keys.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fld = line.rstrip("\n").split("\t")
            if fld[0] == "terms":
                terms[fld[1]] = fld[2].split()
            else:
                rows.append(fld)
    return terms, rows


def unescape(s):
    """keys.tsv's bytes: \\e is ESC, \\xHH a byte."""
    return re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)),
                  s.replace("\\e", "\x1b"))


REFS = [("down", "j"), ("up", "k"), ("pgdn", " "), ("pgup", "b"), ("top", "g"),
        ("bottom", "G"), ("help", "?")]


class KeyDriver:
    """One circ under one TERM, brought back to the first match of /equipe
    (state S) before each key that moves."""

    def __init__(self, term):
        self.term = term
        self.s = None
        self.dirty = True
        self.restart()

    def restart(self):
        if self.s:
            self.s.close()
        self.s = start(self.term, "C.UTF-8")
        self.dirty = True

    def reset(self):
        s = self.s
        if not s.alive():
            self.restart()
            s = self.s
        if s.status_line().startswith(" Keys") or s.lines()[0].startswith(" Keys"):
            s.send("\x7f")
            s.quiet(0.03)
        s.send("g")
        s.quiet(0.03)
        s.send("/equipe\r")
        ok = s.wait(lambda: s.status_line().endswith("Match 1 of 12"), 3)
        s.quiet(0.03, first=0.03)
        self.dirty = not ok
        return ok

    def press(self, data):
        self.s.send(data)
        self.s.quiet(0.04)


def keys_job(term, entries):
    """entries: [(bytes, action, [labels])]."""
    tap = Tap()
    d = KeyDriver(term)
    try:
        refs = {}
        for action, key in REFS:
            d.reset()
            d.press(key)
            d.s.settle()
            refs[action] = d.s.text()
        d.reset()
        s_body = d.s.body()
        for data, action, labels in entries:
            if d.dirty and not d.reset():
                tap.check("TERM=%s: back to the first match of /equipe" % term, False,
                          d.s.lines())
                continue
            s = d.s
            desc = "TERM=%s: %s %s" % (term, " ".join(repr(data)[1:-1].split()),
                                       "; ".join(labels))
            if action == "esc":
                s.send(data)
                s.wait(lambda: s.reverse_cells(1, s.rows - 1) == 0, 1)
                s.quiet(0.04)
                ok = s.alive() and s.reverse_cells(1, s.rows - 1) == 0
                tap.check(desc + ": a lone Esc clears the search", ok, s.lines())
                d.dirty = True
                continue
            d.press(data)
            if action in refs:
                want = refs[action]
                s.settle(want, stable=0.3)
                ok = s.text() == want
                tap.check(desc + ": does what %r does" % dict(REFS)[action], ok,
                          diff(want, s.text()))
                d.dirty = True
                continue
            st = s.status_line()
            if action in ("back", "left"):
                ok = s.body() == s_body and "Nothing to go back to" in st
                what = "goes back (Nothing to go back to)"
            elif action == "right":
                ok = s.body() == s_body and "Nothing to go forward to" in st
                what = "goes forward (Nothing to go forward to)"
            elif action == "unbound":
                ok = s.body() == s_body and "no such key here" in st
                what = "is one key circ does not bind: only a message"
            elif action == "alt":
                ok = s.alive() and s.reverse_cells(1, s.rows - 1) > 0
                what = "is not read as Esc then j (the search stays)"
                d.dirty = True
            else:
                raise ValueError(action)
            if not s.alive():
                ok = False
            tap.check(desc + ": " + what, ok,
                      ["circ ended (%s)" % describe_status(s)] if not s.alive() else s.lines())
            if not ok:
                d.dirty = True
    finally:
        d.s.close()
    return tap.results


def key_jobs():
    terms, rows = read_keys()
    per_term = {}
    for client, mode, key, action, data, _src in rows:
        for term in terms[client]:
            e = per_term.setdefault(term, {})
            label = "%s%s %s" % (client, "" if mode == "any" else " (%s)" % mode, key)
            e.setdefault((unescape(data), action), []).append(label)
    jobs = []
    for term, e in per_term.items():
        entries = [(k[0], k[1], v) for k, v in e.items()]
        jobs.append((len(entries), keys_job, (term, entries)))
    return jobs


# --- the defects of issue 13 ------------------------------------------------------
def resize_both_ways(s, settle_between):
    """100x30 to 20x5 and back; returns (the screen at 20x5 or None, the
    screen before, the screen after)."""
    before = s.text()
    s.resize(20, 5)
    small = None
    if settle_between:
        s.settle()
        small = s.text()
    s.resize(100, 30)
    s.settle(before)
    return small, before, s.text()


def resize_repaint():
    tap = Tap()
    for between, how in ((False, "at once, as when a window is dragged"),
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
                s.wait(lambda: s.status_line().endswith("cd"), 1)
                st = s.status_line()
                tap.check("LC_ALL=C, UTF-8 terminal: %sab é cd in the %s prompt: cd is "
                          "typed after the accent" % (key, name),
                          st.startswith(key + "ab") and st.endswith("cd"), ["status line: " + st])
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
            restored_checks(tap, s, name, "xterm")
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
        restored_checks(tap, s, "after Ctrl-Z and fg", "xterm-256color")
    finally:
        s.close()
    return tap.results


def jobs():
    out = []
    for term in TERMS:
        for loc, charset, gname in LOCALES:
            out.append((14, scenario, (term, loc, charset, gname)))
    for cost, fn in ((5, resize_repaint), (3, home_end_tilde), (6, c_locale_prompts),
                     (6, signals), (2, help_q), (3, suspend)):
        out.append((cost, fn, ()))
    out.extend(key_jobs())
    return out


def run_some(todo):
    res = []
    for i, fn, args in todo:
        t0 = time.monotonic()
        try:
            res.append((i, fn(*args)))
        except Exception as e:  # pylint: disable=broad-except
            import traceback  # pylint: disable=import-outside-toplevel
            res.append((i, [(False, "%s%r ran to its end" % (fn.__name__, args),
                             traceback.format_exc().splitlines() + [str(e)])]))
        if os.environ.get("MATRIX_TIMES"):
            sys.stderr.write("%6.2f s  %s%r\n" % (time.monotonic() - t0, fn.__name__, args[:2]))
    return res


def main():
    if not os.access(CIRC, os.X_OK):
        print("1..0 # SKIP %s is not built" % CIRC)
        return 0
    missing = [loc for loc, _, _ in LOCALES if not _locale_ok(loc)]
    all_jobs = jobs()
    nproc = max(1, int(os.environ.get("MATRIX_JOBS", "2")))
    order = sorted(range(len(all_jobs)), key=lambda i: -all_jobs[i][0])
    shares = [[] for _ in range(nproc)]
    loads = [0] * nproc
    for i in order:
        k = loads.index(min(loads))
        shares[k].append((i, all_jobs[i][1], all_jobs[i][2]))
        loads[k] += all_jobs[i][0]
    results = {}
    if UPDATE:  # the reference screens first, then every TERM compares
        first = [i for i in range(len(all_jobs)) if all_jobs[i][1] is scenario and
                 all_jobs[i][2][0] == REF_TERM]
        for i, res in run_some([(i, all_jobs[i][1], all_jobs[i][2]) for i in first]):
            results[i] = res
        shares = [[j for j in sh if j[0] not in first] for sh in shares]
    children = []
    for share in shares[1:]:
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            data = json.dumps(run_some(share)).encode()
            with os.fdopen(w, "wb") as f:
                f.write(data)
            os._exit(0)
        os.close(w)
        children.append((pid, r))
    for i, res in run_some(shares[0]):
        results[i] = res
    for pid, r in children:
        with os.fdopen(r, "rb") as f:
            data = f.read()
        os.waitpid(pid, 0)
        for i, res in json.loads(data or b"[]"):
            results[i] = res
    n = failed = 0
    for loc in missing:
        n += 1
        failed += 1
        print("not ok %d - the %s locale exists (./setup generates it)" % (n, loc))
    for i in range(len(all_jobs)):
        for ok, desc, diag in results.get(i, [(False, "job %d ran" % i, [])]):
            n += 1
            if not ok:
                failed += 1
            print("%s %d - %s" % ("ok" if ok else "not ok", n, desc))
            for line in diag[:40]:
                if line:
                    print("# " + line)
    print("1..%d" % n)
    return 1 if failed else 0


def _locale_ok(loc):
    import locale  # pylint: disable=import-outside-toplevel
    try:
        locale.setlocale(locale.LC_ALL, loc)
        return True
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_ALL, "C")


if __name__ == "__main__":
    sys.exit(main())
