# caps.py: what a terminal's terminfo entry allows a program to send, and
# a check that a program's output stays within it.
#
# The output is cut into tokens (text, C0 controls, ESC sequences, CSI
# sequences, strings such as OSC). Every string capability of the entry
# (infocmp -x, extended ones included) is expanded with tparm (for the
# parameterised ones, over the parameters they take: every combination of
# sgr's nine, every colour of setaf/setab) and cut the same way. A token of
# the output is allowed when:
#   - SGR (CSI ... m): each attribute number (38;5;N counts as one) is one
#     some capability sends: no colour to an entry without colours, no
#     256-colour form to an 8-colour one;
#   - set/reset mode (CSI ... h / l): each mode number, with its private
#     marker, is one some capability sets or resets;
#   - another CSI: some capability has a CSI with the same private marker,
#     intermediates and final byte (the numbers are the parameters);
#   - another ESC sequence, or a C0 control: some capability has it as is;
#   - text: characters of the terminal's character set (ASCII for the C
#     locale; no C1 control 0x80-0x9F for Latin-1; valid UTF-8 for UTF-8).
# One exception, documented by ncurses (curs_mouse(3X)): an entry whose
# kmous is an xterm mouse report (ESC [ M, ESC [ <) lets ncurses switch
# xterm's mouse tracking on and off (modes 1000, 1002, 1003, 1006) itself.
import json
import re
import subprocess
import sys

PAD = re.compile(rb"\$<[0-9.]+[*/]*>")


def tokens(data):
    """Cut bytes into (kind, bytes) tokens."""
    out = []
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        if c == 0x1B:
            if i + 1 >= n:
                out.append(("esc", data[i:]))
                break
            d = data[i + 1]
            if d == 0x5B:  # CSI
                j = i + 2
                while j < n and 0x30 <= data[j] <= 0x3F:
                    j += 1
                while j < n and 0x20 <= data[j] <= 0x2F:
                    j += 1
                out.append(("csi", data[i:j + 1]))
                i = j + 1
            elif d in (0x5D, 0x50, 0x5F, 0x5E):  # OSC, DCS, APC, PM
                j = i + 2
                while j < n and data[j] != 0x07 and not (data[j] == 0x1B and j + 1 < n and
                                                         data[j + 1] == 0x5C):
                    j += 1
                end = j + 1 if j < n and data[j] == 0x07 else j + 2
                out.append(("str", data[i:end]))
                i = end
            else:
                j = i + 1
                while j < n and 0x20 <= data[j] <= 0x2F:
                    j += 1
                out.append(("esc", data[i:j + 1]))
                i = j + 1
        elif c < 0x20 or c == 0x7F:
            out.append(("c0", data[i:i + 1]))
            i += 1
        else:
            j = i
            while j < n and data[j] != 0x1B and not (data[j] < 0x20 or data[j] == 0x7F):
                j += 1
            out.append(("text", data[i:j]))
            i = j
    return out


def csi_parts(tok):
    """(private marker, parameter string, intermediates, final) of a CSI."""
    body = tok[2:-1]
    final = tok[-1:].decode("latin-1")
    priv = ""
    if body[:1] in (b"?", b">", b"<", b"="):
        priv, body = body[:1].decode(), body[1:]
    m = re.match(rb"([0-9;:]*)(.*)", body, re.S)
    return priv, m.group(1).decode(), m.group(2).decode("latin-1"), final


def sgr_codes(params):
    """The attribute numbers of an SGR's parameters (38;5;N is '38;5')."""
    ps = params.split(";") if params else ["0"]
    out, k = [], 0
    while k < len(ps):
        p = ps[k] or "0"
        if p in ("38", "48") and k + 1 < len(ps) and ps[k + 1] == "5":
            out.append(p + ";5")
            k += 3
        elif p in ("38", "48") and k + 1 < len(ps) and ps[k + 1] == "2":
            out.append(p + ";2")
            k += 5
        else:
            out.append(str(int(p)) if p.isdigit() else p)
            k += 1
    return out


def _expansions(curses, name, val, colors):
    """The strings a capability can produce."""
    if b"%" not in val:
        return [val]
    if re.search(rb"%[sl]", val):
        return []  # string parameters: not for the screen
    outs = []
    try:
        if name == "sgr":
            for bits in range(512):
                outs.append(curses.tparm(val, *[(bits >> b) & 1 for b in range(9)]))
        elif name in ("setaf", "setab", "setf", "setb"):
            for c in range(max(colors, 0)):
                outs.append(curses.tparm(val, c))
        else:
            for ps in ((0,) * 9, (1,) * 9, (2, 3, 4, 5, 6, 7, 8, 9, 10), (24, 80, 1, 1, 1, 1, 1, 1, 1)):
                outs.append(curses.tparm(val, *ps))
    except curses.error:
        pass
    return outs


def compute(term):
    """The allowed tokens of term's entry (run in a process of its own:
    curses.setupterm works once per process)."""
    import curses  # pylint: disable=import-outside-toplevel
    curses.setupterm(term, 1)
    names = []
    info = subprocess.run(["infocmp", "-1", "-x", term], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, check=True).stdout.decode("latin-1")
    for line in info.splitlines()[1:]:
        m = re.match(r"\s+([A-Za-z0-9_.+-]+)=", line)
        if m:
            names.append(m.group(1))
    colors = curses.tigetnum("colors")
    allowed = {"sgr": set(), "modes": set(), "csi": set(), "esc": set(), "c0": set(),
               "str": set()}
    caps = {}
    for name in names:
        val = curses.tigetstr(name)
        if not val:
            continue
        caps[name] = val.decode("latin-1")
        if name.startswith("k"):
            continue  # what the keyboard sends, not what a program may send
        for s in _expansions(curses, name, val, colors):
            for kind, tok in tokens(PAD.sub(b"", s)):
                if kind == "csi":
                    priv, params, inter, final = csi_parts(tok)
                    if final == "m" and not priv and not inter:
                        allowed["sgr"].update(sgr_codes(params))
                    elif final in "hl" and not inter:
                        for p in params.split(";"):
                            allowed["modes"].add(priv + p + final)
                    else:
                        allowed["csi"].add(priv + "|" + inter + "|" + final)
                elif kind in ("esc", "c0"):
                    allowed[kind].add(tok.decode("latin-1"))
                elif kind == "str":
                    allowed["str"].add(tok[:2].decode("latin-1"))
    kmous = caps.get("kmous", "")
    if kmous in ("\x1b[M", "\x1b[<"):
        for m in ("1000", "1002", "1003", "1006"):
            allowed["modes"].update({"?" + m + "h", "?" + m + "l"})
    return {"caps": caps, "colors": colors,
            "allowed": {k: sorted(v) for k, v in allowed.items()}}


_cache = {}


def load(term):
    """compute(term), from a process of its own (cached)."""
    if term not in _cache:
        r = subprocess.run([sys.executable, __file__, term], stdout=subprocess.PIPE,
                           check=True)
        d = json.loads(r.stdout)
        d["allowed"] = {k: set(v) for k, v in d["allowed"].items()}
        _cache[term] = d
    return _cache[term]


def _text_problem(tok, charset):
    if charset == "ascii":
        bad = [b for b in tok if b >= 0x80]
        return "non-ASCII bytes %s" % bytes(bad[:8]).hex(" ") if bad else None
    if charset == "latin1":
        bad = [b for b in tok if 0x80 <= b <= 0x9F]
        return "C1 control bytes %s" % bytes(bad[:8]).hex(" ") if bad else None
    try:
        s = tok.decode("utf-8")
    except UnicodeDecodeError as e:
        return "invalid UTF-8 at %r" % tok[max(e.start - 4, 0):e.end + 4]
    c1 = [c for c in s if 0x80 <= ord(c) <= 0x9F]
    return "C1 controls %r" % c1[:4] if c1 else None


def check(term, raw, charset):
    """The problems (a list of strings, empty when none) of raw, the output
    sent to a terminal of type term using charset (ascii, latin1, utf8)."""
    a = load(term)["allowed"]
    problems = []
    for kind, tok in tokens(bytes(raw)):
        why = None
        if kind == "text":
            why = _text_problem(tok, charset)
        elif kind == "c0":
            if tok.decode("latin-1") not in a["c0"]:
                why = "control character"
        elif kind == "esc":
            if tok.decode("latin-1") not in a["esc"]:
                why = "escape sequence not in the entry"
        elif kind == "str":
            if tok[:2].decode("latin-1") not in a["str"]:
                why = "control string not in the entry"
        else:
            priv, params, inter, final = csi_parts(tok)
            if final == "m" and not priv and not inter:
                bad = [c for c in sgr_codes(params) if c not in a["sgr"]]
                if bad:
                    why = "attribute(s) %s not in the entry" % ",".join(bad)
            elif final in "hl" and not inter:
                bad = [p for p in params.split(";") if priv + p + final not in a["modes"]]
                if bad:
                    why = "mode(s) %s not in the entry" % ",".join(priv + p for p in bad)
            elif priv + "|" + inter + "|" + final not in a["csi"]:
                why = "control sequence not in the entry"
        if why:
            problems.append("%s: %r" % (why, tok[:40]))
    return problems


def modes_at_end(raw):
    """(alternate screen on, cursor hidden) after the last mode change in
    raw (the xterm private modes 47, 1047, 1049 and 25)."""
    alt, hidden = False, False
    for kind, tok in tokens(bytes(raw)):
        if kind != "csi":
            continue
        priv, params, inter, final = csi_parts(tok)
        if priv != "?" or inter or final not in "hl":
            continue
        for p in params.split(";"):
            if p in ("47", "1047", "1049"):
                alt = final == "h"
            elif p == "25":
                hidden = final == "l"
    return alt, hidden


if __name__ == "__main__":
    json.dump(compute(sys.argv[1]), sys.stdout)
