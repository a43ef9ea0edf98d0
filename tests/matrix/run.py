#!/usr/bin/python3
# run.py: the terminal matrix (tests/matrix.test runs it in make check).
# circ runs in a pseudo-terminal and its output goes through pyte, a strict
# VT emulator (vt.py): scenario.py for each TERM and each locale (open,
# move, End and Home as that terminal sends them, a search typed with an
# accent, a resize down and back, the help, quit; the screens compared with
# tests/matrix/NAME.screen, then stty -g, the alternate screen, the cursor,
# and every byte sent against the TERM's terminfo entry, caps.py);
# keydrive.py for every key sequence of keys.tsv; defects.py for the
# defects of issue 13 and a signal just before the wait for a key. This
# file makes the list of jobs, runs them MATRIX_JOBS (default 2) at a time
# and prints TAP, in the list's order.
# The checks wait until the screen is the expected one, or until it stays
# the same (bounded); none relies on a fixed sleep alone.
# GOLDEN_UPDATE=1 rewrites the expected screens (read the difference
# first): those of the reference TERM (scenario.REF_TERM), which every
# other TERM must then equal. MATRIX_ONLY='WORD...': only the jobs whose
# name or first argument has one of the words (keys_job, scenario,
# signals, xterm...), when debugging.
import json
import os
import sys
import time

sys.dont_write_bytecode = True  # nothing written into the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
try:
    import pyte  # noqa: F401  pylint: disable=unused-import
except ImportError:
    print("1..0 # SKIP python3-pyte is not installed (./setup installs it)")
    sys.exit(0)
import defects  # noqa: E402
import keydrive  # noqa: E402
import scenario  # noqa: E402
from common import CIRC, UPDATE  # noqa: E402


def jobs():
    out = []
    for term in scenario.TERMS:
        for loc, charset, gname in scenario.LOCALES:
            out.append((14, scenario.scenario, (term, loc, charset, gname)))
    for cost, fn in ((5, defects.resize_repaint), (3, defects.home_end_tilde), (6, defects.c_locale_prompts),
                     (6, defects.signals), (2, defects.help_q), (3, defects.suspend),
                     (2, defects.signal_before_read)):
        out.append((cost, fn, ()))
    out.extend(keydrive.key_jobs())
    only = os.environ.get("MATRIX_ONLY")  # when debugging: some of the jobs
    if only:
        out = [j for j in out if any(w in j[1].__name__ + repr(j[2][:1]) for w in only.split())]
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
    missing = [loc for loc, _, _ in scenario.LOCALES if not _locale_ok(loc)]
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
        first = [i for i in range(len(all_jobs)) if all_jobs[i][1] is scenario.scenario and
                 all_jobs[i][2][0] == scenario.REF_TERM]
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
