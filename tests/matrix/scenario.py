# scenario.py: the matrix proper, one TERM and one locale: open, move,
# End and Home as that terminal sends them, a search typed with an accent,
# a resize down and back, the help and q, quit; then the terminal modes,
# the alternate screen, the cursor and every byte sent (caps.py).
import caps
from common import (UPDATE, Tap, describe_status, diff, encode, ended_ok, golden_path,
                    restored_checks, screen_is, start)

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


def fresh_help(term, loc, name):
    """Write NAME.screen from the help of a circ just started (in the C
    locale the search typed with an accent may leave circ in a state
    where ? is not the help: the expected screen must not come from it).
    The help is opened from 2.4 f), where the scenario opens it, so that
    its status line says Back goes there."""
    s = start(term, loc)
    try:
        s.send(":2.4f\r")
        s.settle()
        s.send("?")
        s.settle()
        with open(golden_path(name), "w", encoding="utf-8") as f:
            f.write(s.text())
    finally:
        s.close()


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
        restored_checks(tap, s, what)
        problems = caps.check(term, s.raw, "ascii" if gname == "ascii" else charset)
        tap.check(what + ": every byte sent is in the terminfo entry and the character set",
                  not problems, problems[:15])
    finally:
        s.close()
    return tap.results
