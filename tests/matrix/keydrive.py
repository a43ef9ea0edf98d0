# keydrive.py: every key sequence of keys.tsv, under each TERM its client
# claims. circ is brought to the first match of /equipe (state S), the key
# is sent, and what it did is compared with what its letter does from S
# (Home with g...), or with what it must do (a message, nothing else).
import os
import re
import subprocess

from common import HERE, Tap, describe_status, diff, start

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
        if s.status_line()[:1] in ("/", ":"):  # a prompt: Ctrl-G cancels it
            s.send("\x07")
            s.quiet(0.03)
        if s.status_line().startswith(" Keys") or s.lines()[0].startswith(" Keys"):
            # the help was opened: Backspace would leave it in the history
            # (Right would open it again), so start afresh
            self.restart()
            s = self.s
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
                s.settle(want, stable=2.0)
                ok = s.text() == want
                tap.check(desc + ": does what %r does" % dict(REFS)[action], ok,
                          diff(want, s.text()))
                d.dirty = True
                continue
            if action in ("back", "left"):
                pred = lambda: s.body() == s_body and "Nothing to go back to" in \
                    s.status_line()  # noqa: E731
                what = "goes back (Nothing to go back to)"
            elif action == "right":
                pred = lambda: s.body() == s_body and "Nothing to go forward to" in \
                    s.status_line()  # noqa: E731
                what = "goes forward (Nothing to go forward to)"
            elif action == "unbound":
                pred = lambda: s.body() == s_body and "no such key here" in \
                    s.status_line()  # noqa: E731
                what = "is one key circ does not bind: only a message"
            elif action == "kp:/":
                pred = lambda: s.status_line().startswith("/")  # noqa: E731
                what = "is the keypad's / in this TERM's entry: the search prompt"
                d.dirty = True
            elif action.startswith("kp:"):
                ch = action[3:]
                # a digit (but a first 0) starts a count, as in less
                said = "Count: " + ch if ch in "123456789" else ch + ": no such key here"
                pred = lambda: s.body() == s_body and said in \
                    s.status_line()  # noqa: E731
                what = "is the keypad's %s in this TERM's entry: typed as %s" % (ch, ch)
                d.dirty = True
            elif action == "alt":
                # circ binds no Alt key in the reader: an Alt key is read as
                # Esc (the search cleared) and then the key, so that an Esc
                # and a key that arrive together lose nothing
                pred = lambda: s.reverse_cells(1, s.rows - 1) == 0 and \
                    s.body() != s_body  # noqa: E731
                what = "is read as Esc (the search cleared), then j (a line down)"
                d.dirty = True
            else:
                raise ValueError(action)
            ok = s.wait(pred, 2.0)
            if not s.alive():
                ok = False
            tap.check(desc + ": " + what, ok,
                      ["circ ended (%s)" % describe_status(s)] if not s.alive() else s.lines())
            if not ok:
                d.dirty = True
    finally:
        d.s.close()
    return tap.results


# The keypad's keys in application mode: where a TERM's entry gives a
# client's sequence to one of them (the putty entry's kpDIV is ESC O Q,
# which PuTTY's "Xterm R6" mode also sends for F2; xterm's ka1 is ESC O w,
# PuTTY's "rxvt" End), the entry is the authority for that TERM and circ
# reads the keypad key, which types its character: DEC's ESC O p ... ESC O y
# are 0 to 9 and ESC O n the point, whatever the entry calls them (ka1,
# kb2, kp7...); + - * / , are named by the extended names.
KEYPAD = {"kpZRO": "0", "kpDOT": ".", "kpCMA": ",", "kpADD": "+", "kpSUB": "-",
          "kpMUL": "*", "kpDIV": "/"}
KEYPAD.update({"kp%d" % i: str(i) for i in range(1, 10)})


def keypad_keys(term):
    """{bytes: character} for the keypad keys of TERM's terminfo entry."""
    out = subprocess.run(["infocmp", "-1x", term], capture_output=True, text=True).stdout
    keys = {}
    for line in out.splitlines():
        m = re.match(r"\s+(\w+)=(.*),$", line)
        if not m:
            continue
        name, seq = m.group(1), m.group(2).replace("\\E", "\x1b")
        if name in ("ka1", "ka3", "kb2", "kc1", "kc3"):
            if len(seq) == 3 and seq[:2] == "\x1bO" and seq[2] in "pqrstuvwxyn":
                keys[seq] = "." if seq[2] == "n" else str(ord(seq[2]) - ord("p"))
        elif name in KEYPAD:
            keys[seq] = KEYPAD[name]
    return keys


def key_jobs():
    terms, rows = read_keys()
    per_term = {}
    keypads = {}
    for client, mode, key, action, data, _src in rows:
        for term in terms[client]:
            kp = keypads.setdefault(term, keypad_keys(term))
            if unescape(data) in kp and action not in ("esc", "alt"):
                action = "kp:" + kp[unescape(data)]
            e = per_term.setdefault(term, {})
            label = "%s%s %s" % (client, "" if mode == "any" else " (%s)" % mode, key)
            e.setdefault((unescape(data), action), []).append(label)
    jobs = []
    for term, e in per_term.items():
        entries = [(k[0], k[1], v) for k, v in e.items()]
        jobs.append((len(entries), keys_job, (term, entries)))
    return jobs
